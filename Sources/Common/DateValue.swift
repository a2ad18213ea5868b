/// Calendar day number: days since 1970-01-01 in the proleptic Gregorian calendar.
public typealias DayNumber = Int32

/// A date or date-time value of the data contract (§Scalars).
///
/// `day` is always the calendar day in Vietnam time (UTC+07:00): for a value with a time and an offset,
/// the instant converted to UTC+07:00; for a local time, the day as written.
/// When `hasTime`, `seconds` is the instant (UTC seconds since the epoch) and `fraction` the fractional
/// second as its decimal digits with trailing zeros removed ("" for none), so comparison is exact.
public struct DateValue: Hashable, Sendable {
    public var day: DayNumber
    public var hasTime: Bool
    public var seconds: Int64
    public var fraction: String

    public init(day: DayNumber) {
        self.day = day; hasTime = false; seconds = 0; fraction = ""
    }
    public init(day: DayNumber, seconds: Int64, fraction: String) {
        self.day = day; hasTime = true; self.seconds = seconds; self.fraction = fraction
    }
}
