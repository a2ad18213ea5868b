/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// Dates are plain integers so that comparing and bucketing millions of dossier dates never touches
/// Foundation's `Date`, `Calendar` or time zones (which would make results depend on the machine).

/// Seconds in one calendar day.
public let secondsPerDay: Int64 = 86_400

/// Vietnam's UTC offset in seconds (UTC+07:00, no daylight saving); the contract's local time.
public let vietnamOffsetSeconds: Int64 = 25_200

/// Whether `year` is a Gregorian leap year.
public func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days of `month` (1–12) in `year`; 0 for a month outside 1–12.
public func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
}

/// The day number of a real calendar date, or nil when the date does not exist (`2025-02-31`, month 13)
/// or lies outside ±1,000,000 years (so the result always fits a `DayNumber`).
public func dayNumber(year: Int, month: Int, day: Int) -> DayNumber? {
    guard (-1_000_000...1_000_000).contains(year), (1...12).contains(month),
          day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
    // Howard Hinnant's days_from_civil: years start in March so the leap day is the last day of the year.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return DayNumber(era * 146_097 + doe - 719_468)
}

/// The calendar date (year, month 1–12, day 1–31) of a day number.
public func civil(from dayNumber: DayNumber) -> (year: Int, month: Int, day: Int) {
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/// `floor(a / b)` for a positive `b`, also for negative `a` (Swift's `/` truncates toward zero).
@inlinable
public func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && a < 0) ? q - 1 : q
}

/// The ISO form `YYYY-MM-DD` of a day number (year zero-padded to four digits).
public func isoDate(_ day: DayNumber) -> String {
    let c = civil(from: day)
    return "\(padded(c.year, 4))-\(padded(c.month, 2))-\(padded(c.day, 2))"
}

/// The Vietnamese form `DD/MM/YYYY` of a day number, e.g. `30/07/2025`.
public func vnDate(_ day: DayNumber) -> String {
    let c = civil(from: day)
    return "\(padded(c.day, 2))/\(padded(c.month, 2))/\(padded(c.year, 4))"
}

/// `value` in decimal, left-padded with zeros to `width` digits (a minus sign stays in front).
private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
}
