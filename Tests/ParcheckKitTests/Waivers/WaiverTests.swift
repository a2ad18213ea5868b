import Foundation
import ParcheckKit
import XCTest

/// Waivers end to end: active ones let the gate pass and show findings as waived, expired ones fail again and say so,
/// unmatched ones are reported; a malformed file stops the run with every problem at its line.
final class WaiverTests: XCTestCase {
    /// Every assessed unit of the example, so that waiving them all waives every error finding.
    static let units = ["SKHCN", "STP", "SNV", "STC", "SXD", "SNNMT", "P-XUANHUONG", "X-QUANGKHE", "P-LAMVIEN", "X-TUYPHONG",
                        "X-HIEPTHANH", "P-PHANTHIET", "P-GIANGHIA", "P-BAOLOC1", "X-DINHVANLAMHA", "DK-PHUQUY"]

    static func allUnits(until: String) -> String {
        "waivers:\n" + units.map { "  - unit: \($0)\n    by: Nguyễn Văn A, Sở Nội vụ\n    reason: chờ số liệu chính thức\n    until: \(until)\n" }.joined()
    }

    func findings(_ doc: [String: Any]) throws -> [[String: Any]] { try XCTUnwrap(doc["findings"] as? [[String: Any]]) }

    func testActiveWaiversLetTheGatePassAndShowFindingsAsWaived() throws {
        let path = try ReportFixture.waivers(Self.allUnits(until: "2025-12-31"))
        let outcome = ReportFixture.run { $0.format = .json; $0.waivers = path; $0.today = ReportFixture.day("2025-12-31") }
        XCTAssertEqual(outcome.exitCode, ExitCode.ok, outcome.stderr)
        let doc = try Fixture.json(outcome.stdout)
        let errors = try findings(doc).filter { $0["severity"] as? String == "error" }
        XCTAssertEqual(errors.count, 403)
        XCTAssertTrue(errors.allSatisfy { $0["status"] as? String == "waived" && $0["fails_gate"] as? Bool == false })
        let gate = try XCTUnwrap(doc["gate"] as? [String: Any])
        XCTAssertEqual(gate["passed"] as? Bool, true)
        XCTAssertEqual(gate["waived"] as? Int, 407, "403 errors and the 4 unit warnings; the 2 rejected records name no unit")
        let entries = try XCTUnwrap((doc["waivers"] as? [String: Any])?["entries"] as? [[String: Any]])
        XCTAssertEqual(Set(entries.compactMap { $0["state"] as? String }), ["active"])
        XCTAssertTrue(outcome.stderr.hasSuffix("parcheck: đạt (--fail-on error): 0 phát hiện chặn; 407 được miễn trừ; 0 miễn trừ hết hạn\n"),
                      outcome.stderr)
    }

