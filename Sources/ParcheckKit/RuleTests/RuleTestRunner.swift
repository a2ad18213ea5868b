import Common
import Data
import Engine
import Foundation
import LocatedYAML
import Plan
import Report

/// Runs the cases of one rule-test file against its plan.
struct RuleTestRunner {
    let plan: Plan
    var coverage: RuleTestCoverage

    init(plan: Plan) {
        self.plan = plan
        coverage = RuleTestCoverage(plan: plan)
    }

    /// The case's outcome: every mismatch, located at the expectation that failed.
    mutating func run(_ c: RuleTestCase) -> CaseOutcome {
        var outcome = CaseOutcome(name: c.name, location: c.location)
        let data: DataSet
        switch load(c) {
        case .success(let d): data = d
        case .failure(let failure):
            outcome.fail(c.location, "data", "loaded", failure.diagnostics.map(\.description).joined(separator: "\n"))
            return outcome
        }
        let period: Period
        switch Inputs.period(c.period, asOf: c.asOf, plan: plan) {
        case .success(let p): period = p
        case .failure(let d): outcome.fail(c.location, "period", d.message, "a valid period"); return outcome
        }
        let evaluation = Evaluator.evaluate(plan: plan, data: data, period: period)
        if let rejected = c.rejected, rejected != data.rejected.count {
            outcome.fail(c.location, "rejected records", String(rejected), String(data.rejected.count))
        }
        for e in c.expectations { check(e, evaluation, data, &outcome) }
        for f in c.findings where !evaluation.findings.contains(where: { Self.matches(f, $0) }) {
            outcome.fail(f.location, "finding " + Self.describe(f), "produced", "not produced")
        }
        for f in c.absentFindings {
            if let hit = evaluation.findings.first(where: { Self.matches(f, $0) }) {
                outcome.fail(f.location, "finding " + Self.describe(f), "not produced", "produced: \(hit.message.vi)")
            }
        }
        return outcome
    }

    mutating func check(_ e: TargetExpectation, _ evaluation: Evaluation, _ data: DataSet, _ outcome: inout CaseOutcome) {
        let subject = "\(e.unit) \(e.target)"
        guard let index = plan.targets.firstIndex(where: { $0.id == e.target }) else {
            outcome.fail(e.location, subject, "a target of plan '\(plan.id)'", "no such target" + Suggest.hint(for: e.target, among: plan.targets.map(\.id)))
            return
        }
        guard let unit = evaluation.units.first(where: { data.units[$0.unitIndex].id == e.unit }) else {
            outcome.fail(e.location, subject, "an assessed unit '\(e.unit)'", "no such unit in the case's data")
            return
        }
        let r = unit.targets[index]
        coverage.record(plan.targets[index], kind: data.units[unit.unitIndex].kind, result: r)
        var diff: [(String, String, String)] = []
        if let s = e.status, s != r.status.rawValue { diff.append(("status", s, r.status.rawValue)) }
        if let v = e.value, !Self.same(v, r.value) { diff.append(("value", v.text, r.value.map(Self.text) ?? "null")) }
        if let p = e.points, abs(p - r.earned) > 1e-9 { diff.append(("points", String(p), String(r.earned))) }
        if let m = e.max, abs(m - r.max) > 1e-9 { diff.append(("max", String(m), String(r.max))) }
        if let b = e.band, b != r.band { diff.append(("band", String(b), r.band.map(String.init) ?? "none")) }
        for (field, want, got) in diff { outcome.fail(e.location, "\(subject) \(field)", want, got) }
    }

    static func same(_ e: ExpectedValue, _ v: MeasuredValue?) -> Bool {
        switch (e, v) {
        case (.none, nil): true
        case (.number(let a), .number(let b)?): abs(a - b) <= 1e-9
        case (.date(let a), .date(let b)?): a == b
        case (.bool(let a), .bool(let b)?): a == b
        default: false
        }
    }

    static func text(_ v: MeasuredValue) -> String {
        switch v {
        case .number(let x): String(x)
        case .date(let d): isoDate(d)
        case .bool(let b): String(b)
        case .text(let s): "\"\(s)\""
        }
    }

    static func matches(_ e: FindingExpectation, _ f: Finding) -> Bool {
        let severity = e.severity == "info" ? "note" : e.severity
        return (e.kind.map { $0 == f.kind.rawValue } ?? true) && (e.target.map { $0 == f.targetId } ?? true)
            && (e.unit.map { $0 == f.unitId } ?? true) && (e.dossier.map { $0 == f.dossierId } ?? true)
            && (severity.map { $0 == f.severity.rawValue } ?? true)
    }

    static func describe(_ e: FindingExpectation) -> String {
        [("kind", e.kind), ("target", e.target), ("unit", e.unit), ("dossier", e.dossier), ("severity", e.severity)]
            .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: " ")
    }

    /// The case's data: its directory, or its inline units and dossiers written to a scratch directory.
    func load(_ c: RuleTestCase) -> Result<DataSet, LoadFailure> {
        if let directory = c.dataDirectory { return DataLoader.load(directory: directory) }
        let dir = NSTemporaryDirectory() + "parcheck-ruletest-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            if let units = c.units { try JSONText.of(units).write(toFile: dir + "/units.json", atomically: true, encoding: .utf8) }
            if let dossiers = c.dossiers {
                let (name, text) = dossiers.scalar.map { ("dossiers.csv", $0) } ?? ("dossiers.json", JSONText.of(dossiers))
                try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            }
        } catch {
            return .failure(LoadFailure([Diagnostic(c.location, .error, code: "io-error", "cannot write the case's data: \(error)")]))
        }
        return DataLoader.load(directory: dir)
    }
}

/// One case's result.
struct CaseOutcome {
    var name: String
    var location: SourceLocation
    /// Each mismatch: where the expectation is written, what it is about, expected and actual.
    var mismatches: [(location: SourceLocation, subject: String, expected: String, actual: String)] = []
    var passed: Bool { mismatches.isEmpty }

    mutating func fail(_ at: SourceLocation, _ subject: String, _ expected: String, _ actual: String) {
        mismatches.append((at, subject, expected, actual))
    }
}

/// A YAML node written as JSON (YAML's subset), so inline fixtures reach the loader as a file.
enum JSONText {
    static func of(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let text, _): return node.isNull ? "null" : quote(text)
        case .sequence(let items): return "[" + items.map(of).joined(separator: ",") + "]"
        case .mapping(let pairs): return "{" + pairs.map { quote($0.key.scalar ?? "") + ":" + of($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal, escaped as in every JSON parcheck writes.
    static func quote(_ s: String) -> String {
        String(JSONValue.string(s).render().dropLast())   // render ends the document with a newline
    }
}
