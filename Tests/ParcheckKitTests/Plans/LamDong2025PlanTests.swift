import Foundation
import ParcheckKit
import Plan
import XCTest

/// Kế hoạch 213/KH-UBND (15/7/2025) of UBND tỉnh Lâm Đồng, the full plan: Rules/lam-dong/2025 against
/// Examples/lam-dong-2025. For every kind of target the plan uses, one named unit passes and one fails.
final class LamDong2025PlanTests: XCTestCase {
    static let plan = Fixture.root + "/Rules/lam-dong/2025"
    static let data = Fixture.root + "/Examples/lam-dong-2025"

    private static let results = ExampleRun(plan: plan, data: data, period: "2025")

    private func assertStatus(_ unit: String, _ target: String, _ expected: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        Self.results.assertStatus(unit, target, expected, file: file, line: line)
    }

    func testPlanValidatesWithoutErrors() {
        let alone = ValidateRun(plan: Self.plan).run()
        XCTAssertEqual(alone.exitCode, 0, alone.stderr)
        XCTAssertFalse(alone.stderr.contains(" error: "), alone.stderr)
        // With the data, the only errors are the two records the example rejects on purpose.
        let withData = ValidateRun(plan: Self.plan, data: Self.data).run()
        let errors = withData.stderr.split(separator: "\n").filter { $0.contains(" error: ") }
        XCTAssertEqual(errors.count, 2, withData.stderr)
        XCTAssertTrue(errors.allSatisfy { $0.contains("rejected-record") }, withData.stderr)
    }

    func testExampleRunsWithoutCheckErrorsAndCoversEveryArea() throws {
        let doc = Self.results.doc
        XCTAssertEqual((doc["plan"] as? [String: Any])?["id"] as? String, "lam-dong-2025")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.allSatisfy { $0["kind"] as? String != "check_error" },
                      "\(findings.filter { $0["kind"] as? String == "check_error" })")
        let snv = try XCTUnwrap(Self.results.targets["SNV"])
        let areas = Set(snv.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        XCTAssertEqual(areas, ["chi_dao", "the_che", "tthc", "to_chuc", "cong_vu", "tai_chinh", "cds"])
    }

    func testDossierMetricThreshold() {
        // I.2.a "Tối thiểu 98% hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn"
        assertStatus("SKHCN", "tthc.on_time", "pass")
        assertStatus("SNNMT", "tthc.on_time", "fail")
        assertStatus("X-QUANGKHE", "tthc.on_time", "not_applicable")
    }

    func testRatiosOfReportedCounts() {
        // I.1.a "100% văn bản QPPL ... bảo đảm tiến độ và chất lượng"
        assertStatus("SNV", "the_che.qppl_on_schedule", "pass")
        assertStatus("SXD", "the_che.qppl_on_schedule", "fail")
        // I.4.a "100% ĐVSNCL ... bố trí viên chức theo đúng vị trí việc làm"
        assertStatus("STP", "cong_vu.public_employees_by_position", "pass")
        assertStatus("SXD", "cong_vu.public_employees_by_position", "fail")
        assertStatus("X-QUANGKHE", "cong_vu.public_employees_by_position", "not_applicable")
        // I.5.a "tối thiểu 80% số cơ sở nhà, đất ... được xử lý, sắp xếp lại": 4/5 passes, 3/5 fails
        assertStatus("SNV", "tai_chinh.land_rearranged", "pass")
        assertStatus("P-PHANTHIET", "tai_chinh.land_rearranged", "fail")
        // I.6.a NDXP: only departments
        assertStatus("SKHCN", "cds.ndxp", "pass")
        assertStatus("STP", "cds.ndxp", "fail")
    }

    func testBaselineReductionAgainst2021() {
        // I.3.a "Giảm tối thiểu ... 10% số lượng đơn vị sự nghiệp công lập so với năm 2021"
        assertStatus("SNV", "to_chuc.psu_reduction", "pass")
        assertStatus("STC", "to_chuc.psu_reduction", "fail")
        assertStatus("X-QUANGKHE", "to_chuc.psu_reduction", "not_applicable")
    }

    func testComparisonsWithThePreviousYear() {
        // I.5.a "Chi trực tiếp ngân sách cho ĐVSNCL giảm so với năm trước liền kề"
        assertStatus("SNV", "tai_chinh.psu_spending_down", "pass")
        assertStatus("SNNMT", "tai_chinh.psu_spending_down", "fail")
        // I.5.a "Có thêm đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên"
        assertStatus("SNV", "tai_chinh.more_self_financed", "pass")
        assertStatus("STP", "tai_chinh.more_self_financed", "fail")
    }

    func testBooleanAndCountIndicators() {
        assertStatus("SNV", "to_chuc.functions_regulated", "pass")
        assertStatus("SNNMT", "to_chuc.functions_regulated", "fail")
        // I.7.e "ít nhất 01 giải pháp, sáng kiến về cải cách hành chính"
        assertStatus("SNV", "chi_dao.initiatives", "pass")
        assertStatus("P-GIANGHIA", "chi_dao.initiatives", "fail")
    }

    func testAppendixDeadlinesWithEvidence() {
        // PL VII.2 "Ban hành kế hoạch chậm nhất là ngày 15/8/2025" (every unit)
        assertStatus("SNV", "chi_dao.self_inspection_plan", "pass")
        assertStatus("SXD", "chi_dao.self_inspection_plan", "fail")
        // PL V.2 "Tháng 02/2026" → <= 2026-02-28
        assertStatus("STP", "tai_chinh.public_assets_report", "pass")
        assertStatus("SNNMT", "tai_chinh.public_assets_report", "fail")
        // PL V.4: a unit that reports no document fails
        assertStatus("X-DINHVANLAMHA", "tai_chinh.budget_use_report", "fail")
        assertStatus("X-TUYPHONG", "tai_chinh.budget_use_report", "pass")
        // Tasks of one named body (Sở Nội vụ, "trong tháng 7/2025"): the others are not judged.
        assertStatus("SNV", "chi_dao.propaganda_plan_province", "pass")
        assertStatus("SNV", "chi_dao.inspection_plan", "fail")
        assertStatus("STP", "chi_dao.inspection_plan", "not_applicable")
        // Department-only task (PL III.2 "Tháng 9/2025") does not apply to communes.
        assertStatus("STC", "to_chuc.service_price", "pass")
        assertStatus("SXD", "to_chuc.service_price", "fail")
        assertStatus("X-HIEPTHANH", "to_chuc.service_price", "not_applicable")
    }

    func testAreaPointsAddUp() throws {
        let snv = try XCTUnwrap((Self.results.doc["units"] as? [[String: Any]])?.first { $0["id"] as? String == "SNV" })
        let score = try XCTUnwrap(snv["score"] as? [String: Any])
        let earned = try XCTUnwrap(score["earned"] as? Double), max = try XCTUnwrap(score["max"] as? Double)
        XCTAssertEqual(try XCTUnwrap(score["index"] as? Double), earned / max * 100, accuracy: 1e-9)
    }
}
