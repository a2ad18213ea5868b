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

    func testBaselineReductionAgainst2021() throws {
        // I.3.a "Giảm tối thiểu bình quân cả tỉnh 10% số lượng đơn vị sự nghiệp công lập so với năm 2021": the
        // province's totals, compiled by Sở Nội vụ (1 046 → 915, −12.5%); reported, not scored.
        assertStatus("SNV", "to_chuc.psu_reduction_province", "pass")
        let province = try XCTUnwrap(Self.results.targets["SNV"]?["to_chuc.psu_reduction_province"])
        XCTAssertEqual(try XCTUnwrap(province["value"] as? Double), (915.0 - 1046.0) / 1046.0, accuracy: 1e-12)
        assertStatus("STP", "to_chuc.psu_reduction_province", "not_applicable")
        assertStatus("X-HIEPTHANH", "to_chuc.psu_reduction_province", "not_applicable")
        // I.3.b "giảm tối thiểu bình quân 10% số lượng ĐVSNCL được giao quản lý": each body's own units
        assertStatus("SNV", "to_chuc.psu_reduction", "pass")           // 10 → 8
        assertStatus("STC", "to_chuc.psu_reduction", "fail")           // 12 → 12
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
        // II.1.a, PL VII.1 "Thời gian hoàn thành ban hành Kế hoạch chậm nhất là ngày 30/7/2025": the plan's số, ngày
        assertStatus("SNV", "chi_dao.plan_issued", "pass")             // 40/KH-SNV of 18/7/2025
        assertStatus("SXD", "chi_dao.plan_issued", "fail")             // dated 2/8/2025
        // PL II.9 "Khẩu hiệu hành động — Trước ngày 30/7/2025": the issuing document's số, ngày
        assertStatus("STP", "tthc.action_slogan", "pass")              // 01/TB-STP of 11/7/2025
        assertStatus("SNV", "tthc.action_slogan", "fail")              // no product reported
        // PL VII.2 "Ban hành kế hoạch chậm nhất là ngày 15/8/2025" (every unit)
        assertStatus("SNV", "chi_dao.self_inspection_plan", "pass")
        assertStatus("SXD", "chi_dao.self_inspection_plan", "fail")
        // PL V.2 "Tháng 02/2026" → <= 2026-02-28
        assertStatus("STP", "tai_chinh.public_assets_report", "pass")
        assertStatus("SNNMT", "tai_chinh.public_assets_report", "fail")
        // PL V.4: a unit that reports no document fails
        assertStatus("X-DINHVANLAMHA", "tai_chinh.budget_use_report", "fail")
        assertStatus("X-TUYPHONG", "tai_chinh.budget_use_report", "pass")
        // Department-only task (PL III.2 "Tháng 9/2025") does not apply to communes.
        assertStatus("STC", "to_chuc.service_price", "pass")
        assertStatus("SXD", "to_chuc.service_price", "fail")
        assertStatus("X-HIEPTHANH", "to_chuc.service_price", "not_applicable")
    }

    func testTasksOfOneBodyAreAssignedToItsRole() {
        XCTAssertEqual(ExampleRun.assignments(plan: Self.plan), [
            "to_chuc.psu_plan_2025": ["so_noi_vu"], "to_chuc.psu_reduction_province": ["so_noi_vu"],
            "cong_vu.training_plan": ["so_noi_vu"],
            "chi_dao.inspection_plan": ["so_noi_vu"], "chi_dao.propaganda_plan_province": ["so_noi_vu"],
            "to_chuc.class_size": ["so_giao_duc"], "tai_chinh.budget_allocation": ["so_tai_chinh"],
            "cds.data_regulation": ["vp_ubnd"], "cds.data_warehouse": ["so_khcn"],
        ])
        // PL VII.3 / VII.2 "Ban hành kế hoạch trong tháng 7/2025 — Sở Nội vụ": SNV holds so_noi_vu; its propaganda
        // plan is on time, its inspection plan dated August 2025.
        assertStatus("SNV", "chi_dao.propaganda_plan_province", "pass")
        assertStatus("SNV", "chi_dao.inspection_plan", "fail")
        // Another department, and a commune, are not judged on a task of Sở Nội vụ.
        assertStatus("STP", "chi_dao.inspection_plan", "not_applicable")
        assertStatus("X-HIEPTHANH", "chi_dao.inspection_plan", "not_applicable")
        // PL VI.5 "Trong năm 2025 — Sở Khoa học và Công nghệ"
        assertStatus("SKHCN", "cds.data_warehouse", "pass")
        assertStatus("SNV", "cds.data_warehouse", "not_applicable")
        // PL V.7 "Sở Tài chính; UBND các xã, phường, đặc khu": the province's decision is Sở Tài chính's, each
        // commune's own is a target of the communes (not applicable to one without public service units).
        assertStatus("STC", "tai_chinh.budget_allocation", "pass")
        assertStatus("SXD", "tai_chinh.budget_allocation", "not_applicable")
        assertStatus("X-HIEPTHANH", "tai_chinh.budget_allocation_commune", "pass")
        assertStatus("P-XUANHUONG", "tai_chinh.budget_allocation_commune", "fail")
        assertStatus("X-QUANGKHE", "tai_chinh.budget_allocation_commune", "not_applicable")
        assertStatus("STC", "tai_chinh.budget_allocation_commune", "not_applicable")
        // Sở Giáo dục và Đào tạo and Văn phòng UBND tỉnh are not among the example's units: nobody holds their roles.
        XCTAssertEqual(Self.results.statuses(of: "to_chuc.class_size"), ["not_applicable"])
        XCTAssertEqual(Self.results.statuses(of: "cds.data_regulation"), ["not_applicable"])
    }

    func testEveryKindOfTargetHasAPassingAndAFailingUnit() {
        // Issue 3 (c). The plan has no per-level threshold: its figures are the same for the province's sở and
        // communes ("100% hồ sơ công việc tại cấp tỉnh và cấp xã").
        Self.results.assertEveryKindPassesAndFails(plan: Self.plan, kinds: [
            .metricThreshold, .deadlineWithEvidence, .previousPeriodComparison, .baselineReduction,
        ])
    }

    func testAreaPointsAddUp() throws {
        let snv = try XCTUnwrap((Self.results.doc["units"] as? [[String: Any]])?.first { $0["id"] as? String == "SNV" })
        let score = try XCTUnwrap(snv["score"] as? [String: Any])
        let earned = try XCTUnwrap(score["earned"] as? Double), max = try XCTUnwrap(score["max"] as? Double)
        XCTAssertEqual(try XCTUnwrap(score["index"] as? Double), earned / max * 100, accuracy: 1e-9)
    }
}
