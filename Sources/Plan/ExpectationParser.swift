import Common

extension Expectation {
    /// Parses `OP VALUE`. OP is one of `>= > <= < == !=` (also `≥ ≤ ≠`); VALUE is a number (`0.98`), a percent
    /// (`98%` = 0.98, `98,5%` = 0.985), a date (`2025-07-30` or `30/7/2025`) or `true`/`false`.
    /// A failure is a `bad-expectation` diagnostic at `location`.
    public static func parse(_ text: String, location: SourceLocation) -> Result<Expectation, Diagnostic> {
        let trimmed = text.trimmingSpacesAndTabs()
        func fail(_ why: String) -> Result<Expectation, Diagnostic> {
            .failure(Diagnostic(location, code: "bad-expectation", "bad expectation '\(trimmed)': \(why)"))
        }
        guard let (op, rest) = splitOperator(trimmed) else {
            if parseValue(trimmed) != nil { return fail("missing comparison operator; did you mean '>= \(trimmed)'?") }
            return fail("expected OP VALUE, with OP one of >= > <= < == !=")
        }
        let valueText = rest.trimmingSpacesAndTabs()
        if valueText.isEmpty { return fail("missing the value after '\(op.rawValue)'") }
        guard let value = parseValue(valueText) else {
            if valueText.contains(",") && !valueText.hasSuffix("%") {
                return fail("'\(valueText)': use '.' as the decimal separator (a comma is only read in percentages such as 98,5%)")
            }
            if valueText.contains("/") || valueText.filter({ $0 == "-" }).count == 2 {
                return fail("'\(valueText)' is not a real calendar date (write 2025-07-30 or 30/7/2025, day first)")
            }
            return fail("'\(valueText)' is not a number, percentage, date (2025-07-30 or 30/7/2025) or true/false")
        }
        if case .bool = value, op != .equal, op != .notEqual {
            return fail("true/false can only be compared with == or !=")
        }
        return .success(Expectation(op: op, value: value, text: trimmed, location: location))
    }

    private static func splitOperator(_ s: String) -> (Comparator, Substring)? {
        let spellings: [(String, Comparator)] = [
            (">=", .greaterOrEqual), ("<=", .lessOrEqual), ("==", .equal), ("!=", .notEqual),
            ("≥", .greaterOrEqual), ("≤", .lessOrEqual), ("≠", .notEqual), (">", .greater), ("<", .less),
        ]
        for (spelling, op) in spellings where s.hasPrefix(spelling) {
            return (op, s.dropFirst(spelling.count))
        }
        return nil
    }

    /// A threshold value, or nil when it is none of the accepted forms.
    static func parseValue(_ s: String) -> ExpectValue? {
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if let day = PlanCalendar.parseDate(s) { return .date(day) }
        if s.hasSuffix("%") {
            let digits = s.dropLast().trimmingSpacesAndTabs().replacingComma()
            guard NumberSyntax.isDecimal(digits, exponent: false), let x = Double(digits + "e-2") else { return nil }
            return .number(x)  // "98.5e-2" rounds once, to the same double as the literal 0.985
        }
        guard NumberSyntax.isDecimal(s, exponent: true), let x = Double(s), x.isFinite else { return nil }
        return .number(x)
    }
}

/// The number forms plans accept (no hex, no inf/nan, no thousands separators).
enum NumberSyntax {
    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
    static func isDecimal(_ s: String, exponent: Bool) -> Bool {
        var bytes = Array(s.utf8)[...]
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let intDigits = bytes.prefix { isDigit($0) }.count
        bytes = bytes.dropFirst(intDigits)
        var fracDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fracDigits = bytes.prefix { isDigit($0) }.count
            bytes = bytes.dropFirst(fracDigits)
        }
        guard intDigits + fracDigits > 0 else { return false }
        if exponent, let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let expDigits = bytes.prefix { isDigit($0) }.count
            guard expDigits > 0 else { return false }
            bytes = bytes.dropFirst(expDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension StringProtocol {
    /// One decimal comma read as a point (Vietnamese writes 98,5%).
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
