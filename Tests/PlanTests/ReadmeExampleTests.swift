import Foundation
import XCTest
import Common
import Plan

/// The worked example in Rules/README.md is a valid plan, so the documentation cannot drift from the loader.
final class ReadmeExampleTests: XCTestCase {
    /// The YAML between the example markers of Rules/README.md (found from this file, symlinks resolved).
    private func example() throws -> String {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let readme = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try XCTUnwrap(text.range(of: "<!-- example:begin -->\n```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```\n<!-- example:end -->"))
        return String(text[begin.upperBound..<end.lowerBound])
    }

    func testWorkedExampleLoadsWithoutDiagnostics() throws {
        let (plan, diagnostics, _) = try loadPlan(try example(),
                                                  extra: ["checks/payment_per_procedure.lua": "return function(ctx) return 1 end\n"])
        XCTAssertEqual(diagnostics.map(\.description), [])
        let p = try XCTUnwrap(plan)
        XCTAssertEqual(p.document.number, "213/KH-UBND")
        XCTAssertEqual(p.areas.map(\.max), [2, 8, 5])
        XCTAssertEqual(p.targets.count, 7)
        XCTAssertEqual(p.namedPeriod("q3")?.period.asOf, 20346)
        XCTAssertEqual(p.target("chi_dao.plan_issued")?.expect?.default?.value, .date(20299))
        XCTAssertEqual(p.target("cds.e_certification")?.expect?.default?.value, .bool(true))
        XCTAssertEqual(p.target("tthc.feedback")?.whenMissing, .notApplicable)
        XCTAssertEqual(p.scripts.keys.sorted(), ["checks/payment_per_procedure.lua"])
    }

    func testPerLevelSnippetLoadsInsideAPlan() throws {
        // The 2022 snippet of the README, in a minimal plan with the district level.
        let text = """
        parcheck: plan/1
        id: lam-dong-2022
        title: Kế hoạch CCHC năm 2022
        document: {number: 3090/QĐ-UBND, date: 30/12/2021, issuer: UBND tỉnh Lâm Đồng, year: 2022}
        assessed_kinds: [department, district, commune]
        indicators:
          - {name: work_records_online_rate, type: percent}
        areas:
          - {id: cds, title: Chính quyền số, max: 1}
        targets:
          - id: cds.work_records_online
            area: cds
            title: Hồ sơ công việc xử lý trên môi trường mạng
            citation: I.6
            applies_to: [department, district, commune]
            measure: {indicator: work_records_online_rate}
            expect: {default: ">= 95%", district: ">= 85%", commune: ">= 75%"}
            points: 1
        """
        let (plan, diagnostics, _) = try loadPlan(text)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let expect = try XCTUnwrap(plan?.targets.first?.expect)
        XCTAssertEqual(expect.forKind(.department)?.value, .number(0.95))
        XCTAssertEqual(expect.forKind(.district)?.value, .number(0.85))
        XCTAssertEqual(expect.forKind(.commune)?.value, .number(0.75))
        XCTAssertEqual(plan?.document.date, 18991)  // 2021-12-30
        XCTAssertNil(plan?.period)
    }
}
