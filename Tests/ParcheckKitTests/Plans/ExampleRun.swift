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

    /// Asserts the status (`pass`, `fail`, `not_applicable`, `error`) of one unit's target.
    func assertStatus(_ unit: String, _ target: String, _ expected: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let t = targets[unit]?[target]
        XCTAssertNotNil(t, "\(unit) has no result for \(target)", file: file, line: line)
        XCTAssertEqual(t?["status"] as? String, expected, "\(unit) \(target)", file: file, line: line)
    }
}
