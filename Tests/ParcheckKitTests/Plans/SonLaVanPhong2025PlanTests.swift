import Foundation
import ParcheckKit
import Plan
import XCTest

/// Kế hoạch CCHC năm 2025 of Văn phòng UBND tỉnh Sơn La: Rules/son-la/van-phong-ubnd/2025 against
/// Examples/son-la-van-phong-ubnd-2025. The plan declares its reporting periods (IV.5: data cut-off windows of the
/// quý III and annual reports); the manifest names `nam`. For every kind of target the plan uses, one named unit
/// passes and one fails.
final class SonLaVanPhong2025PlanTests: XCTestCase {
    static let plan = Fixture.root + "/Rules/son-la/van-phong-ubnd/2025"
    static let data = Fixture.root + "/Examples/son-la-van-phong-ubnd-2025"

    typealias Results = ExampleRun

    /// The run the manifest describes (period `nam`, the annual report's window).
    private static let year = ExampleRun(plan: plan, data: data, period: "nam")
    /// `--period q3`.
    private static let q3 = ExampleRun(plan: plan, data: data, period: "q3")

    private func assertStatus(_ unit: String, _ target: String, _ expected: String, in results: Results = year,
                              file: StaticString = #filePath, line: UInt = #line) {
        results.assertStatus(unit, target, expected, file: file, line: line)
    }

    private func value(_ unit: String, _ target: String, in results: Results = year) -> Any? {
        results.targets[unit]?[target]?["value"]
    }

    private func assertNoCheckErrors(_ results: Results, file: StaticString = #filePath, line: UInt = #line) {
        let findings = results.doc["findings"] as? [[String: Any]]
        XCTAssertNotNil(findings, "no findings array: the run failed", file: file, line: line)
        let errors = (findings ?? []).filter { $0["kind"] as? String == "check_error" }
        XCTAssertEqual(errors.count, 0, "\(errors)", file: file, line: line)
    }

    func testPlanValidatesWithoutErrors() {
        ExampleRun.assertValidates(plan: Self.plan, data: Self.data)
    }

    func testPlanDeclaresTheReportingPeriods() throws {
        let loaded = try XCTUnwrap(PlanLoader.load(path: Self.plan).0)
        XCTAssertEqual(loaded.periods.map(\.name), ["q3", "nam"])
        XCTAssertNotNil(loaded.namedPeriod("q3"))
        XCTAssertNotNil(loaded.namedPeriod("nam"))
    }

