import XCTest
import Common
import Plan

/// A valid plan loads with exactly the values written in it.
final class PlanLoadTests: XCTestCase {
    private func loadFull() throws -> (Plan, String) {
        let (plan, diagnostics, file) = try loadPlan(Fixture.fullPlan)
        XCTAssertEqual(diagnostics.map(\.description), [])
        return (try XCTUnwrap(plan), file)
    }

    func testHeaderDocumentAndPeriods() throws {
        let (plan, file) = try loadFull()
        XCTAssertEqual(plan.format, "plan/1")
        XCTAssertEqual(plan.id, "lam-dong-2025")
        XCTAssertEqual(plan.file, file)
        XCTAssertEqual(plan.directory, String(file.dropLast("/plan.yaml".count)))
        XCTAssertEqual(plan.document.number, "213/KH-UBND")
        XCTAssertEqual(plan.document.date, 20284)  // 2025-07-15
        XCTAssertEqual(plan.document.dateText, "2025-07-15")
        XCTAssertEqual(plan.document.issuer, "UBND tỉnh Lâm Đồng")
        XCTAssertEqual(plan.document.year, 2025)
        XCTAssertEqual(plan.document.source, "https://example.vn/213")
        XCTAssertEqual(plan.document.location.description, "\(file):4:11")
        XCTAssertEqual(plan.period?.start, 20089)  // 2025-01-01
        XCTAssertEqual(plan.period?.end, 20453)    // 2025-12-31
        XCTAssertEqual(plan.period?.text, "2025")
        XCTAssertEqual(plan.periods.map(\.name), ["q3", "h1"])
        XCTAssertEqual(plan.periods[0].period.start, 20253)  // 2025-06-14
        XCTAssertEqual(plan.periods[0].period.asOf, 20346)   // 15/9/2025
        XCTAssertEqual(plan.periods[0].period.text, "2025-06-14..2025-09-10")
        XCTAssertEqual(plan.periods[0].title, "Báo cáo quý III")
        XCTAssertEqual(plan.periods[1].period.end, 20269)    // 2025-06-30
        XCTAssertEqual(plan.assessedKinds, [.department, .commune, .ward, .specialZone])
        XCTAssertEqual(plan.budgets?.instructions, 20_000_000)
        XCTAssertEqual(plan.budgets?.memoryMB, 64)
    }

    func testIndicatorsAreasClassificationRanking() throws {
        let (plan, _) = try loadFull()
        XCTAssertEqual(plan.indicators.map(\.name), ["cchc_plan_date", "psu_2021", "psu_now"])
        let date = try XCTUnwrap(plan.indicator("cchc_plan_date"))
        XCTAssertEqual(date.type, .date)
        XCTAssertEqual(date.kinds, [.department, .commune])
        XCTAssertTrue(date.required && date.evidence)
        XCTAssertEqual(plan.indicator("psu_now")?.kinds, plan.assessedKinds)
        XCTAssertEqual(plan.indicator("psu_now")?.required, false)
        XCTAssertEqual(plan.areas.map(\.id), ["chi_dao", "tthc", "bo_may"])
        XCTAssertEqual(plan.area("tthc")?.max, 5.5)
        XCTAssertEqual(plan.area("tthc")?.titleEn, "Administrative procedures")
        XCTAssertNil(plan.area("bo_may")?.max)
        XCTAssertEqual(plan.classification.map(\.min), [90, 80, 0])
        XCTAssertEqual(plan.classification.map(\.label), ["Tốt", "Khá", "Yếu"])
        XCTAssertEqual(plan.classification[2].labelEn, nil)
        XCTAssertEqual(plan.ranking.map(\.id), ["departments", "localities"])
        XCTAssertEqual(plan.ranking[1].kinds, [.commune, .ward, .specialZone])
    }

