import Common

/// A column of optional strings stored as spans into one byte buffer (no `String` per value).
public struct StringColumn: Sendable, Hashable {
    /// All values' UTF-8 bytes, back to back.
    public var bytes: [UInt8]
    /// Start of each row's value in `bytes`.
    public var offsets: [Int64]
    /// Length of each row's value; -1 when the value is absent.
    public var lengths: [Int32]

    /// Makes a column from its parts (all arrays indexed by row except `bytes`).
    public init(bytes: [UInt8] = [], offsets: [Int64] = [], lengths: [Int32] = []) {
        self.bytes = bytes; self.offsets = offsets; self.lengths = lengths
    }

    /// Number of rows.
    public var count: Int { lengths.count }

    /// The row's value, nil when absent or the row is out of range.
    public func string(_ row: Int) -> String? {
        guard row >= 0, row < lengths.count, lengths[row] >= 0 else { return nil }
        let start = Int(offsets[row])
        return String(decoding: bytes[start..<(start + Int(lengths[row]))], as: UTF8.self)
    }

    /// Byte-wise order of two rows' values (absent sorts first); -1, 0 or 1.
    public func compare(_ a: Int, _ b: Int) -> Int {
        let la = Int(lengths[a]), lb = Int(lengths[b])
        if la < 0 || lb < 0 { return la < 0 ? (lb < 0 ? 0 : -1) : 1 }
        let sa = Int(offsets[a]), sb = Int(offsets[b])
        for i in 0..<min(la, lb) where bytes[sa + i] != bytes[sb + i] {
            return bytes[sa + i] < bytes[sb + i] ? -1 : 1
        }
        return la == lb ? 0 : (la < lb ? -1 : 1)
    }

    /// Appends a present value.
    public mutating func append(_ value: UnsafeRawBufferPointer) {
        offsets.append(Int64(bytes.count))
        lengths.append(Int32(clamping: value.count))
        bytes.append(contentsOf: value)
    }

    /// Appends a present value given as a string.
    public mutating func append(_ value: String) {
        var v = value
        v.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends an absent value.
    public mutating func appendAbsent() {
        offsets.append(Int64(bytes.count))
        lengths.append(-1)
    }
}

/// A column of optional contract dates: the UTC+07:00 day of every row, plus the exact instant of timed values.
public struct DateColumn: Sendable, Hashable {
    /// Marks an absent value in `days`.
    public static let none = Int32.min
    /// Marks a date-only value in `seconds`.
    public static let dateOnly = Int64.min

    /// Calendar day (UTC+07:00) per row; `DateColumn.none` when absent.
    public var days: [Int32] = []
    /// Instant (UTC seconds since the epoch) per row; `DateColumn.dateOnly` when the value has no time.
    public var seconds: [Int64] = []
    /// Fractional-second digits (trailing zeros removed) of the few timed rows that have them, by row.
    public var fractions: [Int32: String] = [:]

    /// An empty column.
    public init() {}

    /// Number of rows.
    public var count: Int { days.count }

    /// The row's value, nil when absent.
    public func value(_ row: Int) -> DateValue? {
        let day = days[row]
        if day == DateColumn.none { return nil }
        let s = seconds[row]
        if s == DateColumn.dateOnly { return DateValue(day: day) }
        return DateValue(day: day, seconds: s, fraction: fractions[Int32(row)] ?? "")
    }

    /// Whether the row has a value.
    @inline(__always) public func has(_ row: Int) -> Bool { days[row] != DateColumn.none }

    /// Appends a value (nil = absent).
    public mutating func append(_ value: DateValue?) {
        guard let value else { days.append(DateColumn.none); seconds.append(DateColumn.dateOnly); return }
        if value.hasTime && !value.fraction.isEmpty { fractions[Int32(days.count)] = value.fraction }
        days.append(value.day)
        seconds.append(value.hasTime ? value.seconds : DateColumn.dateOnly)
    }

    /// Contract comparison of row `a` of this column with row `b` of `other`, both present: as instants when
    /// both have a time, else by day. -1, 0 or 1.
    @inline(__always)
    public func compare(_ a: Int, _ other: DateColumn, _ b: Int) -> Int {
        let sa = seconds[a], sb = other.seconds[b]
        if sa != DateColumn.dateOnly && sb != DateColumn.dateOnly {
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
        let s = seconds[row]
        if s != DateColumn.dateOnly && value.hasTime {
            if s != value.seconds { return s < value.seconds ? -1 : 1 }
            return DateValue.compareFractions(fractions[Int32(row)] ?? "", value.fraction)
        }
        let d = days[row]
        return d == value.day ? 0 : (d < value.day ? -1 : 1)
    }
}
