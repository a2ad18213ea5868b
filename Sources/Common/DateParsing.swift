/// Parsing and comparing the contract's date values (data contract §Scalars), by hand on UTF-8 bytes:
/// no `DateFormatter`, no `TimeZone`, so the result never depends on the machine's locale or zone.
extension DateValue {
    /// Parses exactly the contract's forms, after trimming surrounding spaces and tabs:
    /// `YYYY-MM-DD`; that plus `T` or one space, `HH:MM[:SS[.fraction]]` and an optional `Z` or `±HH:MM`;
    /// or Vietnamese `D/M/YYYY` (day and month of one or two digits). Nil for anything else,
    /// including impossible dates (`31/02/2025`), hour 24, second 60 and non-ASCII digits.
    public static func parse<S: StringProtocol>(_ text: S) -> DateValue? {
        if let r = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: UnsafeRawBufferPointer($0)) }) {
            return r
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes; see `parse(_:)` for the accepted forms.
    public static func parse(bytes: UnsafeRawBufferPointer) -> DateValue? {
        var s = ByteCursor(bytes)
        s.trim()
        if s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-") { return s.parseISO() }
        return s.parseVietnamese()
    }

    /// Compares two values per the contract: as instants when both have a time (fractions compared exactly),
    /// otherwise by their calendar day in UTC+07:00. Returns -1, 0 or 1.
    public static func compare(_ a: DateValue, _ b: DateValue) -> Int {
        if a.hasTime && b.hasTime {
            if a.seconds != b.seconds { return a.seconds < b.seconds ? -1 : 1 }
            return compareFractions(a.fraction, b.fraction)
        }
        return a.day == b.day ? 0 : (a.day < b.day ? -1 : 1)
    }

    /// Compares two fractional-second digit strings (trailing zeros removed) as decimal fractions.
    /// With trailing zeros gone, byte-wise order of the digits is numeric order ("25" < "5", "1" < "12").
    public static func compareFractions(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// `compare(self, other) < 0`.
    public func isBefore(_ other: DateValue) -> Bool { DateValue.compare(self, other) < 0 }
}

/// A read position over a trimmed byte range; every accessor is bounds-checked so hostile input cannot crash.
private struct ByteCursor {
    let base: UnsafeRawBufferPointer
    var lo: Int
    var hi: Int

    init(_ base: UnsafeRawBufferPointer) { self.base = base; lo = 0; hi = base.count }

    var count: Int { hi - lo }

    /// The byte at `i` from the start, or 0 when out of range (0 is never a valid character here).
    subscript(_ i: Int) -> UInt8 { (i >= 0 && lo + i < hi) ? base[lo + i] : 0 }

    mutating func trim() {
        while lo < hi, base[lo] == 0x20 || base[lo] == 0x09 { lo += 1 }
        while hi > lo, base[hi - 1] == 0x20 || base[hi - 1] == 0x09 { hi -= 1 }
    }

    /// The value of `n` ASCII digits at `i`, or nil if any is not a digit.
    func digits(_ i: Int, _ n: Int) -> Int? {
        var v = 0
        for k in i..<(i + n) {
            let c = self[k]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    func parseISO() -> DateValue? {
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
              let day = dayNumber(year: y, month: m, day: d) else { return nil }
        if count == 10 { return DateValue(day: day) }
        guard self[10] == UInt8(ascii: "T") || self[10] == UInt8(ascii: " ") else { return nil }
        return parseTime(from: 11, day: day)
    }

    /// `HH:MM[:SS[.fraction]]` then optional `Z` / `±HH:MM`, starting at `i`, running to the end.
    func parseTime(from start: Int, day: DayNumber) -> DateValue? {
        var i = start
        guard let h = digits(i, 2), self[i + 2] == UInt8(ascii: ":"), let mi = digits(i + 3, 2),
              h <= 23, mi <= 59 else { return nil }
        i += 5
        var sec = 0
        var fracLo = 0, fracHi = 0
        if self[i] == UInt8(ascii: ":") {
            guard let s = digits(i + 1, 2), s <= 59 else { return nil }
            sec = s
            i += 3
            if self[i] == UInt8(ascii: ".") {
                fracLo = i + 1
                i += 1
                while let _ = digits(i, 1) { i += 1 }
                guard i > fracLo else { return nil }
                fracHi = i
            }
        }
        var offset = vietnamOffsetSeconds
        if self[i] == UInt8(ascii: "Z") {
            offset = 0
            i += 1
        } else if self[i] == UInt8(ascii: "+") || self[i] == UInt8(ascii: "-") {
            guard let oh = digits(i + 1, 2), self[i + 3] == UInt8(ascii: ":"), let om = digits(i + 4, 2),
                  oh <= 23, om <= 59 else { return nil }
            offset = Int64(oh * 3600 + om * 60) * (self[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        }
        guard i == count else { return nil }
        while fracHi > fracLo, self[fracHi - 1] == UInt8(ascii: "0") { fracHi -= 1 }
        let fraction = fracHi > fracLo
            ? String(decoding: UnsafeRawBufferPointer(rebasing: base[(lo + fracLo)..<(lo + fracHi)]), as: UTF8.self) : ""
        let local = Int64(day) * secondsPerDay + Int64(h * 3600 + mi * 60 + sec)
        let instant = local - offset
        let vnDay = floorDivide(instant + vietnamOffsetSeconds, secondsPerDay)
        return DateValue(day: DayNumber(truncatingIfNeeded: vnDay), seconds: instant, fraction: fraction)
    }

    /// `D/M/YYYY` with one- or two-digit day and month, nothing else.
    func parseVietnamese() -> DateValue? {
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var n = 0, v = 0
            while n < maxDigits, let d = digits(i, 1) { v = v * 10 + d; n += 1; i += 1 }
            return n == 0 ? nil : v
        }
        guard let d = number(maxDigits: 2), self[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let m = number(maxDigits: 2), self[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard count - i == 4, let y = digits(i, 4), let day = dayNumber(year: y, month: m, day: d) else { return nil }
        return DateValue(day: day)
    }
}
