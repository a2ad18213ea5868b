import Foundation
import ParcheckKit
import Plan
import XCTest

/// One `parcheck check --format json` run of a plan against its example, indexed by unit id and target id, so each
/// per-plan test states only what its plan means. Immutable after `init`, hence safe to share between tests.
final class ExampleRun: @unchecked Sendable {
    /// The whole result document.
    let doc: [String: Any]
    /// unit id → target id → the target's JSON object.
    let targets: [String: [String: [String: Any]]]

    init(plan: String, data: String, period: String?) {
        var run = CheckRun(plan: plan, data: data)
        run.format = .json
        run.period = period
        doc = (try? Fixture.json(run.run().stdout)) ?? [:]
        var targets: [String: [String: [String: Any]]] = [:]
        for unit in doc["units"] as? [[String: Any]] ?? [] {
            let id = unit["id"] as? String ?? "?"
            for target in unit["targets"] as? [[String: Any]] ?? [] {
                targets[id, default: [:]][target["id"] as? String ?? "?"] = target
            }
        }
        self.targets = targets
    }

    /// The plan validates with no error, alone and against its example data.
    static func assertValidates(plan: String, data: String, file: StaticString = #filePath, line: UInt = #line) {
        for outcome in [ValidateRun(plan: plan).run(), ValidateRun(plan: plan, data: data).run()] {
            XCTAssertEqual(outcome.exitCode, 0, outcome.stderr, file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains(" error: "), outcome.stderr, file: file, line: line)
        }
    }

    /// Target id → the roles it is `assigned_to`, for every target of `plan` that is assigned to any.
    static func assignments(plan: String) -> [String: [String]] {
        let targets = PlanLoader.load(path: plan).plan?.targets ?? []
        return Dictionary(uniqueKeysWithValues: targets.filter { !$0.assignedTo.isEmpty }.map { ($0.id, $0.assignedTo) })
    }

    /// The status of `target` for every unit that has a result for it.
    func statuses(of target: String) -> Set<String> {
        Set(targets.values.compactMap { $0[target]?["status"] as? String })
    }

    /// The (unit, target) pairs whose result has `status`, among `targets`, sorted.
    func results(_ status: String, among targets: Set<String>) -> [String] {
        self.targets.flatMap { unit, byTarget in
            byTarget.filter { targets.contains($0.key) && $0.value["status"] as? String == status }.map { "\(unit) \($0.key)" }
        }.sorted()
    }

    /// Issue 3 (c): for every kind of target `plan` has, the example has at least one unit that passes a target of
    /// that kind and one that fails one. `expected` is the plan's set of kinds, so the matrix is stated, not inferred.
    func assertEveryKindPassesAndFails(plan: String, kinds expected: Set<TargetKind>,
                                       file: StaticString = #filePath, line: UInt = #line) {
        let targets = PlanLoader.load(path: plan).plan?.targets ?? []
        var byKind: [TargetKind: Set<String>] = [:]
        for target in targets {
            for kind in TargetKind.of(target) { byKind[kind, default: []].insert(target.id) }
        }
        XCTAssertEqual(Set(byKind.keys), expected, "kinds of target in \(plan)", file: file, line: line)
        for kind in TargetKind.allCases where !(byKind[kind] ?? []).isEmpty {
            let ids = byKind[kind] ?? []
            XCTAssertFalse(results("pass", among: ids).isEmpty, "\(kind.rawValue): no unit passes any of \(ids.sorted())",
                           file: file, line: line)
            XCTAssertFalse(results("fail", among: ids).isEmpty, "\(kind.rawValue): no unit fails any of \(ids.sorted())",
                           file: file, line: line)
        }
    }

    /// Asserts the status (`pass`, `fail`, `not_applicable`, `error`) of one unit's target.
    func assertStatus(_ unit: String, _ target: String, _ expected: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let t = targets[unit]?[target]
        XCTAssertNotNil(t, "\(unit) has no result for \(target)", file: file, line: line)
        XCTAssertEqual(t?["status"] as? String, expected, "\(unit) \(target)", file: file, line: line)
    }
}

/// The kinds of target issue 3 (c) names, read from a loaded target's shape.
enum TargetKind: String, CaseIterable, Hashable {
    /// A standard dossier metric against a threshold (`measure: {metric: …}`, the `vn.*_rate` templates).
    case metricThreshold = "metric threshold"
    /// A threshold per unit kind (`expect: {department: …, district: …}`): "95% cấp tỉnh, 85% cấp huyện …".
    case perLevelThreshold = "per-level threshold"
    /// An appendix product proved by its số and ngày, dated on or before the deadline (`measure: {evidence: …}`).
    case deadlineWithEvidence = "deadline with evidence"
    /// The change against the previous period's figure ("so với năm 2024"): `compare` judged as an improvement or
    /// a decrease (`as: difference`, or a relative rise).
    case previousPeriodComparison = "comparison with the previous period"
    /// A cut of at least X% against a base year ("giảm tối thiểu 10% … so với năm 2021"): `compare … as: relative`
    /// with `expect <= -X%`.
    case baselineReduction = "baseline reduction"

    /// The kinds `target` belongs to (none for a ratio or indicator threshold, a violation count or a Lua check).
    static func of(_ target: TargetSpec) -> Set<TargetKind> {
        var kinds: Set<TargetKind> = []
        if case .metric = target.measure { kinds.insert(.metricThreshold) }
        if case .evidence = target.measure { kinds.insert(.deadlineWithEvidence) }
        let sets = [target.expect].compactMap { $0 } + target.expectSchedule.map(\.value)
        if sets.contains(where: { !$0.byKind.isEmpty }) { kinds.insert(.perLevelThreshold) }
        if let compare = target.compare {
            let cut = sets.flatMap(\.all).contains { e in
                guard case .number(let v) = e.value else { return false }
                return (e.op == .lessOrEqual || e.op == .less) && v < 0
            }
            kinds.insert(compare.mode == .relative && cut ? .baselineReduction : .previousPeriodComparison)
        }
        return kinds
    }
}
