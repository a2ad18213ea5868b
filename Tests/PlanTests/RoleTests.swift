import Common
import Plan
import XCTest

/// `roles` (the bodies a plan assigns tasks to, đơn vị chủ trì) and a target's `assigned_to`.
final class RoleTests: XCTestCase {
    /// The fixture plan with two roles declared and the plan-date target assigned as `assignment` says.
    private func plan(assignment: String, roles: String = "roles: {so_noi_vu: Sở Nội vụ, vp_ubnd: Văn phòng UBND tỉnh}\n")
        -> String {
        Fixture.fullPlan(replacing: "assessed_kinds: [department, commune, ward, special_zone]\n",
                         with: "assessed_kinds: [department, commune, ward, special_zone]\n" + roles)
            .replacingOccurrences(of: "    applies_to: [department, commune]\n    measure: {indicator: cchc_plan_date}\n",
                                  with: "    applies_to: [department, commune]\n" + assignment
                                    + "    measure: {indicator: cchc_plan_date}\n")
    }

    func testRolesAndAssignmentsAreRead() throws {
        let (loaded, diagnostics, _) = try loadPlan(plan(assignment: "    assigned_to: [vp_ubnd, so_noi_vu]\n"))
        XCTAssertEqual(diagnostics.map(\.description), [])
        let plan = try XCTUnwrap(loaded)
        XCTAssertEqual(plan.roles.map(\.name), ["so_noi_vu", "vp_ubnd"])
        XCTAssertEqual(plan.roles.map(\.title), ["Sở Nội vụ", "Văn phòng UBND tỉnh"])
        XCTAssertEqual(plan.roles.first?.location.line, 10)
        XCTAssertEqual(plan.targets.first { $0.id == "chi_dao.plan_date" }?.assignedTo, ["vp_ubnd", "so_noi_vu"])
        XCTAssertEqual(plan.targets.filter { !$0.assignedTo.isEmpty }.map(\.id), ["chi_dao.plan_date"])
    }

    func testOneRoleMayBeWrittenWithoutAList() throws {
        let (loaded, diagnostics, _) = try loadPlan(plan(assignment: "    assigned_to: so_noi_vu\n"))
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(loaded?.targets.first { $0.id == "chi_dao.plan_date" }?.assignedTo, ["so_noi_vu"])
    }

    func testUnknownRoleIsALocatedErrorWithDidYouMean() throws {
        let (loaded, diagnostics, file) = try loadPlan(plan(assignment: "    assigned_to: [vp_ubnd, so_noi_vuu]\n"))
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(file):61:28: error: unknown-role: unknown role 'so_noi_vuu' in 'assigned_to' of target 'chi_dao.plan_date'; "
                + "did you mean 'so_noi_vu'?",
        ])
        XCTAssertEqual(loaded?.targets.first { $0.id == "chi_dao.plan_date" }?.assignedTo, ["vp_ubnd"],
                       "the known role is kept")
    }

    func testAssignmentWithoutDeclaredRolesSaysWhereToDeclareThem() throws {
        let (_, diagnostics, _) = try loadPlan(plan(assignment: "    assigned_to: so_noi_vu\n", roles: ""))
        XCTAssertEqual(diagnostics.brief, ["60:18 unknown-role"])
        XCTAssertEqual(diagnostics.map(\.message),
                       ["unknown role 'so_noi_vu' in 'assigned_to' of target 'chi_dao.plan_date'; declare it under 'roles'"])
    }

    func testRoleNamesAreIdsAndTitlesAreText() throws {
        let roles = "roles:\n  Sở Nội vụ: so_noi_vu\n  vp_ubnd: {name: Văn phòng}\n  so_noi_vu: Sở Nội vụ\n  so_noi_vu: again\n"
        let (loaded, diagnostics, _) = try loadPlan(plan(assignment: "", roles: roles))
        XCTAssertEqual(diagnostics.brief, ["11:3 bad-id", "12:12 expected-string", "14:3 duplicate-key"])
        XCTAssertEqual(loaded?.roles.map(\.name), ["so_noi_vu"])
    }

    func testAPlanExtendingAnotherAddsRolesByName() throws {
        let base = plan(assignment: "    assigned_to: [so_noi_vu]\n")
        let dir = try scratchDirectory([
            "base/plan.yaml": base, "base/checks/backlog.lua": Fixture.backlogScript,
            "next/plan.yaml": """
            parcheck: plan/1
            extends: ../base
            id: next
            roles: {so_tai_chinh: Sở Tài chính, vp_ubnd: Văn phòng UBND tỉnh Lâm Đồng}
            targets:
              - {id: bo_may.psu, assigned_to: so_tai_chinh}

            """,
        ])
        let (loaded, diagnostics) = PlanLoader.load(path: dir + "/next")
        XCTAssertEqual(diagnostics.map(\.description), [])
        let plan = try XCTUnwrap(loaded)
        XCTAssertEqual(plan.roles.map(\.name), ["so_noi_vu", "vp_ubnd", "so_tai_chinh"])
        XCTAssertEqual(plan.roles.first { $0.name == "vp_ubnd" }?.title, "Văn phòng UBND tỉnh Lâm Đồng")
        XCTAssertEqual(plan.targets.first { $0.id == "chi_dao.plan_date" }?.assignedTo, ["so_noi_vu"])
        XCTAssertEqual(plan.targets.first { $0.id == "bo_may.psu" }?.assignedTo, ["so_tai_chinh"])
    }
}