    func testMetricTargetWithBands() throws {
        let (plan, file) = try loadFull()
        XCTAssertEqual(plan.targets.map(\.id), ["tthc.on_time", "tthc.apology", "tthc.digitized", "tthc.backlog",
                                                "chi_dao.plan_date", "bo_may.psu"])
        let t = try XCTUnwrap(plan.target("tthc.on_time"))
        XCTAssertEqual(t.location.description, "\(file):19:5")
        XCTAssertEqual(t.measureLocation.description, "\(file):26:14")
        XCTAssertEqual(t.titleEn, "At least 98% of dossiers resolved on time")
        XCTAssertEqual(t.citation, "I.2.a")
        XCTAssertEqual(t.appliesTo, [.department, .commune])
        XCTAssertEqual(t.measure, .metric(.onTimeRate))
        XCTAssertEqual(t.expect?.default?.op, .greaterOrEqual)
        XCTAssertEqual(t.expect?.default?.value, .number(0.98))
        XCTAssertEqual(t.expect?.default?.location.description, "\(file):27:13")
        XCTAssertEqual(t.severity, .warning)
        XCTAssertEqual(t.whenMissing, .notApplicable)
        XCTAssertEqual(t.points, 2)
        guard case .bands(let bands) = t.scoring else { return XCTFail("\(t.scoring)") }
        XCTAssertEqual(bands.map(\.points), [2, 1])
        XCTAssertEqual(bands.map(\.when.text), [">= 98%", ">= 95%"])
        XCTAssertEqual(bands[1].when.value, .number(0.95))
    }

    func testViolationCheckIndicatorAndRatioTargets() throws {
        let (plan, file) = try loadFull()
        let apology = try XCTUnwrap(plan.target("tthc.apology"))
        XCTAssertEqual(apology.measure, .violations(.lateWithoutApology))
        XCTAssertEqual(apology.expect?.default?.text, "== 0")
        XCTAssertEqual(apology.expect?.default?.value, .number(0))
        XCTAssertEqual(apology.scoring, .deduction(per: 0.5, floor: 0))
        XCTAssertEqual(apology.appliesTo, plan.assessedKinds)
        XCTAssertEqual(apology.severity, .error)

        let digitized = try XCTUnwrap(plan.target("tthc.digitized"))
        XCTAssertEqual(digitized.expect?.forKind(.department)?.value, .number(0.605))
        XCTAssertEqual(digitized.expect?.forKind(.ward)?.value, .number(0.3))
        XCTAssertEqual(digitized.whenMissing, .fail)
        XCTAssertEqual(digitized.scoring, .proportional)

        let backlog = try XCTUnwrap(plan.target("tthc.backlog"))
        XCTAssertEqual(backlog.measure, .check(path: "checks/backlog.lua"))
        XCTAssertEqual(backlog.whenMissing, .fail)
        XCTAssertEqual(plan.scripts["checks/backlog.lua"]?.path, plan.directory + "/checks/backlog.lua")
        XCTAssertEqual(plan.scripts["checks/backlog.lua"]?.text, Fixture.backlogScript)
        XCTAssertEqual(backlog.params, .map([
            (key: "max_days", value: .number(30)),
            (key: "fields", value: .list([.string("dat_dai"), .string("xay_dung")])),
            (key: "strict", value: .bool(true)),
            (key: "label", value: .string("x")),
            (key: "none", value: .null),
        ]))
        XCTAssertEqual(backlog.params?["fields"], .list([.string("dat_dai"), .string("xay_dung")]))
        XCTAssertNotEqual(backlog.params, .map([(key: "max_days", value: .number(30))]))

        let planDate = try XCTUnwrap(plan.target("chi_dao.plan_date"))
        XCTAssertEqual(planDate.measure, .indicator("cchc_plan_date"))
        XCTAssertEqual(planDate.expect?.default?.value, .date(20299))  // 2025-07-30
        XCTAssertEqual(planDate.severity, .note)  // written `info`

        let psu = try XCTUnwrap(plan.target("bo_may.psu"))
        XCTAssertEqual(psu.measure, .ratio(numerator: "psu_now", denominator: "psu_2021"))
        XCTAssertEqual(psu.points, 0)
        XCTAssertEqual(psu.scoring, .passFail)
        XCTAssertEqual(psu.expect?.default?.value, .number(0.9))
        XCTAssertEqual(psu.appliesTo, [.department])
        XCTAssertNil(psu.params)
        XCTAssertEqual(file.hasSuffix("/plan.yaml"), true)
    }

    func testLoadingThePlanFileDirectlyAndMissingFile() throws {
        let (_, _, file) = try loadPlan(Fixture.fullPlan)
        let direct = PlanLoader.load(path: file)
        XCTAssertEqual(direct.diagnostics.count, 0)
        XCTAssertEqual(direct.plan?.targets.count, 6)
        let missing = PlanLoader.load(path: "/nonexistent/plan.yaml")
        XCTAssertNil(missing.plan)
        XCTAssertEqual(missing.diagnostics.map(\.description),
                       ["/nonexistent/plan.yaml:1: error: io-error: cannot read the plan file '/nonexistent/plan.yaml'"])
    }
}
