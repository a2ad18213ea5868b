import Foundation
import ParcheckKit
import Plan
import XCTest

/// Kế hoạch 09/KH-UBND (25/7/2025) of UBND xã Minh Đức, tỉnh Đồng Nai: Rules/dong-nai/minh-duc/2025 against
/// Examples/dong-nai-minh-duc-2025. For every kind of target the plan uses, one named unit passes and one fails.
final class MinhDuc2025PlanTests: XCTestCase {
    static let plan = Fixture.root + "/Rules/dong-nai/minh-duc/2025"
    static let data = Fixture.root + "/Examples/dong-nai-minh-duc-2025"

    private static let results = ExampleRun(plan: plan, data: data, period: "2025")

    private func status(_ unit: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let t = Self.results.targets[unit]?[target]
        XCTAssertNotNil(t, "\(unit) has no result for \(target)", file: file, line: line)
        return t?["status"] as? String
    }

    private func assertStatus(_ unit: String, _ target: String, _ expected: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        Self.results.assertStatus(unit, target, expected, file: file, line: line)
    }

    func testPlanValidatesWithoutErrors() {
        ExampleRun.assertValidates(plan: Self.plan, data: Self.data)
    }

    func testManifestNamesThePlanAndTheExampleRunsWithoutCheckErrors() throws {
        let manifest = try Manifest.read(directory: Self.data).get()
        XCTAssertEqual(manifest.period, "2025")
        XCTAssertEqual(manifest.plan.map { ($0 as NSString).standardizingPath }, (Self.plan as NSString).standardizingPath)
        let doc = Self.results.doc
        XCTAssertEqual((doc["plan"] as? [String: Any])?["id"] as? String, "dong-nai-minh-duc-2025")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.allSatisfy { $0["kind"] as? String != "check_error" },
                      "\(findings.filter { $0["kind"] as? String == "check_error" })")
        let dossiers = try XCTUnwrap((doc["inputs"] as? [String: Any])?["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["rejected"], 0)
        XCTAssertGreaterThan(dossiers["accepted"] ?? 0, 1000)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        XCTAssertEqual(Set(units.compactMap { $0["id"] as? String }),
                       ["MINHDUC", "TANQUAN", "TANHUNG", "NHABICH", "MD-VP", "MD-PKT", "MD-PVHXH", "MD-TTPVHCC"],
                       "the commune, its divisions and TT.PVHCC, three neighbouring communes; the province is not assessed")
    }

    func testDossierMetricThresholds() {
        // II.2.1 "Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%"
        assertStatus("MINHDUC", "tthc.on_time", "pass")
        assertStatus("TANQUAN", "tthc.on_time", "fail")
        // II.2.1 "Mức độ hài lòng … đạt tối thiểu 95%": ratings on the dossiers, and the SIPAS survey figure
        assertStatus("MINHDUC", "tthc.satisfaction_dossiers", "pass")
        assertStatus("NHABICH", "tthc.satisfaction_dossiers", "fail")
        assertStatus("MINHDUC", "tthc.satisfaction_survey", "pass")
        assertStatus("TANQUAN", "tthc.satisfaction_survey", "fail")
        assertStatus("TANHUNG", "tthc.e_result", "pass")
        assertStatus("NHABICH", "tthc.e_result", "fail")
        // II.2.1 "100% người dân, doanh nghiệp … không phải cung cấp lại" (data_reused on every dossier) beside
        // "tỷ lệ khai thác, sử dụng lại … tối thiểu 50%" (the same flag): Minh Đức meets 50%, not 100%.
        assertStatus("TANHUNG", "tthc.no_resubmission", "pass")
        assertStatus("MINHDUC", "tthc.no_resubmission", "fail")
        assertStatus("MINHDUC", "tthc.reuse", "pass")
        // Dossier metrics do not apply to the divisions, which receive no dossiers.
        assertStatus("MD-VP", "tthc.on_time", "not_applicable")
    }

    func testIndicatorThresholdAcrossKinds() {
        // II.6.1 "90% hồ sơ công việc được xử lý trên môi trường mạng": communes, divisions and TT.PVHCC alike
        assertStatus("MD-VP", "cds.work_records_online", "pass")
        assertStatus("MD-PKT", "cds.work_records_online", "fail")
        assertStatus("MD-TTPVHCC", "cds.work_records_online", "pass")
        assertStatus("TANQUAN", "cds.work_records_online", "fail")
    }

    func testRatiosOfReportedCounts() {
        assertStatus("MINHDUC", "the_che.qppl_reviewed", "pass")
        assertStatus("TANQUAN", "the_che.qppl_reviewed", "fail")
        assertStatus("MD-VP", "the_che.qppl_on_schedule", "pass")
        assertStatus("MD-PKT", "the_che.qppl_on_schedule", "fail")
        assertStatus("MINHDUC", "tthc.fully_online_provided", "fail")   // 46 of 60 eligible procedures: 76.7% < 80%
        assertStatus("TANHUNG", "tthc.fully_online_provided", "pass")
        assertStatus("NHABICH", "tthc.feedback_on_time", "not_applicable")   // no feedback received
    }

    func testComparisonWithThePreviousYear() {
        // II.7.1 "Chỉ số Cải cách hành chính cải thiện so với năm 2024"
        assertStatus("MINHDUC", "chi_dao.par_index_improved", "pass")
        assertStatus("TANQUAN", "chi_dao.par_index_improved", "fail")
        assertStatus("NHABICH", "chi_dao.par_index_improved", "fail")   // unchanged is not an improvement
        // II.3.1 "Tiếp tục giảm số lượng các đơn vị sự nghiệp công lập": fewer than at the end of 2024
        assertStatus("MINHDUC", "bo_may.dvsncl_reduced", "pass")        // 3 → 2
        assertStatus("TANQUAN", "bo_may.dvsncl_reduced", "fail")        // 2 → 2
    }

    func testReductionAgainstABaseline() throws {
        // II.2.1 "giảm tối thiểu 20% thông tin phải khai báo": 240 → 182 fields is −24.2%; 220 → 187 is −15%
        assertStatus("MINHDUC", "tthc.declared_fields_cut", "pass")
        assertStatus("NHABICH", "tthc.declared_fields_cut", "fail")
        let value = try XCTUnwrap(Self.results.targets["NHABICH"]?["tthc.declared_fields_cut"]?["value"] as? Double)
        XCTAssertEqual(value, -0.15, accuracy: 1e-9)
    }

    func testAppendixDeadlinesWithEvidence() {
        // PL VII.1 "Ban hành … các Kế hoạch CCHC … — Quý III/2024" (read as Quý III/2025, <= 30/9/2025), Phòng VH-XH
        assertStatus("MD-PVHXH", "chi_dao.kh_cchc", "pass")        // 09/KH-UBND of 25/7/2025
        assertStatus("MD-PVHXH", "chi_dao.kh_do_luong", "fail")    // 27/KH-UBND of 15/10/2025
        // PL II.3.2 "Hàng năm" training of the one-stop-shop staff, TT.PVHCC
        assertStatus("MD-TTPVHCC", "tthc.tap_huan_ttpvhcc", "pass")
    }

    func testEveryKindOfTargetHasAPassingAndAFailingUnit() {
        // Issue 3 (c). No per-level threshold: the commune's plan sets one figure for each target.
        Self.results.assertEveryKindPassesAndFails(plan: Self.plan, kinds: [
            .metricThreshold, .deadlineWithEvidence, .previousPeriodComparison, .baselineReduction,
        ])
    }

    func testTasksOfOneBodyAreAssignedToItsRole() {
        let vhxh = ["chi_dao.kh_cchc", "chi_dao.kh_kiem_tra", "chi_dao.kh_tuyen_truyen", "chi_dao.kh_do_luong",
                    "chi_dao.tap_huan_905", "chi_dao.danh_gia_xep_hang", "tthc.doi_thoai", "cong_vu.quy_che_tuyen_dung"]
        var expected = Dictionary(uniqueKeysWithValues: vhxh.map { ($0, ["phong_vhxh"]) })
        expected["tthc.tap_huan_ttpvhcc"] = ["trung_tam_pvhcc"]
        XCTAssertEqual(ExampleRun.assignments(plan: Self.plan), expected)
        // Phòng VH-XH holds phong_vhxh: its Kế hoạch CCHC is on time; its Quý IV ranking report (PL VII.2
        // "Đánh giá, xếp hạng … — Báo cáo — Phòng VH-XH — Quý IV/2025") is not reported, which fails.
        assertStatus("MD-PVHXH", "chi_dao.kh_cchc", "pass")
        assertStatus("MD-PVHXH", "chi_dao.danh_gia_xep_hang", "fail")
        // The other divisions (same kind, no role) are not judged on its tasks.
        assertStatus("MD-PKT", "chi_dao.kh_do_luong", "not_applicable")
        assertStatus("MD-VP", "chi_dao.danh_gia_xep_hang", "not_applicable")
        assertStatus("MD-TTPVHCC", "chi_dao.danh_gia_xep_hang", "not_applicable")
    }

    func testClaimedVersusComputedOnTimeRate() {
        assertStatus("MINHDUC", "tthc.on_time_reported", "pass")
        assertStatus("TANQUAN", "tthc.on_time_reported", "fail")   // claims 99%, the dossiers give about 93%
    }
}
