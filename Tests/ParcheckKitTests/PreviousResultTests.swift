import Foundation
import ParcheckKit
import XCTest

/// `compare: {previous: TARGET}`: the baseline is the same unit's value in an earlier run's result file, and a
/// follow-up plan that extends a real one adds only the target that differs.
final class PreviousResultTests: XCTestCase {
    /// A plan built on Lâm Đồng 2025 with one extra, unscored target: the on-time rate against the previous run.
    static func followUpPlan() -> String {
        """
        parcheck: plan/1
        extends: \(Fixture.examplePlan)
        id: lam-dong-2025-followup
        targets:
          - id: tthc.on_time_vs_previous
            area: tthc
            title: Tỷ lệ giải quyết đúng hạn không giảm so với kỳ trước
            citation: I.2.a
            template: vn.on_time_rate
            compare: {previous: tthc.on_time}
            expect: ">= 0"
            points: 0
        """
    }

    func json(_ outcome: Outcome) throws -> [String: Any] {
        XCTAssertNotEqual(outcome.exitCode, ExitCode.invalid, outcome.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func target(_ doc: [String: Any], unit: String, id: String) throws -> [String: Any] {
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        let u = try XCTUnwrap(units.first { $0["id"] as? String == unit })
        let targets = try XCTUnwrap(u["targets"] as? [[String: Any]])
        return try XCTUnwrap(targets.first { $0["id"] as? String == id })
    }

    func testBaselineIsTheSameUnitsValueInThePreviousResult() throws {
        var first = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        first.format = .json
        let earlier = try json(first.run())
        let dir = try Fixture.write(["plan.yaml": Self.followUpPlan(), "previous.json": first.run().stdout])

        var followUp = CheckRun(plan: dir + "/plan.yaml", data: Fixture.exampleData)
        followUp.format = .json
        followUp.previous = dir + "/previous.json"
        let now = try json(followUp.run())
        let before = try target(earlier, unit: "SNV", id: "tthc.on_time")
        let change = try target(now, unit: "SNV", id: "tthc.on_time_vs_previous")
        let rate = try XCTUnwrap(before["value"] as? Double)
        XCTAssertEqual(change["baseline"] as? Double, rate)
        XCTAssertEqual(change["current"] as? Double, rate)
        XCTAssertEqual(change["value"] as? Double, 0)
        XCTAssertEqual(change["status"] as? String, "pass")
        // Everything the follow-up plan inherits is decided as before.
        XCTAssertEqual(try target(now, unit: "SNV", id: "tthc.on_time")["status"] as? String, before["status"] as? String)
    }

    func testWithoutAPreviousResultTheComparisonHasNoValue() throws {
        let dir = try Fixture.write(["plan.yaml": Self.followUpPlan()])
        var run = CheckRun(plan: dir + "/plan.yaml", data: Fixture.exampleData)
        run.format = .json
        let change = try target(json(run.run()), unit: "SNV", id: "tthc.on_time_vs_previous")
        XCTAssertEqual(change["status"] as? String, "not_applicable")
        XCTAssertTrue(change["value"] is NSNull)
    }

    func testAFileThatIsNotAResultIsAnInvalidInput() throws {
        let dir = try Fixture.write(["plan.yaml": Self.followUpPlan(), "previous.json": "{\"schema\": \"parcheck.metrics/1\"}"])
        var run = CheckRun(plan: dir + "/plan.yaml", data: Fixture.exampleData)
        run.previous = dir + "/previous.json"
        let outcome = run.run()
        XCTAssertEqual(outcome.exitCode, ExitCode.invalid)
        XCTAssertEqual(outcome.stderr, "\(dir)/previous.json:1:1: error: bad-previous: '\(dir)/previous.json' is not a parcheck "
                       + "result (expected \"schema\": \"parcheck.result/1\")\n")
    }
}
