import Common
import Data
import Engine
import Foundation
import Plan
import XCTest

/// Data problems that reject nothing still reach the report: an empty dossier file and a non-finite indicator
/// value are `dataQuality` warnings at their place, and infinity never meets a target.
final class DataWarningFindingTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "parcheck-datawarn-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        parcheck: plan/1
        id: w
        title: W
        document: {number: 1/KH, date: 2025-01-01, issuer: UBND, year: 2025}
        period: {start: 2025-01-01, end: 2025-12-31}
        assessed_kinds: [ward]
        indicators:
          - {name: rate, type: percent}
          - {name: total, type: number}
        areas:
          - {id: a, title: A}
        targets:
          - id: rate.high
            area: a
            title: Tỷ lệ đạt từ 90% trở lên
            citation: I.1
            measure: {indicator: rate}
            expect: ">= 90%"
            points: 1
        """.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        try """
        units:
          - {id: INF, name: Vô cực, kind: ward, indicators: {rate: 1e999}}
          - {id: OK, name: Đạt, kind: ward, indicators: {rate: "95%"}}
        """.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        try "id,unit_id,received_at,due_at,channel\n".write(toFile: dir + "/dossiers.csv", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func load() throws -> (Plan, DataSet) {
        let (plan, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.map(\.description), [])
        return (try XCTUnwrap(plan), try DataLoader.load(directory: dir).get())
    }

    func testEmptyFileAndNonFiniteValueAreWarningFindingsAndInfinityFails() throws {
        let (plan, data) = try load()
        let e = Evaluator.evaluate(plan: plan, data: data, period: try Period.parse("2025"))
        let warnings = e.findings.filter { $0.kind == .dataQuality }
            .map { "\($0.severity) \($0.subject ?? "-") \($0.location.map { "\($0)" } ?? "-") \($0.message.en)" }
            .map { $0.replacingOccurrences(of: dir, with: "D") }
        XCTAssertEqual(warnings.sorted(), [
            "warning bad-value D/units.yaml:2:60 indicator 'rate' value '1e999' is not a finite number; ignored",
            "warning empty-file D/dossiers.csv:1 the file holds no dossier records",
        ])
        let status = Dictionary(uniqueKeysWithValues: e.units.map { (data.units[$0.unitIndex].id, $0.targets[0].status) })
        XCTAssertEqual(status, ["INF": .fail, "OK": .pass], "infinity is no value, so it cannot reach 90%")
        XCTAssertEqual(e.units.first { data.units[$0.unitIndex].id == "INF" }?.targets[0].value, nil)
    }

    /// A value built past the loader (400 digits parse as infinity) is refused by the typing itself, by name.
    func testTypingRefusesNonFiniteNumbersByName() throws {
        let (plan, loaded) = try load()
        var data = loaded
        let huge = String(repeating: "9", count: 400)
        let at = SourceLocation(file: "units.yaml", line: 2, column: 60)
        data.units[0].indicators = ["rate": IndicatorValue(raw: huge + "%", location: at),
                                    "total": IndicatorValue(raw: "-" + huge, location: at)]
        let findings = Submission.findings(data, plan: plan).filter { $0.unitId == "INF" }
            .map { "\($0.severity) \($0.subject ?? "-") \($0.location.map { "\($0)" } ?? "-") \($0.message.en)" }
        XCTAssertEqual(findings, [
            "error rate units.yaml:2:60 indicator 'rate' value '\(huge)%' is not a finite number",
            "error total units.yaml:2:60 indicator 'total' value '-\(huge)' is not a finite number",
        ])
    }
}
