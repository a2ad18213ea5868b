import Common
import Foundation
import LocatedYAML
import Plan

/// Reads rule-test files strictly: unknown keys are located errors with a "did you mean".
struct RuleTestReader {
    var diagnostics: [Diagnostic] = []

    static let fileKeys = ["parcheck", "plan", "cases"]
    static let caseKeys = ["name", "period", "as_of", "data", "units", "dossiers", "expect", "findings", "no_findings", "rejected"]
    static let expectKeys = ["unit", "target", "status", "value", "points", "max", "band"]
    static let findingKeys = ["kind", "target", "unit", "dossier", "severity"]
    static let statuses = ["pass", "fail", "not_applicable", "error"]

    /// The file at `path`; nil after errors (in `diagnostics`).
    mutating func read(path: String) -> RuleTestFile? {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            error(SourceLocation(file: path, line: 1, column: 1), "io-error", "cannot read '\(path)'")
            return nil
        }
        let root: YAMLNode
        switch YAMLParser.parse(bytes: [UInt8](bytes), file: path) {
        case .failure(let d): diagnostics.append(d); return nil
        case .success(nil): error(SourceLocation(file: path, line: 1, column: 1), "expected-mapping", "the test file is empty"); return nil
        case .success(let node?): root = node
        }
        let fields = pairs(root, allowed: Self.fileKeys, what: "the test file")
        guard fields["parcheck"]?.scalar == "test/1" else {
            error(fields["parcheck"]?.location ?? root.location, "bad-format", "a rule-test file must say 'parcheck: test/1'")
            return nil
        }
        let directory = (path as NSString).deletingLastPathComponent
        // By convention tests live in PLAN_DIR/tests/, so the default plan is the directory above.
        let plan = fields["plan"]?.scalar.map { join(directory, $0) } ?? (directory as NSString).deletingLastPathComponent
        var cases: [RuleTestCase] = []
        for item in fields["cases"]?.sequence ?? [] { if let c = readCase(item, directory: directory) { cases.append(c) } }
        if cases.isEmpty { error(fields["cases"]?.location ?? root.location, "missing-key", "the test file has no cases") }
        return RuleTestFile(path: path, plan: plan, cases: cases)
    }

    mutating func readCase(_ node: YAMLNode, directory: String) -> RuleTestCase? {
        let f = pairs(node, allowed: Self.caseKeys, what: "a test case")
        guard let name = f["name"]?.scalar else {
            error(node.location, "missing-key", "a test case needs a 'name'")
            return nil
        }
        var c = RuleTestCase(name: name, location: node.location, period: f["period"]?.scalar, asOf: f["as_of"]?.scalar,
                             dataDirectory: f["data"]?.scalar.map { join(directory, $0) }, units: f["units"],
                             dossiers: f["dossiers"], expectations: [], findings: [], absentFindings: [],
                             rejected: f["rejected"]?.scalar.flatMap { Int($0) })
        if c.dataDirectory == nil && c.units == nil {
            error(node.location, "missing-key", "test case '\(name)' needs 'data' (a directory) or inline 'units'")
        }
        for item in f["expect"]?.sequence ?? [] { if let e = readExpectation(item) { c.expectations.append(e) } }
        for item in f["findings"]?.sequence ?? [] { c.findings.append(readFinding(item)) }
        for item in f["no_findings"]?.sequence ?? [] { c.absentFindings.append(readFinding(item)) }
        return c
    }

    mutating func readExpectation(_ node: YAMLNode) -> TargetExpectation? {
        let f = pairs(node, allowed: Self.expectKeys, what: "an expectation")
        guard let unit = f["unit"]?.scalar, let target = f["target"]?.scalar else {
            error(node.location, "missing-key", "an expectation needs 'unit' and 'target'")
            return nil
        }
        let status = f["status"]?.scalar
        if let status, !Self.statuses.contains(status) {
            error(f["status"]!.location, "bad-value", "status '\(status)'" + Suggest.hint(for: status, among: Self.statuses)
                  + " (expected one of: \(Self.statuses.joined(separator: ", ")))")
        }
        let expected = f["value"].flatMap { value($0) }
        return TargetExpectation(unit: unit, target: target, status: status, value: expected,
                                 points: f["points"]?.scalar.flatMap { Double($0) }, max: f["max"]?.scalar.flatMap { Double($0) },
                                 band: f["band"]?.scalar.flatMap { Int($0) }, location: node.location)
    }

    mutating func readFinding(_ node: YAMLNode) -> FindingExpectation {
        let f = pairs(node, allowed: Self.findingKeys, what: "a finding")
        return FindingExpectation(kind: f["kind"]?.scalar, target: f["target"]?.scalar, unit: f["unit"]?.scalar,
                                  dossier: f["dossier"]?.scalar, severity: f["severity"]?.scalar, location: node.location)
    }

    /// `98%`, `0.98`, `2025-07-30`, `true`, `null`.
    mutating func value(_ node: YAMLNode) -> ExpectedValue? {
        if node.isNull { return ExpectedValue.none }
        guard let text = node.scalar?.trimmingSpacesAndTabs() else { return nil }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if text.hasSuffix("%"), let x = Double(text.dropLast().replacingOccurrences(of: ",", with: ".")) { return .number(x / 100) }
        if let x = Double(text) { return .number(x) }
        if let date = DateValue.parse(text) { return .date(date.day) }
        error(node.location, "bad-value", "'\(text)' is not a number, percentage, date, true/false or null")
        return nil
    }

    /// A mapping's values by key; unknown keys are errors.
    mutating func pairs(_ node: YAMLNode, allowed: [String], what: String) -> [String: YAMLNode] {
        guard let pairs = node.mapping else {
            error(node.location, "expected-mapping", "expected a mapping for \(what), found \(node.kindDescription)")
            return [:]
        }
        var out: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar, allowed.contains(key) else {
                let key = pair.key.scalar ?? "?"
                error(pair.key.location, "unknown-key", "unknown key '\(key)' in \(what)" + Suggest.hint(for: key, among: allowed))
                continue
            }
            if let first = out[key] {
                // The later value would silently win; in a test that hides the assertion the author meant.
                error(pair.key.location, "duplicate-key", "duplicate key '\(key)' in \(what) (first at line \(first.location.line))")
                continue
            }
            out[key] = pair.value
        }
        return out
    }

    mutating func error(_ at: SourceLocation, _ code: String, _ message: String) {
        diagnostics.append(Diagnostic(at, .error, code: code, message))
    }

    func join(_ directory: String, _ path: String) -> String {
        path.hasPrefix("/") ? path : (directory.isEmpty ? path : directory + "/" + path)
    }
}
