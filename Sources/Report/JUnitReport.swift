import Common
import Engine
import Plan
import Scoring

/// JUnit XML for test dashboards: one suite per unit, one test case per (unit, target). A case fails exactly when
/// one of its findings fails the gate, so the dashboard and the exit code agree; waived cases are skipped with the
/// waiver as the reason, targets that do not apply are skipped.
public enum JUnitReport {
    public static func render(_ r: RunReport) -> String {
        var suites: [Suite] = []
        let byUnit = Dictionary(grouping: r.findings) { $0.unitId ?? "" }
        for (score, e) in zip(r.board.units, r.evaluation.units) {
            var suite = Suite(name: "\(score.unitId) — \(score.name)", id: score.unitId)
            let findings = byUnit[score.unitId] ?? []
            for (target, result) in zip(r.plan.targets, e.targets) {
                suite.cases.append(Case.judge(unit: score.unitId, name: target.id, title: target.title, status: result.status,
                                              findings: findings.filter { $0.targetId == target.id }, r))
            }
            suite.cases += untargeted(findings, unit: score.unitId, r)
            suites.append(suite)
        }
        let rest = byUnit.filter { key, _ in !r.board.units.contains { $0.unitId == key } }
        let others = rest.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { rest[$0]! }
        if !others.isEmpty {
            var suite = Suite(name: r.f.t("Dữ liệu đầu vào", "Input data"), id: "inputs")
            suite.cases = untargeted(others.sorted(), unit: "inputs", r)
            suites.append(suite)
        }
        return document(suites, r)
    }

    /// Findings without a target become one case per kind (rejected records, data quality, submission).
    static func untargeted(_ findings: [Finding], unit: String, _ r: RunReport) -> [Case] {
        let loose = findings.filter { $0.targetId == nil }
        return FindingKind.allCases.compactMap { kind in
            let mine = loose.filter { $0.kind == kind }
            guard !mine.isEmpty else { return nil }
            let rule = SARIFReport.Rules.ruleId(kind)
            return Case.judge(unit: unit, name: rule, title: SARIFReport.Rules.describe(kind, r.f).0, status: .fail,
                              findings: mine, r)
        }
    }

    static func document(_ suites: [Suite], _ r: RunReport) -> String {
        func total(_ k: KeyPath<Suite, Int>) -> String { String(suites.reduce(0) { $0 + $1[keyPath: k] }) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites" + XMLText.attributes([
            ("name", "parcheck: \(r.plan.title)"), ("tests", total(\.tests)), ("failures", total(\.failures)),
            ("errors", total(\.errors)), ("skipped", total(\.skipped)), ("time", "0"),
        ]) + ">\n"
        for s in suites { out += s.xml() }
        return out + "</testsuites>\n"
    }
}
