import Foundation
import ParcheckKit
import XCTest

/// Examples/ci-gate: the two steps of gate.sh (baseline on main, check on a merge request), run as the script runs them.
final class CIGateExampleTests: XCTestCase {
    static var waivers: String { Fixture.root + "/Examples/ci-gate/waivers.yaml" }

    func baseline() throws -> String {
        var main = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        main.formats = [.json]
        main.outputDirectory = "baseline"
        main.failOn = .never
        let outcome = main.run()
        XCTAssertEqual(outcome.exitCode, ExitCode.ok)
        let dir = try Fixture.tempDirectory()
        try outcome.write(into: dir)
        return dir + "/result.json"
    }

    func check(previous: String, today: String) -> Outcome {
        var mr = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        mr.previous = previous
        mr.waivers = Self.waivers
        mr.today = Today.parse(today)
        mr.failOn = .new
        mr.formats = [.json, .sarif, .junit, .markdown, .html, .csv]
        mr.outputDirectory = "reports"
        return mr.run()
    }

    func testTheGatePassesWithoutRegressionsAndWritesEveryReport() throws {
        let outcome = check(previous: try baseline(), today: "2025-12-15")
        XCTAssertEqual(outcome.exitCode, ExitCode.ok, outcome.stderr)
        XCTAssertEqual(outcome.files.map(\.name), ["result.json", "result.sarif", "junit.xml", "summary.md", "report.html",
                                                   "scoreboard.csv", "findings.csv"])
        let md = try ReportFixture.file(outcome, "summary.md")
        XCTAssertTrue(md.contains("✅ **Đạt** (`--fail-on new`): 0 phát hiện chặn"), md)
        let doc = try Fixture.json(try ReportFixture.file(outcome, "result.json"))
        let entries = try XCTUnwrap((doc["waivers"] as? [String: Any])?["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["state"] as? String }, ["active", "active"])
    }

    func testTheGateFailsOnceAWaiverHasExpired() throws {
        let outcome = check(previous: try baseline(), today: "2026-02-01")
        XCTAssertEqual(outcome.exitCode, ExitCode.findings)
        XCTAssertTrue(outcome.stderr.contains("waivers.yaml:12:5: warning: waiver-expired: waiver (target=tthc.apology unit=DK-PHUQUY) expired on 2026-01-31"),
                      outcome.stderr)
    }
}
