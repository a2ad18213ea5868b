import Foundation
import ParcheckKit
import XCTest

/// `--previous`: new, resolved and persisting findings, index and rank changes, and `--fail-on new`.
final class RunComparisonTests: XCTestCase {
    /// The example's own result, changed as an earlier run might have been: one of today's error findings absent,
    /// one finding that is gone today, and Sở Nội vụ (today 83.97, rank 3) at index 80 and rank 5.
    func previous(changed: Bool) throws -> (path: String, removed: String) {
        var doc = try ReportFixture.json()
        var findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        var removed = ""
        if changed {
            let i = try XCTUnwrap(findings.firstIndex { $0["unit"] as? String == "SNNMT" && $0["target"] as? String == "tthc.on_time" })
            removed = findings.remove(at: i)["id"] as! String
            findings.append(["id": "00000000deadbeef", "kind": "target_failed", "severity": "error", "unit": "SNV",
                             "target": "tthc.old", "message": "một vấn đề đã khắc phục"])
            var units = try XCTUnwrap(doc["units"] as? [[String: Any]])
            let s = try XCTUnwrap(units.firstIndex { $0["id"] as? String == "SNV" })
            var score = try XCTUnwrap(units[s]["score"] as? [String: Any])
            score["index"] = 80.0
            units[s]["score"] = score
            units[s]["rank"] = 5
            doc["units"] = units
        }
        doc["findings"] = findings
        let text = String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
        return (try Fixture.write(["previous.json": text]) + "/previous.json", removed)
    }

    func testNewResolvedAndPersistingFindingsAndUnitChanges() throws {
        let (path, removed) = try previous(changed: true)
        let doc = try ReportFixture.json { $0.previous = path }
        let comparison = try XCTUnwrap(doc["comparison"] as? [String: Any])
        XCTAssertEqual(comparison["findings"] as? [String: Int], ["new": 1, "persisting": 408, "resolved": 1])
        XCTAssertEqual((comparison["resolved"] as? [[String: Any]])?.first?["message"] as? String, "một vấn đề đã khắc phục")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.filter { $0["change"] as? String == "new" }.compactMap { $0["id"] as? String }, [removed])
        let snv = try XCTUnwrap((comparison["units"] as? [[String: Any]])?.first { $0["id"] as? String == "SNV" })
        XCTAssertEqual(snv["index_before"] as? Double, 80)
        XCTAssertEqual(try XCTUnwrap(snv["index_change"] as? Double), 3.974358974, accuracy: 1e-6)
        XCTAssertEqual(snv["rank_before"] as? Int, 5)
        XCTAssertEqual(snv["rank_change"] as? Int, 2, "from 5th to 3rd: two places up")
        let md = ReportFixture.run { $0.format = .markdown; $0.previous = path }.stdout
        XCTAssertTrue(md.contains("| 3 | Sở Nội vụ (`SNV`) | 83,97 | Khá | +3,97 (▲2) |"), md)
        XCTAssertTrue(md.contains("**1** mới, 1 đã khắc phục, 408 còn tồn tại."))
        let html = ReportFixture.run { $0.format = .html; $0.previous = path }.stdout
        XCTAssertTrue(html.contains("<td class=\"change up\">+3,97 ▲2</td>"))
    }

    func testFailOnNewBlocksOnlyRegressions() throws {
        let same = try previous(changed: false).path
        let unchanged = ReportFixture.run { $0.format = .json; $0.previous = same; $0.failOn = .new }
        XCTAssertEqual(unchanged.exitCode, ExitCode.ok, "403 errors, none of them new")
        let (changed, removed) = try previous(changed: true)
        let regressed = ReportFixture.run { $0.format = .json; $0.previous = changed; $0.failOn = .new }
        XCTAssertEqual(regressed.exitCode, ExitCode.findings)
        let doc = try Fixture.json(regressed.stdout)
        let failing = try XCTUnwrap(doc["findings"] as? [[String: Any]]).filter { $0["fails_gate"] as? Bool == true }
        XCTAssertEqual(failing.compactMap { $0["id"] as? String }, [removed])
        XCTAssertTrue(regressed.stderr.hasSuffix("parcheck: không đạt (--fail-on new): 1 phát hiện chặn; so với kỳ trước: 1 mới, 1 đã khắc phục\n"),
                      regressed.stderr)
    }

    func testAnExpiredWaiverFailsEvenWhenTheFindingIsNotNew() throws {
        let same = try previous(changed: false).path
        let waivers = try ReportFixture.waivers("- {unit: SNNMT, target: tthc.on_time, by: A, reason: B, until: 2025-06-30}\n")
        let outcome = ReportFixture.run { $0.format = .json; $0.previous = same; $0.failOn = .new; $0.waivers = waivers }
        XCTAssertEqual(outcome.exitCode, ExitCode.findings)
        XCTAssertTrue(outcome.stderr.contains("warning: waiver-expired"))
    }

    func testFailOnNewWithoutAPreviousRunIsAUsageError() {
        let outcome = ReportFixture.run { $0.failOn = .new }
        XCTAssertEqual(outcome.exitCode, ExitCode.invalid)
        XCTAssertEqual(outcome.stderr, "error: --fail-on new needs --previous (the result of the run to compare with)\n")
    }
}
