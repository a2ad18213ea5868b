import Common
import Data
import Engine
import Foundation
import Plan
import XCTest

/// Appendix tasks: the unit reports the product's document number and date; the task passes when both
/// exist and the date is on or before the deadline.
final class EvidenceTests: XCTestCase {
    func testEvidenceNeedsANumberAndADateOnOrBeforeTheDeadline() throws {
        let dir = NSTemporaryDirectory() + "parcheck-evidence-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        parcheck: plan/1
        id: e
        title: E
        document: {number: 1/KH, date: 2025-01-01, issuer: UBND, year: 2025}
        period: {start: 2025-01-01, end: 2025-12-31}
        assessed_kinds: [ward]
        indicators:
          - {name: self_check_plan, type: date, evidence: true, required: true}
        areas:
          - {id: a, title: A}
        targets:
          - id: task.self_check
            area: a
            title: Ban hành kế hoạch tự kiểm tra chậm nhất ngày 15/8/2025
            citation: PL VII.2
            measure: {evidence: self_check_plan}
            expect: "<= 2025-08-15"
            points: 1
        """.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        try """
        units:
          - {id: ON, name: Đúng hạn, kind: ward, indicators: {self_check_plan: {evidence: {number: "12/KH-UBND", date: 15/8/2025}}}}
          - {id: LATE, name: Trễ, kind: ward, indicators: {self_check_plan: {evidence: {number: "13/KH-UBND", date: 2025-08-16}}}}
          - {id: NONUM, name: Thiếu số, kind: ward, indicators: {self_check_plan: {evidence: {date: 2025-08-01}}}}
          - {id: NONE, name: Không báo cáo, kind: ward}
          - {id: BAD, name: Sai ngày, kind: ward, indicators: {self_check_plan: {evidence: {number: "1/KH", date: 32/8/2025}}}}
        """.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        try "id,unit_id,received_at,due_at,channel\n".write(toFile: dir + "/dossiers.csv", atomically: true, encoding: .utf8)
        let (plan, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let data = try DataLoader.load(directory: dir).get()
        let e = Evaluator.evaluate(plan: try XCTUnwrap(plan), data: data, period: try Period.parse("2025"))
        let status = Dictionary(uniqueKeysWithValues: e.units.map { (data.units[$0.unitIndex].id, $0.targets[0].status) })
        XCTAssertEqual(status, ["ON": .pass, "LATE": .fail, "NONUM": .fail, "NONE": .fail, "BAD": .fail])
        XCTAssertEqual(e.units.first { data.units[$0.unitIndex].id == "ON" }?.targets[0].value, .date(dayNumber(year: 2025, month: 8, day: 15)!))
        let missing = e.findings.filter { $0.kind == .submission }.compactMap(\.unitId)
        XCTAssertEqual(missing, ["NONE"], "evidence alone counts as a report of a required indicator")
        let warnings = e.findings.filter { $0.kind == .dataQuality && $0.severity == .warning }
        XCTAssertEqual(warnings.map { $0.subject ?? "-" }.sorted(), ["bad-evidence-date", "empty-file"],
                       "the impossible evidence date is shown, not dropped (and the header-only dossier file is named)")
        XCTAssertEqual(warnings.first { $0.subject == "bad-evidence-date" }?.location?.file, dir + "/units.yaml")
    }
}
