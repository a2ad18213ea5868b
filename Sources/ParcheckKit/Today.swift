import Common
import Foundation

/// The day waivers are judged on.
public enum Today {
    /// Today in Vietnam (UTC+07:00) by the system clock: the calendar inspectors write `until:` dates in, computed
    /// without the machine's time zone so the answer is the same on every CI runner.
    public static func vietnam() -> DayNumber {
        let seconds = Int64(Date().timeIntervalSince1970) + vietnamOffsetSeconds
        return DayNumber(floorDivide(seconds, secondsPerDay))
    }

    /// `--today`: a date in a form the data contract accepts, without a time.
    public static func parse(_ text: String) -> DayNumber? {
        guard let d = DateValue.parse(text), !d.hasTime else { return nil }
        return d.day
    }
}
