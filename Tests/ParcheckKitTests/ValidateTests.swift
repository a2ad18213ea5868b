import Foundation
import ParcheckKit
import XCTest

/// `parcheck validate` reports every problem with file:line:col, sorted, not just the first.
final class ValidateTests: XCTestCase {
    func testTypoBadThresholdAndLuaSyntaxErrorAreAllReported() throws {
        let dir = try Fixture.write([
            "plan.yaml": """
            parcheck: plan/1
            id: broken
            title: Broken
            document: {number: 1/KH, date: 2025-01-01, issuer: test, year: 2025}
            assessed_kinds: [commune]
            areas:
              - {id: a, title: A}
            targets:
              - id: t1
                area: a
                titel: typo here
                citation: I.1
                measure: {metric: on_time_rate}
                expect: ">= lots"
                points: 1
              - id: t2
                area: a
                title: lua
                citation: I.2
                measure: {check: checks/bad.lua}
                expect: ">= 1"
                points: 1
            """,
            "checks/bad.lua": "return function(ctx)\n  local x = = 1\nend\n",
        ])
        let outcome = ValidateRun(plan: dir + "/plan.yaml").run()
        XCTAssertEqual(outcome.exitCode, 2)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(dir)/plan.yaml:11:5: error: unknown-key: ") && $0.contains("title") },
                      outcome.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(dir)/plan.yaml:14:13: error: bad-expectation: ") }, outcome.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\(dir)/checks/bad.lua:2:1: error: lua-syntax: ") }, outcome.stderr)
    }

    func testFourDifferentProblemsGiveExactlyFourLocatedErrorsInOneRun() throws {
        let dir = try Fixture.write([
            "plan.yaml": """
            parcheck: plan/1
            id: broken
            title: Broken
            document: {number: 1/KH, date: 2025-01-01, issuer: test, year: 2025}
            assessed_kinds: [commune]
            indicators:
              - {name: plan_date, type: date}
            areas:
              - {id: a, title: A, max: 2}
            targets:
              - {id: t1, area: a, title: T1, citation: I.1, quoet: typo, measure: {metric: on_time_rate}, expect: ">= 98%", points: 1}
              - {id: t2, area: a, title: T2, citation: I.2, measure: {indicator: plan_dat}, expect: "<= 2025-07-30", points: 1}
              - {id: t3, area: a, title: T3, citation: I.3, measure: {check: checks/bad.lua}, expect: ">= 1", points: 1}
            """,
            "checks/bad.lua": "return function(ctx)\n  local x = = 1\nend\n",
        ])
        let outcome = ValidateRun(plan: dir + "/plan.yaml").run()
        XCTAssertEqual(outcome.exitCode, 2)
        let codes = outcome.stderr.split(separator: "\n").map { line in
            line.replacingOccurrences(of: dir + "/", with: "").split(separator: ":").prefix(5).joined(separator: ":")
        }
        XCTAssertEqual(codes, [
            "checks/bad.lua:2:1: error: lua-syntax",
            "plan.yaml:9:28: error: area-points",
            "plan.yaml:11:49: error: unknown-key",
            "plan.yaml:12:70: error: unknown-indicator",
        ], outcome.stderr)
    }

    func testTheBundledPlanIsValidAndSoIsItsExampleSubmission() {
        let outcome = ValidateRun(plan: Fixture.examplePlan).run()
        XCTAssertEqual(outcome.exitCode, 0, outcome.stderr)
        let withData = ValidateRun(plan: Fixture.examplePlan, data: Fixture.exampleData).run()
        // The example deliberately carries two records the contract rejects.
        XCTAssertEqual(withData.exitCode, 2)
        XCTAssertEqual(withData.stderr.split(separator: "\n").filter { $0.contains("rejected-record") }.count, 2, withData.stderr)
    }
}