    func testManifestNamesThePlanAndTheAnnualPeriodAndRunsWithoutCheckErrors() throws {
        let manifest = try Manifest.read(directory: Self.data).get()
        XCTAssertEqual(manifest.period, "nam")
        XCTAssertEqual(manifest.plan.map { ($0 as NSString).standardizingPath }, (Self.plan as NSString).standardizingPath)
        let doc = Self.year.doc
        XCTAssertEqual((doc["plan"] as? [String: Any])?["id"] as? String, "son-la-van-phong-ubnd-2025")
        // IV.5: "Báo cáo năm 2025: Thời gian chốt số liệu tính từ ngày 15/12/2024 đến ngày 09/12/2025."
        let period = try XCTUnwrap(doc["period"] as? [String: String])
        XCTAssertEqual(period, ["start": "2024-12-15", "end": "2025-12-09", "as_of": "2025-12-09"])
        assertNoCheckErrors(Self.year)
        let dossiers = try XCTUnwrap((doc["inputs"] as? [String: Any])?["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["rejected"], 0)
        XCTAssertGreaterThan(dossiers["accepted"] ?? 0, 1000)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        XCTAssertEqual(Set(units.compactMap { $0["id"] as? String }),
                       ["SL-VPUB", "SL-VP-TCHCQT", "SL-VP-KSTTHC", "SL-VP-TH", "SL-VP-KT", "SL-VP-NC", "SL-VP-KGVX",
                        "SL-VP-BTCD", "SL-VP-TTPVHCC", "SL-VP-TTTT"],
                       "the Văn phòng, its divisions and its two centres; the province is not assessed")
    }

    func testPeriodQ3SelectsTheQuarterCutOffWindow() throws {
        // IV.5: "Báo cáo quý III năm 2025: Thời gian chốt số liệu tính từ ngày 14/6/2025 đến ngày 10/9/2025."
        let period = try XCTUnwrap(Self.q3.doc["period"] as? [String: String])
        XCTAssertEqual(period["start"], "2025-06-14")
        XCTAssertEqual(period["end"], "2025-09-10")
        XCTAssertEqual(period["as_of"], "2025-09-10")
        assertNoCheckErrors(Self.q3)
        // The centre's ratings improved from June: it fails 90% over the year and passes it in quý III.
        assertStatus("SL-VP-TTPVHCC", "tthc.satisfaction", "fail")
        assertStatus("SL-VP-TTPVHCC", "tthc.satisfaction", "pass", in: Self.q3)
        assertStatus("SL-VP-TTPVHCC", "tthc.satisfaction_reported", "pass", in: Self.q3)
    }

    func testDossierMetricThreshold() {
        // II.3.a "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt tối thiểu 90%"
        assertStatus("SL-VPUB", "tthc.satisfaction", "pass")
        assertStatus("SL-VP-TTPVHCC", "tthc.satisfaction", "fail")
        assertStatus("SL-VP-TTTT", "tthc.satisfaction", "not_applicable")   // no dossiers
    }

    func testThresholdPerUnitKind() throws {
        // II.5.a "hoàn thành tốt nhiệm vụ đạt trên 95%" (divisions), "trên 85%" (viên chức of the centres):
        // 10 of 11 (90.9%) fails in a division and passes in a centre.
        assertStatus("SL-VP-TCHCQT", "cong_vu.staff_good", "pass")
        assertStatus("SL-VP-KT", "cong_vu.staff_good", "fail")
        assertStatus("SL-VP-TTPVHCC", "cong_vu.staff_good", "pass")
        assertStatus("SL-VP-TTTT", "cong_vu.staff_good", "fail")
        let kt = try XCTUnwrap(value("SL-VP-KT", "cong_vu.staff_good") as? Double)
        let centre = try XCTUnwrap(value("SL-VP-TTPVHCC", "cong_vu.staff_good") as? Double)
        XCTAssertEqual(kt, centre, accuracy: 1e-12)
        // "(trong đó, hoàn thành xuất sắc nhiệm vụ đạt 20%)" / 15% in the centres: a share of the staff rated
        // hoàn thành tốt or better, the group "trong đó" refers to.
        assertStatus("SL-VP-KGVX", "cong_vu.staff_excellent", "pass")   // 2 of 10: exactly 20%
        assertStatus("SL-VP-TH", "cong_vu.staff_excellent", "fail")     // 2 of 12
        assertStatus("SL-VP-TTPVHCC", "cong_vu.staff_excellent", "pass") // 4 of 20 ≥ 15%
        assertStatus("SL-VP-TTTT", "cong_vu.staff_excellent", "fail")   // 3 of 21 < 15%
        // Phòng Kinh tế: 2 excellent among the 10 rated good or better (of 11 evaluated) is 20%, not 2/11 = 18.2%.
        assertStatus("SL-VP-KT", "cong_vu.staff_excellent", "pass")
        XCTAssertEqual(try XCTUnwrap(value("SL-VP-KT", "cong_vu.staff_excellent") as? Double), 0.2, accuracy: 1e-12)
    }

    func testIndicatorThresholds() {
        // II.7.a "Trên 90% tổng số hồ sơ công việc … hoàn toàn dưới dạng điện tử"
        assertStatus("SL-VP-TCHCQT", "cds.work_records_online", "pass")
        assertStatus("SL-VP-KGVX", "cds.work_records_online", "fail")
        // II.5.a "100% các phòng, ban, đơn vị có cơ cấu công chức, viên chức theo vị trí việc làm"
        assertStatus("SL-VP-TH", "cong_vu.job_positions", "pass")
        assertStatus("SL-VP-BTCD", "cong_vu.job_positions", "fail")
        // II.6.a "100% đơn vị thực hiện nghiêm việc công khai … thông tin ngân sách"
        assertStatus("SL-VP-TTPVHCC", "tai_chinh.budget_disclosed", "pass")
        assertStatus("SL-VP-TTTT", "tai_chinh.budget_disclosed", "fail")
        assertStatus("SL-VP-KT", "tai_chinh.budget_disclosed", "not_applicable")   // a division is no budget unit
    }

    func testRatiosOfReportedCounts() {
        // II.1 "kiểm tra trực tiếp … đối với 30% số lượng các phòng, ban, đơn vị": 3 of 9
        assertStatus("SL-VPUB", "chi_dao.direct_inspections", "pass")
        assertStatus("SL-VPUB", "the_che.province_qppl_amended", "fail")   // 11 of 12
        // II.7.b "100% cán bộ, công chức, viên chức … sử dụng hộp thư điện tử công vụ"
        assertStatus("SL-VP-TCHCQT", "cds.official_email", "pass")
        assertStatus("SL-VP-NC", "cds.official_email", "fail")             // 7 of 8
        // II.2.a QPPL published by Trung tâm Thông tin (role trung_tam_thong_tin); the other centre is not judged
        assertStatus("SL-VP-TTTT", "the_che.qppl_published", "pass")
        assertStatus("SL-VP-TTPVHCC", "the_che.qppl_published", "not_applicable")
    }

    func testComparisonWithThePreviousYear() throws {
        // I.1 "chú trọng cải thiện, nâng cao các chỉ số cải cách hành chính của cơ quan Văn phòng"
        assertStatus("SL-VPUB", "chi_dao.par_index_improved", "pass")    // 86.12 → 88.4
        assertStatus("SL-VPUB", "cds.ict_index_improved", "fail")        // 91.5 → 89.75
        let drop = try XCTUnwrap(value("SL-VPUB", "cds.ict_index_improved") as? Double)
        XCTAssertEqual(drop, -1.75, accuracy: 1e-9)
    }

    func testReductionsAgainstABaseline() throws {
        // II.4.a "giảm tối thiểu … 10% biên chế sự nghiệp hưởng lương từ ngân sách nhà nước so với năm 2021"
        assertStatus("SL-VP-TTTT", "bo_may.career_staff_cut", "pass")     // 28 → 24
        assertStatus("SL-VP-TTPVHCC", "bo_may.career_staff_cut", "fail")  // 15 → 14
        let cut = try XCTUnwrap(value("SL-VP-TTPVHCC", "bo_may.career_staff_cut") as? Double)
        XCTAssertEqual(cut, -1.0 / 15.0, accuracy: 1e-9)
        assertStatus("SL-VPUB", "bo_may.civil_servants_cut", "pass")      // 74 → 68
        // II.6.a Trung tâm Thông tin "tiếp tục giảm tối thiểu 2% chi trực tiếp từ Ngân sách Nhà nước"
        assertStatus("SL-VP-TTTT", "tai_chinh.nsnn_spending_cut", "pass")
        assertStatus("SL-VP-TTPVHCC", "tai_chinh.nsnn_spending_cut", "not_applicable")
    }

    func testDeadlinesWithEvidence() {
        // IV.5 "trước ngày 11 của tháng cuối kỳ báo cáo", every division and centre
        assertStatus("SL-VP-TCHCQT", "bao_cao.q3_report", "pass")
        assertStatus("SL-VP-NC", "bao_cao.q3_report", "fail")              // 12/9/2025
        assertStatus("SL-VP-KT", "bao_cao.year_report", "pass")            // 10/12/2025
        assertStatus("SL-VP-TTPVHCC", "bao_cao.year_report", "fail")       // 11/12/2025 is not before the 11th
        // PL III.3 "Kế hoạch ban hành quý III/2025" (Phòng KSTTHC): issued 6/10/2025
        assertStatus("SL-VP-KSTTHC", "tthc.kh_kiem_tra_ksthc", "fail")
        assertStatus("SL-VP-KSTTHC", "tthc.kh_kiem_soat_tthc", "pass")     // 277/QĐ-UBND of 12/02/2025
        // PL I.1 "Đã ban hành Kế hoạch số 09/KH-VPUB ngày 15/01/2025" (Phòng TCHCQT)
        assertStatus("SL-VP-TCHCQT", "chi_dao.kh_papi", "pass")
        // PL V.3 "Quý III và quý IV/2025": the quý III inspection report dated 8/10/2025
        assertStatus("SL-VP-TCHCQT", "cong_vu.kiem_tra_cong_vu_q3", "fail")
        assertStatus("SL-VP-TCHCQT", "cong_vu.kiem_tra_cong_vu_q4", "pass")
        // PL VII.1, Trung tâm Thông tin
        assertStatus("SL-VP-TTTT", "cds.bc_cong_ttdt", "pass")
    }

    func testEveryKindOfTargetHasAPassingAndAFailingUnit() {
        // Issue 3 (c): every kind, the per-level thresholds of II.5.a included.
        Self.year.assertEveryKindPassesAndFails(plan: Self.plan, kinds: [
            .metricThreshold, .perLevelThreshold, .deadlineWithEvidence, .previousPeriodComparison, .baselineReduction,
        ])
    }

    func testTasksOfOneBodyAreAssignedToItsRole() {
        let assigned = ExampleRun.assignments(plan: Self.plan)
        XCTAssertEqual(assigned.count, 29)
        XCTAssertEqual(Set(assigned.filter { $0.value == ["phong_kstthc"] }.keys),
                       ["chi_dao.bc_to_cong_tac_1169", "tthc.kh_kiem_soat_tthc", "tthc.kh_kiem_tra_ksthc"])
        XCTAssertEqual(Set(assigned.filter { $0.value == ["trung_tam_thong_tin"] }.keys),
                       ["the_che.qppl_published", "tai_chinh.nsnn_spending_cut", "cds.bc_cong_ttdt"])
        XCTAssertEqual(assigned.filter { $0.value == ["phong_tchcqt"] }.count, 23)
        // Phòng KSTTHC holds phong_kstthc: PL III.2 issued in time, PL III.3 "Kế hoạch ban hành quý III/2025" on 6/10.
        assertStatus("SL-VP-KSTTHC", "tthc.kh_kiem_soat_tthc", "pass")
        assertStatus("SL-VP-KSTTHC", "tthc.kh_kiem_tra_ksthc", "fail")
        // Phòng TCHCQT's tasks are not judged for Phòng KSTTHC or another division, nor Phòng KSTTHC's for TCHCQT.
        assertStatus("SL-VP-KSTTHC", "chi_dao.kh_papi", "not_applicable")
        assertStatus("SL-VP-KT", "chi_dao.kh_papi", "not_applicable")
        assertStatus("SL-VP-TCHCQT", "tthc.kh_kiem_tra_ksthc", "not_applicable")
        // Trung tâm Thông tin's report (PL VII.1) is not the other centre's.
        assertStatus("SL-VP-TTPVHCC", "cds.bc_cong_ttdt", "not_applicable")
    }

    func testClaimedVersusComputedSatisfaction() {
        assertStatus("SL-VPUB", "tthc.satisfaction_reported", "pass")
        assertStatus("SL-VP-TTPVHCC", "tthc.satisfaction_reported", "fail")   // claims 93%, the ratings give ~87%
    }
}