    func testWaivedFindingsAreSuppressionsInSARIFAndSkippedInJUnit() throws {
        let path = try ReportFixture.waivers(Self.allUnits(until: "2025-12-31"))
        let outcome = ReportFixture.run { $0.formats = [.sarif, .junit, .html]; $0.outputDirectory = "out"; $0.waivers = path }
        let sarif = try Fixture.json(try ReportFixture.file(outcome, "result.sarif"))
        let results = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        XCTAssertEqual(suppressed.count, 407)
        let first = try XCTUnwrap((suppressed.first?["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["status"] as? String, "accepted")
        XCTAssertEqual(first["justification"] as? String, "chờ số liệu chính thức (Nguyễn Văn A, Sở Nội vụ, until 2025-12-31)")
        let junit = try ReportFixture.file(outcome, "junit.xml")
        XCTAssertTrue(junit.contains(" failures=\"0\" "), String(junit.prefix(300)))
        XCTAssertTrue(junit.contains("<skipped message=\"miễn trừ: chờ số liệu chính thức (Nguyễn Văn A, Sở Nội vụ, đến 2025-12-31)\"/>"))
        let html = try ReportFixture.file(outcome, "report.html")
        XCTAssertTrue(html.contains("<div class=\"waiver\">Miễn trừ: Nguyễn Văn A, Sở Nội vụ: chờ số liệu chính thức (đến 31/12/2025)</div>"))
    }

    func testAnExpiredWaiverFailsAgainAndIsReportedAsExpired() throws {
        let path = try ReportFixture.waivers(Self.allUnits(until: "2025-12-31"))
        let outcome = ReportFixture.run { $0.format = .json; $0.waivers = path; $0.today = ReportFixture.day("2026-01-01") }
        XCTAssertEqual(outcome.exitCode, ExitCode.findings)
        let doc = try Fixture.json(outcome.stdout)
        let errors = try findings(doc).filter { $0["severity"] as? String == "error" }
        XCTAssertTrue(errors.allSatisfy { $0["status"] as? String == "waiver_expired" && $0["fails_gate"] as? Bool == true })
        XCTAssertEqual((doc["gate"] as? [String: Any])?["failing"] as? Int, 403)
        XCTAssertTrue(outcome.stderr.hasPrefix("\(path):2:5: warning: waiver-expired: waiver (unit=SKHCN) expired on 2025-12-31; its "),
                      outcome.stderr)
        XCTAssertEqual(outcome.stderr.components(separatedBy: "waiver-expired").count - 1, 16)
        let md = ReportFixture.run { $0.format = .markdown; $0.waivers = path; $0.today = ReportFixture.day("2026-01-01") }.stdout
        XCTAssertTrue(md.contains("403 phát hiện chặn, 0 được miễn trừ, 407 miễn trừ hết hạn."), md)
    }

    func testAWaiverThatMatchesNothingIsReportedAndChangesNothing() throws {
        let path = try ReportFixture.waivers("""
            - unit: SNNMT
              target: tthc.on_time
              by: Trần Thị B
              reason: số liệu bị nhập sai
              until: 2025-12-31
            - dossier: KHONG-CO-HO-SO
              by: Trần Thị B
              reason: gõ nhầm mã
              until: 2025-12-31
            """)
        let outcome = ReportFixture.run { $0.format = .json; $0.waivers = path }
        XCTAssertEqual(outcome.exitCode, ExitCode.findings, "the other errors still fail the gate")
        XCTAssertEqual(outcome.stderr.components(separatedBy: "\n").first,
                       "\(path):6:3: warning: waiver-unmatched: waiver (dossier=KHONG-CO-HO-SO) matches no finding of this run; remove it or fix its fields")
        let doc = try Fixture.json(outcome.stdout)
        let entries = try XCTUnwrap((doc["waivers"] as? [String: Any])?["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["state"] as? String }, ["active", "unmatched"])
        let plain = try findings(ReportFixture.json())
        let covered = plain.filter { $0["unit"] as? String == "SNNMT" && $0["target"] as? String == "tthc.on_time" }
        XCTAssertFalse(covered.isEmpty, "Sở Nông nghiệp và Môi trường misses the on-time target in the example")
        XCTAssertEqual(entries.map { $0["matched"] as? Int }, [covered.count, 0])
        XCTAssertEqual((doc["gate"] as? [String: Any])?["failing"] as? Int, 403 - covered.count)
        XCTAssertEqual(ReportFixture.run { $0.format = .json; $0.waivers = path; $0.quiet = true }.stderr, "")
    }

    func testTheDataDirectorysWaiversFileIsUsedWhenNoneIsGiven() throws {
        let dir = try Fixture.write(["waivers.yaml": "- {unit: SNV, by: A, reason: B, until: 2025-12-31}\n"])
        for name in ["units.yaml", "dossiers.csv", "dossiers-q4.jsonl"] {
            try FileManager.default.copyItem(atPath: Fixture.exampleData + "/" + name, toPath: dir + "/" + name)
        }
        var run = CheckRun(plan: Fixture.examplePlan, data: dir)
        run.format = .json
        run.today = ReportFixture.day("2025-10-01")
        let doc = try Fixture.json(run.run().stdout)
        XCTAssertEqual((doc["waivers"] as? [String: Any])?["file"] as? String, dir + "/waivers.yaml")
        XCTAssertEqual((doc["waivers"] as? [String: Any])?["judged_on"] as? String, "2025-10-01")
    }

    func testAMalformedWaiversFileStopsTheRunWithEveryProblem() throws {
        let path = try ReportFixture.waivers("""
            waivers:
              - unit: SNV
                by: A
                until: 31/12/2025
              - target: tthc.on_time
                by: A
                reason: B
                until: 2025-02-30
                expires: 2025-12-31
              - by: A
                reason: B
                until: 2025-12-31
            """)
        let outcome = ReportFixture.run { $0.waivers = path }
        XCTAssertEqual(outcome.exitCode, ExitCode.invalid)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, """
            \(path):2:5: error: missing-key: a waiver needs 'reason' (who accepted it, why, and until which day)
            \(path):8:12: error: bad-date: until '2025-02-30' is not a date (YYYY-MM-DD or D/M/YYYY)
            \(path):9:5: error: unknown-key: unknown key 'expires' in a waiver (expected id, finding, target, unit, dossier, by, reason, until)
            \(path):10:5: error: waiver-matches-everything: a waiver must name at least one of finding, target, unit, dossier

            """)
    }
}
