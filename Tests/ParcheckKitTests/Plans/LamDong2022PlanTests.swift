import Foundation
import ParcheckKit
import Plan
import XCTest

/// Kế hoạch CCHC năm 2022 of tỉnh Lâm Đồng (QĐ 3090/QĐ-UBND, 30/12/2021), three levels (tỉnh, huyện, xã):
/// Rules/lam-dong/2022 against Examples/lam-dong-2022. For every kind of target the plan uses, one named unit
/// passes and one fails.
final class LamDong2022PlanTests: XCTestCase {
    static let plan = Fixture.root + "/Rules/lam-dong/2022"
    static let data = Fixture.root + "/Examples/lam-dong-2022"

    private static let results = ExampleRun(plan: plan, data: data, period: "2022")

    private func assertStatus(_ unit: String, _ target: String, _ expected: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        Self.results.assertStatus(unit, target, expected, file: file, line: line)
    }

    private func value(_ unit: String, _ target: String) throws -> Double {
        try XCTUnwrap(Self.results.targets[unit]?[target]?["value"] as? Double, "\(unit) \(target)")
    }

    func testPlanValidatesWithoutErrors() {
        ExampleRun.assertValidates(plan: Self.plan, data: Self.data)
    }

    func testManifestNamesThePlanAndTheExampleRunsWithoutCheckErrors() throws {
        let manifest = try Manifest.read(directory: Self.data).get()
        XCTAssertEqual(manifest.period, "2022")
        XCTAssertEqual(manifest.plan.map { ($0 as NSString).standardizingPath }, (Self.plan as NSString).standardizingPath)
        let doc = Self.results.doc
        XCTAssertEqual((doc["plan"] as? [String: Any])?["id"] as? String, "lam-dong-2022")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.allSatisfy { $0["kind"] as? String != "check_error" },
                      "\(findings.filter { $0["kind"] as? String == "check_error" })")
        let dossiers = try XCTUnwrap((doc["inputs"] as? [String: Any])?["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["rejected"], 0)
        XCTAssertGreaterThan(dossiers["accepted"] ?? 0, 1000)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        XCTAssertEqual(Set(units.compactMap { $0["id"] as? String }),
                       ["LAMDONG", "VPUBND", "SNV", "SKHDT", "STTTT", "STC", "STP", "DALAT", "BAOLOC", "DUCTRONG",
                        "LAMHA", "P1-DALAT", "X-TANUNG", "P-LOCPHAT", "X-HIEPTHANH", "X-MELINH"])
    }

    func testDossierMetricThresholds() {
        // I.2.d "30% hồ sơ trực tuyến phát sinh"
        assertStatus("SKHDT", "tthc.online_rate", "pass")
        assertStatus("STC", "tthc.online_rate", "fail")
        // I.2.e "Mức độ hài lòng … đạt trên 85%"
        assertStatus("DALAT", "tthc.satisfaction", "pass")
        assertStatus("LAMHA", "tthc.satisfaction", "fail")
        // I.2.d "tỷ lệ giao dịch thanh toán trực tuyến đạt từ 25% trở lên"
        assertStatus("P1-DALAT", "tthc.online_payment_rate", "pass")
        assertStatus("X-MELINH", "tthc.online_payment_rate", "fail")
        // The province handles no dossiers.
        assertStatus("LAMDONG", "tthc.online_rate", "not_applicable")
        // II.3.b: an apology for every late dossier
        assertStatus("SNV", "tthc.apology", "pass")
        assertStatus("STC", "tthc.apology", "fail")
    }

    func testThresholdsByLevel() {
        // I.6 "95% hồ sơ công việc tại cấp tỉnh, 85% … cấp huyện và 75% … cấp xã"
        assertStatus("SNV", "cds.work_records_online", "pass")          // 97% ≥ 95%
        assertStatus("STC", "cds.work_records_online", "fail")          // 93% < 95% (cấp tỉnh)
        assertStatus("BAOLOC", "cds.work_records_online", "pass")       // 86.5% ≥ 85% (cấp huyện)
        assertStatus("LAMHA", "cds.work_records_online", "fail")        // 82% < 85%
        assertStatus("X-HIEPTHANH", "cds.work_records_online", "pass")  // 80% ≥ 75% (cấp xã)
        assertStatus("P1-DALAT", "cds.work_records_online", "pass")     // phường: cấp xã too
        assertStatus("X-MELINH", "cds.work_records_online", "fail")     // 70% < 75%
        // I.6 "Số hóa kết quả … cấp tỉnh, cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng là 60%, 40%, 30%"
        assertStatus("SNV", "cds.valid_results_digitized", "pass")      // 65%
        assertStatus("STTTT", "cds.valid_results_digitized", "fail")    // 55% < 60%
        assertStatus("DALAT", "cds.valid_results_digitized", "pass")    // 45% ≥ 40%
        assertStatus("DUCTRONG", "cds.valid_results_digitized", "fail") // 35% < 40%
        assertStatus("X-HIEPTHANH", "cds.valid_results_digitized", "pass") // 32% ≥ 30%
        assertStatus("X-TANUNG", "cds.valid_results_digitized", "fail") // 25% < 30%
        assertStatus("LAMDONG", "cds.valid_results_digitized", "not_applicable")
    }

    func testRatiosOfReportedCounts() {
        assertStatus("STP", "tthc.online_l34", "pass")
        assertStatus("DUCTRONG", "tthc.online_l34", "fail")
        assertStatus("DALAT", "cds.online_meetings", "pass")            // 22 of 24 meetings online
        assertStatus("LAMHA", "cds.online_meetings", "fail")            // 18 of 24 = 75%, not above 80%
        assertStatus("SKHDT", "tthc.business_reg_online", "pass")       // 912 of 2400 = 38% > 30%
        assertStatus("SNV", "tthc.business_reg_online", "not_applicable")
        assertStatus("SNV", "bo_may.agencies_inspected", "pass")        // 44 of 130 > 30%
    }

    func testComparisonsWithThePreviousYear() throws {
        // I.8 "Chỉ số CCHC năm 2022 của tỉnh tăng trên 2% so với năm 2021": 85.08% → 87.45% is +2.79%
        assertStatus("LAMDONG", "chi_so.par_index_growth", "pass")
        XCTAssertEqual(try value("LAMDONG", "chi_so.par_index_growth"), 0.8745 / 0.8508 - 1, accuracy: 1e-9)
        assertStatus("SNV", "chi_so.par_index_growth", "not_applicable")
        // I.2.c "số hóa kết quả giải quyết TTHC còn hiệu lực tăng tối thiểu 30%"
        assertStatus("X-HIEPTHANH", "tthc.digitized_results_growth", "pass")
        assertStatus("X-TANUNG", "tthc.digitized_results_growth", "fail")
        XCTAssertEqual(try value("X-TANUNG", "tthc.digitized_results_growth"), 0.18, accuracy: 0.005)
    }

    func testAppendixDeadlinesWithEvidence() {
        // PL II.3.24 "Công văn — Trong năm 2022" (<= 2022-12-31), every sở and địa phương
        assertStatus("DALAT", "tthc.pl_3_24", "pass")
        assertStatus("DUCTRONG", "tthc.pl_3_24", "fail")                // dated 16/01/2023
        // PL II.3.36 "Báo cáo kết quả đánh giá": not reported at all
        assertStatus("X-HIEPTHANH", "tthc.pl_3_36", "pass")
        assertStatus("X-MELINH", "tthc.pl_3_36", "fail")
        // PL III.3.41 "Quý IV năm 2021" (<= 2021-12-31), Sở Nội vụ
        assertStatus("SNV", "bo_may.pl_3_41", "pass")
        // PL VI.3.57 / 3.58, Sở Thông tin và Truyền thông
        assertStatus("STTTT", "cds.pl_3_57", "pass")
        assertStatus("STTTT", "cds.pl_3_58", "fail")
    }

    func testEveryKindOfTargetHasAPassingAndAFailingUnit() {
        // Issue 3 (c). No baseline reduction: the 2022 plan's comparisons with 2021 are rises (Chỉ số CCHC +2%,
        // số hóa kết quả +30%), judged as comparisons with the previous period.
        Self.results.assertEveryKindPassesAndFails(plan: Self.plan, kinds: [
            .metricThreshold, .perLevelThreshold, .deadlineWithEvidence, .previousPeriodComparison,
        ])
    }

    func testTasksOfNamedBodiesAreAssignedToTheirRoles() {
        XCTAssertEqual(ExampleRun.assignments(plan: Self.plan), [
            "tthc.pl_3_25": ["vp_ubnd"], "tthc.pl_3_35": ["vp_ubnd"], "tthc.pl_3_37": ["vp_ubnd"],
            "bo_may.pl_3_40": ["so_noi_vu"], "bo_may.pl_3_41": ["so_noi_vu"], "bo_may.agencies_inspected": ["so_noi_vu"],
            "cong_vu.pl_3_43": ["so_noi_vu", "truong_chinh_tri"], "tai_chinh.pl_3_51": ["so_tai_chinh"],
            "cds.pl_3_56": ["so_tttt"], "cds.pl_3_57": ["so_tttt"], "cds.pl_3_58": ["so_tttt"], "cds.pl_3_61": ["so_tttt"],
            "tthc.business_reg_online": ["so_khdt"],
        ])
        // PL II.3.25, chủ trì Văn phòng UBND tỉnh: the office reports it; another department is not judged.
        assertStatus("VPUBND", "tthc.pl_3_25", "pass")
        assertStatus("SNV", "tthc.pl_3_25", "not_applicable")
        // PL V.3.51 "Hàng năm", chủ trì Sở Tài chính: no product reported, which fails.
        assertStatus("STC", "tai_chinh.pl_3_51", "fail")
        assertStatus("STP", "tai_chinh.pl_3_51", "not_applicable")
        assertStatus("DALAT", "tai_chinh.pl_3_51", "not_applicable")
    }
}
