import Common

/// A column of optional contract dates: the UTC+07:00 day of every row, plus the exact instant of timed values
/// as seconds into that day (4 bytes a row, and none at all when no row of the column has a time). While a file
/// is read, each chunk keeps only its timed rows (`StampColumn`).
public struct DateColumn: Sendable, Hashable {
    /// Marks an absent value in `days`.
    public static let none = Int32.min
    /// Marks a date-only value in `timeOfDay`.
    public static let dateOnly: Int32 = -1
    static let secondsPerDay: Int64 = 86_400, vietnamOffset: Int64 = 25_200

    /// Calendar day (UTC+07:00) per row; `DateColumn.none` when absent.
    public let days: Column<Int32>
    /// Seconds since the start of the row's UTC+07:00 day for a timed value, `dateOnly` otherwise;
    /// nil when no row has a time.
    public let timeOfDay: Column<Int32>?
    /// Fractional-second digits (trailing zeros removed) of the few timed rows that have them, by row.
    public let fractions: [Int32: String]

    /// Makes a column from its parts.
    public init(days: Column<Int32>, timeOfDay: Column<Int32>?, fractions: [Int32: String]) {
        self.days = days; self.timeOfDay = timeOfDay; self.fractions = fractions
    }

    /// An empty column.
    public init() { self.init(days: Column([]), timeOfDay: nil, fractions: [:]) }

    /// Number of rows.
    public var count: Int { days.count }

    /// Whether the row has a value.
    @inline(__always) public func has(_ row: Int) -> Bool { days[row] != DateColumn.none }

    /// The row's instant in UTC seconds, nil when absent or date-only.
    @inline(__always) public func instant(_ row: Int) -> Int64? {
        guard let tod = timeOfDay, tod.pointer[row] >= 0, days.pointer[row] != DateColumn.none else { return nil }
        return Int64(days.pointer[row]) * Self.secondsPerDay - Self.vietnamOffset + Int64(tod.pointer[row])
    }

    /// The row's value, nil when absent.
    public func value(_ row: Int) -> DateValue? {
        let day = days[row]
        if day == DateColumn.none { return nil }
        guard let s = instant(row) else { return DateValue(day: day) }
        return DateValue(day: day, seconds: s, fraction: fractions[Int32(row)] ?? "")
    }

    /// Contract comparison of row `a` of this column with row `b` of `other`, both present: as instants when
    /// both have a time, else by day. -1, 0 or 1.
    @inline(__always)
    public func compare(_ a: Int, _ other: DateColumn, _ b: Int) -> Int {
        if let sa = instant(a), let sb = other.instant(b) {
            if sa != sb { return sa < sb ? -1 : 1 }
            let fa = fractions[Int32(a)], fb = other.fractions[Int32(b)]
            if fa == nil && fb == nil { return 0 }
            return DateValue.compareFractions(fa ?? "", fb ?? "")
        }
        let da = days[a], db = other.days[b]
        return da == db ? 0 : (da < db ? -1 : 1)
    }

    /// Contract comparison of a present row with a value. -1, 0 or 1.
    @inline(__always)
    public func compare(_ row: Int, _ value: DateValue) -> Int {
        if value.hasTime, let s = instant(row) {
            if s != value.seconds { return s < value.seconds ? -1 : 1 }
            return DateValue.compareFractions(fractions[Int32(row)] ?? "", value.fraction)
        }
        let d = days[row]
        return d == value.day ? 0 : (d < value.day ? -1 : 1)
    }
}

/// A parsed date held while its record is checked: day, seconds into the day (-1 date-only) and, rarely, the
/// index of its fractional digits in the chunk's `fractionText` (-1 none). Plain values only, so a record's
/// draft costs no reference counting.
struct Stamp {
    var day: Int32 = DateColumn.none
    var tod: Int32 = DateColumn.dateOnly
    var fraction: Int32 = -1

    var isPresent: Bool { day != DateColumn.none }

    init() {}

    /// A stamp of `v`; its fraction, if any, is appended to `fractions`.
    init(_ v: DateValue, fractions: FractionTexts) {
        day = v.day
        if v.hasTime {
            tod = Int32(v.seconds + DateColumn.vietnamOffset - Int64(v.day) * DateColumn.secondsPerDay)
            if !v.fraction.isEmpty {
                fraction = Int32(fractions.texts.count)
                fractions.texts.append(v.fraction)
            }
        }
    }

    /// -1, 0 or 1 per the contract (both present).
    func compare(_ o: Stamp, _ fractions: FractionTexts) -> Int {
        if tod >= 0 && o.tod >= 0 {
            let a = Int64(day) * DateColumn.secondsPerDay + Int64(tod), b = Int64(o.day) * DateColumn.secondsPerDay + Int64(o.tod)
            if a != b { return a < b ? -1 : 1 }
            if fraction < 0 && o.fraction < 0 { return 0 }
            return DateValue.compareFractions(fraction < 0 ? "" : fractions.texts[Int(fraction)],
                                              o.fraction < 0 ? "" : fractions.texts[Int(o.fraction)])
        }
        return day == o.day ? 0 : (day < o.day ? -1 : 1)
    }
}

/// The fractional-second digits of a chunk's timed values, which `Stamp.fraction` refers to (a class, so the
/// hot path passes a reference instead of an inout array).
final class FractionTexts {
    var texts: [String] = []
}
