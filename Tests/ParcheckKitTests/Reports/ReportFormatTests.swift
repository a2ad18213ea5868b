import Foundation
import ParcheckKit
import XCTest

/// SARIF, result JSON, CSV and Markdown of the bundled example.
final class ReportFormatTests: XCTestCase {
    func testSARIFValidatesAgainstTheSARIF210Schema() throws {
        let sarif = ReportFixture.run { $0.format = .sarif }.stdout
        let (status, errors) = try ReportFixture.validate(schema: ReportFixture.sarifSchema, documents: ["r.sarif": sarif])
        XCTAssertEqual(status, 0, errors)
    }

    func testSARIFHasARulePerTargetAndResultsAtTheOffendingRecord() throws {
        let doc = try Fixture.json(ReportFixture.run { $0.format = .sarif }.stdout)
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let onTime = try XCTUnwrap(rules.first { $0["id"] as? String == "tthc.on_time" })
        XCTAssertEqual((onTime["help"] as? [String: Any])?["text"] as? String,
                       "Mục I.2.a — 213/KH-UBND, 2025-07-15, UBND tỉnh Lâm Đồng\n"
                       + "“Tối thiểu 98% hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn.”")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let findings = try XCTUnwrap(ReportFixture.json()["findings"] as? [[String: Any]])
        XCTAssertEqual(results.count, findings.count)
        // A dossier violation points at the dossier's line in the export, with the finding id as fingerprint.
        let violation = try XCTUnwrap(findings.first { $0["kind"] as? String == "violation" && ($0["location"] as? [String: Any])?["line"] != nil })
        let result = try XCTUnwrap(results.first {
            ($0["partialFingerprints"] as? [String: String])?["parcheckFindingId/v1"] == violation["id"] as? String
        })
        let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let location = try XCTUnwrap(violation["location"] as? [String: Any])
        XCTAssertEqual((physical["region"] as? [String: Any])?["startLine"] as? Int, location["line"] as? Int)
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String,
                       "file://" + (location["file"] as! String).replacingOccurrences(of: " ", with: "%20"))
        XCTAssertEqual(result["ruleId"] as? String, violation["target"] as? String)
        XCTAssertEqual(result["level"] as? String, "error")
    }

    func testResultJSONValidatesAgainstItsSchemaAndTheSchemaRejectsAMalformedResult() throws {
        let text = ReportFixture.run { $0.format = .json }.stdout
        var (status, errors) = try ReportFixture.validate(schema: ReportFixture.resultSchema, documents: ["r.json": text])
        XCTAssertEqual(status, 0, errors)
        let broken = text.replacingOccurrences(of: "\"severity\": \"error\"", with: "\"severity\": \"fatal\"")
        (status, errors) = try ReportFixture.validate(schema: ReportFixture.resultSchema, documents: ["r.json": broken])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(errors.contains("'fatal' is not one of"), errors)
    }

    func testCSVOpensAsUTF8WithBOMAndOneRowPerFinding() throws {
        let outcome = ReportFixture.run { $0.formats = [.csv]; $0.outputDirectory = "unused" }
        let findings = try ReportFixture.file(outcome, "findings.csv")
        XCTAssertEqual(Array(findings.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = CSVRows.parse(String(findings.dropFirst()))
        XCTAssertEqual(rows.first?.prefix(5), ["Mã phát hiện", "Mức độ", "Loại", "Mã đơn vị", "Tên đơn vị"])
        let count = try XCTUnwrap(ReportFixture.json()["findings"] as? [Any]).count
        XCTAssertEqual(rows.count, count + 1)
        XCTAssertTrue(rows.allSatisfy { $0.count == 19 })
        XCTAssertTrue(rows.contains { $0[4] == "Sở Nông nghiệp và Môi trường" && $0[5] == "tthc.on_time" && $0[18] == "có" })
        XCTAssertTrue(findings.hasSuffix("\r\n"))
        let board = CSVRows.parse(String(try ReportFixture.file(outcome, "scoreboard.csv").dropFirst()))
        XCTAssertEqual(board.count, 17, "header and the 16 assessed units")
        let snv = try XCTUnwrap(board.first { $0[2] == "SNV" })
        XCTAssertEqual(Array(snv[0...8]), ["Sở, ban, ngành", "3", "SNV", "Sở Nội vụ", "sở, ban, ngành", "65.5", "78", "83.97", "Khá"])
    }

    func testCSVKeepsFormulasFromRunning() throws {
        let waivers = try ReportFixture.waivers("""
            - {unit: SNV, by: '=HYPERLINK("http://x")', reason: test, until: 2025-12-31}
            """)
        let outcome = ReportFixture.run { $0.formats = [.csv]; $0.outputDirectory = "out"; $0.waivers = waivers }
        let rows = CSVRows.parse(String(try ReportFixture.file(outcome, "findings.csv").dropFirst()))
        let waived = try XCTUnwrap(rows.first { $0[3] == "SNV" })
        XCTAssertEqual(waived[16], "'=HYPERLINK(\"http://x\"): test (đến 2025-12-31)")
    }

    func testMarkdownSummaryFitsAMergeRequestComment() {
        let md = ReportFixture.run { $0.format = .markdown }.stdout
        XCTAssertTrue(md.hasPrefix("## parcheck — Kế hoạch cải cách hành chính nhà nước năm 2025 tỉnh Lâm Đồng\n\n❌ **Không đạt** (`--fail-on error`): 403 phát hiện chặn.\n"), md)
        XCTAssertTrue(md.contains("Chỉ số CCHC bình quân 79,46"))
        XCTAssertTrue(md.contains("| 3 | Sở Nội vụ (`SNV`) | 83,97 | Khá |"))
        XCTAssertTrue(md.contains("… và 378 phát hiện khác"), "403 blocking, 25 shown")
    }

    func testEveryFormatIsByteForByteDeterministicAndWrittenToTheOutputDirectory() throws {
        let all = ReportFormat.allCases
        let a = ReportFixture.run { $0.formats = all; $0.outputDirectory = "out" }
        let b = ReportFixture.run { $0.formats = all; $0.outputDirectory = "out" }
        XCTAssertEqual(a.files.map(\.name), ["report.txt", "result.json", "report.html", "scoreboard.csv", "findings.csv",
                                             "result.sarif", "junit.xml", "summary.md"])
        XCTAssertTrue(a.files == b.files, "two runs differ")
        XCTAssertEqual(a.stdout, "")
        let dir = try Fixture.tempDirectory() + "/reports"
        try a.write(into: dir)
        for file in a.files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file.name))
            XCTAssertTrue(bytes == Data(file.text.utf8), "\(file.name) differs on disk")
        }
        XCTAssertTrue(a.stderr.hasSuffix("đã ghi report.txt, result.json, report.html, scoreboard.csv, findings.csv, "
                                         + "result.sarif, junit.xml, summary.md vào out\n"), a.stderr)
    }

    func testSeveralFormatsOrCSVWithoutAnOutputDirectoryIsAUsageError() {
        let several = ReportFixture.run { $0.formats = [.html, .sarif] }
        XCTAssertEqual(several.exitCode, ExitCode.invalid)
        XCTAssertEqual(several.stderr, "error: several formats (html,sarif) need --output-dir\n")
        let csv = ReportFixture.run { $0.format = .csv }
        XCTAssertEqual(csv.exitCode, ExitCode.invalid)
        XCTAssertEqual(ReportFormat.list("html, sarif,html"), [.html, .sarif])
        XCTAssertNil(ReportFormat.list("html,pdf"))
    }

    func testQuietLeavesStderrEmptyAndTheExitCodeTellsTheVerdict() {
        let outcome = ReportFixture.run { $0.format = .json; $0.quiet = true }
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertEqual(outcome.exitCode, ExitCode.findings)
    }

    func testColoursOnlyWhenAskedFor() {
        let plain = ReportFixture.run().stdout
        XCTAssertFalse(plain.contains("\u{1B}["))
        let coloured = ReportFixture.run { $0.colour = true }.stdout
        XCTAssertTrue(coloured.contains("[\u{1B}[31mlỗi\u{1B}[0m]"))
        let file = ReportFixture.run { $0.colour = true; $0.formats = [.text]; $0.outputDirectory = "out" }
        XCTAssertFalse(file.files[0].text.contains("\u{1B}["), "never in files")
    }
}
