import Foundation
import ParcheckKit
import XCTest

/// `parcheck explain`: the target's meaning, the layer behind each key, and a unit's decision with its numbers.
final class ExplainTests: XCTestCase {
    func testTextShowsThresholdInForceLayersAndTheFailingUnitsNumbers() throws {
        var run = ExplainRun(plan: Fixture.examplePlan, target: "cds.online_rate")
        run.data = Fixture.exampleData
        run.unit = "SNV"
        let out = run.run()
        XCTAssertEqual(out.exitCode, ExitCode.ok, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("  Ngưỡng        >= 60%, theo 213/KH-UBND, I.6.a (hiệu lực ngày 31/12/2025)"), out.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("    expect        ") && $0.hasSuffix("Rules/lam-dong/common.yaml:10:5") }, out.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("    points        ") && $0.contains("Rules/lam-dong/2025/plan.yaml:") }, out.stdout)
        XCTAssertTrue(lines.contains("SNV — Sở Nội vụ (department): đạt"), out.stdout)
        XCTAssertTrue(lines.contains("  tử số / mẫu số: 108 / 120"), out.stdout)
    }

    func testJSONTraceOfAFailingUnitCarriesItsFindings() throws {
        var run = ExplainRun(plan: Fixture.examplePlan, target: "tthc.apology")
        run.data = Fixture.exampleData
        run.format = .json
        let out = run.run()
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["schema"] as? String, "parcheck.explain/1")
        let target = try XCTUnwrap(doc["target"] as? [String: Any])
        XCTAssertEqual(target["template"] as? String, "vn.apology")
        let setBy = try XCTUnwrap(target["set_by"] as? [String: Any])
        XCTAssertTrue((setBy["measure"] as? String)?.contains("Rules/vn/library.yaml:") == true)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        let failing = try XCTUnwrap(units.first { $0["status"] as? String == "fail" }, "the example has late dossiers")
        let value = try XCTUnwrap(failing["value"] as? Double)
        let findings = try XCTUnwrap(failing["findings"] as? [[String: Any]])
        // One finding per late dossier without an apology, plus the target's own failure.
        XCTAssertEqual(findings.count, Int(value) + 1)
        XCTAssertEqual(failing["earned"] as? Double, max(0, 3 - 0.5 * value))
    }

    func testUnknownTargetIsAnInvalidInputWithSuggestions() {
        let out = ExplainRun(plan: Fixture.examplePlan, target: "tthc.on_tim").run()
        XCTAssertEqual(out.exitCode, ExitCode.invalid)
        XCTAssertEqual(out.stderr, "<command line>:1: error: unknown-target: plan 'lam-dong-2025' has no target 'tthc.on_tim'; "
                       + "did you mean 'tthc.on_time'?\n")
    }
}
