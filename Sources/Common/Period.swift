/// Why a reporting period or as-of date given by the user was refused.
public struct PeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable code: `bad-period` or `bad-as-of`.
    public var code: String
    /// What was wrong and which forms are accepted.
    public var message: String

    /// Makes an error.
    public init(code: String, _ message: String) { self.code = code; self.message = message }

    public var description: String { "\(code): \(message)" }

    /// The same error as a `Diagnostic` at `location` (for example the plan line or a command-line pseudo file).
    public func diagnostic(at location: SourceLocation) -> Diagnostic {
        Diagnostic(location, .error, code: code, message)
    }
}

/// A reporting period `[start, end]` (calendar days, inclusive) and the day the state of dossiers is judged at.
public struct Period: Hashable, Sendable {
    /// First day of the period.
    public var start: DayNumber
    /// Last day of the period (inclusive).
    public var end: DayNumber
    /// The moment "still unresolved" is judged at; `end` (date-only) unless given.
    public var asOf: DateValue
    /// The period as the user wrote it, trimmed, e.g. `2025-Q3`.
    public var label: String

    /// Makes a period; `asOf` defaults to `end`.
    public init(start: DayNumber, end: DayNumber, asOf: DateValue? = nil, label: String) {
        self.start = start
        self.end = end
        self.asOf = asOf ?? DateValue(day: end)
        self.label = label
    }

    /// Whether `day` lies in `[start, end]`.
    public func contains(_ day: DayNumber) -> Bool { day >= start && day <= end }

    /// Whether a date value's calendar day (UTC+07:00) lies in the period; bounds are date-only,
    /// so the contract compares by day.
    public func contains(_ value: DateValue) -> Bool { contains(value.day) }

    static let forms = "YYYY, YYYY-H1, YYYY-H2, YYYY-Q1…Q4, YYYY-MM or START..END (dates YYYY-MM-DD or D/M/YYYY)"

    /// Parses `2025-01-01..2025-12-31`, `2025`, `2025-H1`/`H2`, `2025-Q1`…`Q4` or `2025-07`, and an optional
    /// as-of date (`YYYY-MM-DD` or `D/M/YYYY`, date only, as the contract compares it by day).
    /// Throws `PeriodError` for anything else, an impossible date, or a start after the end.
    public static func parse(_ text: String, asOf: String? = nil) throws -> Period {
        let label = text.trimmingSpacesAndTabs()
        guard let (start, end) = bounds(label) else {
            throw PeriodError(code: "bad-period", "'\(text)' is not a reporting period; expected \(forms)")
        }
        guard start <= end else {
            throw PeriodError(code: "bad-period", "period '\(label)' starts on \(isoDate(start)), after its end \(isoDate(end))")
        }
        var period = Period(start: start, end: end, label: label)
        if let asOf {
            guard let value = DateValue.parse(asOf), !value.hasTime else {
                throw PeriodError(code: "bad-as-of", "'\(asOf)' is not an as-of date; expected YYYY-MM-DD or D/M/YYYY")
            }
            period.asOf = value
        }
        return period
    }

    /// Start and end days of a period text, or nil if it is none of the accepted forms.
    private static func bounds(_ text: String) -> (DayNumber, DayNumber)? {
        if let dots = text.firstRange(of: "..") {
            guard let a = DateValue.parse(text[..<dots.lowerBound]), let b = DateValue.parse(text[dots.upperBound...]),
                  !a.hasTime, !b.hasTime else { return nil }
            return (a.day, b.day)
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, let year = number(bytes[0..<4]) else { return nil }
        func span(_ m1: Int, _ m2: Int) -> (DayNumber, DayNumber)? {
            guard let s = dayNumber(year: year, month: m1, day: 1),
                  let e = dayNumber(year: year, month: m2, day: daysInMonth(year: year, month: m2)) else { return nil }
            return (s, e)
        }
        if bytes.count == 4 { return span(1, 12) }
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        let tag = bytes[5] | 0x20  // ASCII lower-case
        if tag == UInt8(ascii: "h"), let h = number(bytes[6..<7]), (1...2).contains(h) { return span(h * 6 - 5, h * 6) }
        if tag == UInt8(ascii: "q"), let q = number(bytes[6..<7]), (1...4).contains(q) { return span(q * 3 - 2, q * 3) }
        if let m = number(bytes[5..<7]), (1...12).contains(m) { return span(m, m) }
        return nil
    }

    /// Value of an all-ASCII-digit slice, or nil.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var v = 0
        for c in digits {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs (the contract's trimming, which keeps other white space).
    public func trimmingSpacesAndTabs() -> String {
        let u = Array(utf8)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 0x20 || u[lo] == 0x09 { lo += 1 }
        while hi > lo, u[hi - 1] == 0x20 || u[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
