import Common

/// The date and period forms plans accept, delegated to Common so plans and data read dates identically.
enum PlanCalendar {
    /// `YYYY-MM-DD` or Vietnamese `D/M/YYYY` (day first), date only; nil for anything else or an impossible date.
    static func parseDate<S: StringProtocol>(_ text: S) -> DayNumber? {
        guard let value = DateValue.parse(text), !value.hasTime else { return nil }
        return value.day
    }

    /// `2025`, `2025-H1`/`H2`, `2025-Q1`…`Q4`, `2025-07` or `START..END`; nil when not a period.
    static func parsePeriod(_ text: String) -> (start: DayNumber, end: DayNumber)? {
        guard let period = try? Period.parse(text) else { return nil }
        return (period.start, period.end)
    }

    /// `YYYY-MM-DD`.
    static func iso(_ day: DayNumber) -> String { isoDate(day) }
}
