import Common
import LocatedYAML

/// Typed reading of single nodes; each returns nil after reporting a located error.
extension ReadContext {
    func string(_ node: YAMLNode, what: String) -> String? {
        guard let text = node.scalar, !node.isNull else {
            error(node.location, "expected-string", "expected a string for \(what), found \(node.kindDescription)")
            return nil
        }
        return text
    }

    /// A plain decimal number; quoted text is a string in YAML, so `"2"` is refused with a hint.
    func number(_ node: YAMLNode, what: String) -> Double? {
        if let text = node.scalar, node.isPlainScalar, NumberSyntax.isDecimal(text, exponent: true),
           let x = Double(text), x.isFinite {
            return x
        }
        var message = "expected a number for \(what), found \(node.kindDescription)"
        if let text = node.scalar, !node.isPlainScalar, NumberSyntax.isDecimal(text, exponent: true) { message += "; remove the quotes" }
        if let text = node.scalar, text.hasSuffix("%") { message += "; write percentages as fractions here (98% = 0.98)" }
        error(node.location, "expected-number", message)
        return nil
    }

    func integer(_ node: YAMLNode, what: String) -> Int? {
        if let text = node.scalar, node.isPlainScalar, let n = Int(text) { return n }
        error(node.location, "expected-integer", "expected a whole number for \(what), found \(node.kindDescription)")
        return nil
    }

    /// YAML 1.2 core booleans only: `yes`/`no` are strings there, so they are refused rather than guessed.
    func bool(_ node: YAMLNode, what: String) -> Bool? {
        if node.isPlainScalar, let text = node.scalar {
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
        }
        error(node.location, "expected-bool", "expected true or false for \(what), found \(node.kindDescription)")
        return nil
    }

    /// A calendar date, `2025-07-15` or `15/7/2025`.
    func date(_ node: YAMLNode, what: String) -> (day: DayNumber, text: String)? {
        guard let text = string(node, what: what) else { return nil }
        guard let day = PlanCalendar.parseDate(text.trimmingSpacesAndTabs()) else {
            error(node.location, "bad-date", "'\(text)' is not a real date for \(what) (write 2025-07-15 or 15/7/2025)")
            return nil
        }
        return (day, text.trimmingSpacesAndTabs())
    }

    /// An identifier: `[a-z0-9_.-]+`.
    func id(_ node: YAMLNode, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        let ok = !text.isEmpty && text.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2E || b == 0x2D
        }
        if !ok { error(node.location, "bad-id", "'\(text)' is not a valid id for \(what) (use a-z, 0-9, '_', '.', '-')") }
        return ok ? text : nil
    }

    func unitKind(_ node: YAMLNode, what: String) -> UnitKind? {
        guard let text = string(node, what: what) else { return nil }
        if let kind = UnitKind(rawValue: text) { return kind }
        let all = UnitKind.allCases.map(\.rawValue)
        error(node.location, "unknown-unit-kind", "unknown unit kind '\(text)' in \(what)" + Suggest.hintOrList(for: text, among: all))
        return nil
    }

    /// A sequence of unit kinds, each listed once.
    func kinds(_ node: YAMLNode, what: String) -> [UnitKind]? {
        guard let items = node.sequence else {
            error(node.location, "expected-sequence", "expected a list of unit kinds for \(what), found \(node.kindDescription)")
            return nil
        }
        var kinds: [UnitKind] = []
        for item in items {
            guard let kind = unitKind(item, what: what) else { continue }
            if kinds.contains(kind) {
                error(item.location, "duplicate-kind", "unit kind '\(kind.rawValue)' is listed twice in \(what)")
            } else {
                kinds.append(kind)
            }
        }
        return kinds
    }

    func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, what: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(node, what: what) else { return nil }
        if let value = E(rawValue: text) { return value }
        let all = E.allCases.map(\.rawValue)
        error(node.location, "unknown-value", "unknown value '\(text)' for \(what)" + Suggest.hintOrList(for: text, among: all))
        return nil
    }

    func list(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        error(node.location, "expected-sequence", "expected a list for \(what), found \(node.kindDescription)")
        return nil
    }
}
