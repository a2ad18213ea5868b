import Common

/// Fast paths for the two scalar forms nearly every value takes, exactly equivalent to the Common parsers they
/// shortcut (each falls back to them for anything else). Profiled: date and bool parsing through the general
/// parsers were ~8% of loading a province file, mostly cursor bookkeeping for `YYYY-MM-DD`, `D/M/YYYY` and `0`/`1`.
enum FastScalars {
    /// A date value (already trimmed) as a `Stamp`; nil when it is not a contract date.
    @inline(__always) static func date(_ b: UnsafeRawBufferPointer, _ fractions: FractionTexts,
                                       _ months: MonthTable) -> Stamp? {
        let n = b.count
        if n == 10, b[4] == 0x2D, b[7] == 0x2D {  // YYYY-MM-DD, date only: what DateValue.parseISO accepts
            guard let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2),
                  let day = months.day(y, m, d) else { return nil }
            var s = Stamp()
            s.day = day
            return s
        }
        if n >= 16, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20 {  // a date and a time
            return timed(b, months) ?? general(b, fractions)
        }
        if n >= 8, n <= 10, b[n - 5] == 0x2F, let y = digits(b, n - 4, 4) {  // D/M/YYYY
            let first = b[1] == 0x2F ? 1 : (b[2] == 0x2F ? 2 : 0)
            guard first > 0, let d = digits(b, 0, first) else { return general(b, fractions) }
            let mLen = n - 5 - first - 1
            guard mLen == 1 || mLen == 2, let m = digits(b, first + 1, mLen) else { return general(b, fractions) }
            guard let day = months.day(y, m, d) else { return nil }
            var s = Stamp()
            s.day = day
            return s
        }
        return general(b, fractions)
    }

    /// `YYYY-MM-DD(T| )HH:MM[:SS][Z|±HH:MM]` without a fraction, exactly as `DateValue.parse` reads it; nil
    /// for anything else (the caller then asks `DateValue.parse`, which also decides what is invalid).
    @inline(__always) private static func timed(_ b: UnsafeRawBufferPointer, _ months: MonthTable) -> Stamp? {
        let n = b.count
        guard let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2), let day = months.day(y, m, d),
              let h = digits(b, 11, 2), b[13] == 0x3A, let mi = digits(b, 14, 2), h <= 23, mi <= 59 else { return nil }
        var i = 16, sec = 0
        if i < n, b[i] == 0x3A {
            guard i + 3 <= n, let s = digits(b, i + 1, 2), s <= 59 else { return nil }
            sec = s
            i += 3
        }
        var offset = 25_200  // Vietnam time when no offset is written
        if i < n, b[i] == 0x5A {
            offset = 0
            i += 1
        } else if i < n, b[i] == 0x2B || b[i] == 0x2D {
            guard i + 6 <= n, let oh = digits(b, i + 1, 2), b[i + 3] == 0x3A, let om = digits(b, i + 4, 2),
                  oh <= 23, om <= 59 else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 0x2D ? -1 : 1)
            i += 6
        }
        guard i == n else { return nil }  // a fraction or anything else: the general parser
        let instant = Int(day) * 86_400 + h * 3600 + mi * 60 + sec - offset
        let vnDay = (instant + 25_200 - (instant + 25_200 < 0 ? 86_399 : 0)) / 86_400
        var s = Stamp()
        s.day = Int32(truncatingIfNeeded: vnDay)
        s.tod = Int32(instant + 25_200 - vnDay * 86_400)
        return s
    }

    private static func general(_ b: UnsafeRawBufferPointer, _ fractions: FractionTexts) -> Stamp? {
        DateValue.parse(bytes: b).map { Stamp($0, fractions: fractions) }
    }

    @inline(__always) private static func digits(_ b: UnsafeRawBufferPointer, _ at: Int, _ n: Int) -> Int? {
        var v = 0
        for k in at..<(at + n) {
            let c = b[k] &- 0x30
            guard c <= 9 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    /// A flag value (already trimmed, not empty); nil when it is not a contract bool.
    @inline(__always) static func bool(_ b: UnsafeRawBufferPointer) -> Bool? {
        switch b.count {
        case 1:
            if b[0] == 0x31 { return true }
            if b[0] == 0x30 { return false }
        case 4:
            if b.loadUnaligned(as: UInt32.self) | 0x2020_2020 == trueWord { return true }
        case 3:  // "có", precomposed and lower case: the usual spelling in Vietnamese exports
            if b[0] == 0x63, b[1] == 0xC3, b[2] == 0xB3 { return true }
        case 5:
            if b.loadUnaligned(as: UInt32.self) | 0x2020_2020 == falseWord, b[4] | 0x20 == 0x65 { return false }
        case 6:  // "không", likewise
            if b.loadUnaligned(as: UInt32.self) == 0xB4C3_686B, b[4] == 0x6E, b[5] == 0x67 { return false }
        default: break
        }
        return ContractBool.parse(bytes: b)
    }

    // "true" and "fals" as little-endian words; OR-ing 0x20 lowercases letters and leaves no other word equal.
    private static let trueWord: UInt32 = 0x6575_7274, falseWord: UInt32 = 0x736C_6166
}

/// Day numbers of the first of each month, 1900–2199: a validated date in two loads instead of
/// `dayNumber`'s divisions (4.7% of loading). Other years go to `dayNumber` itself.
final class MonthTable: Sendable {
    private static let first = 1900, years = 300
    private let starts: [Int32]

    init() {
        var s: [Int32] = []
        for y in Self.first..<(Self.first + Self.years) {
            for m in 1...12 { s.append(dayNumber(year: y, month: m, day: 1)!) }
        }
        s.append(dayNumber(year: Self.first + Self.years, month: 1, day: 1)!)
        starts = s
    }

    /// The day number of a real calendar date, nil for an impossible one (exactly as `dayNumber`).
    @inline(__always) func day(_ y: Int, _ m: Int, _ d: Int) -> Int32? {
        let i = (y - Self.first) * 12 + (m - 1)
        guard y >= Self.first, y < Self.first + Self.years, m >= 1, m <= 12 else { return dayNumber(year: y, month: m, day: d) }
        guard d >= 1, Int32(d) <= starts[i + 1] - starts[i] else { return nil }
        return starts[i] + Int32(d - 1)
    }
}
