import XCTest
import Common
import Plan

/// `extends:` layers and `template:` targets: what is inherited, what is overridden, and where each value came from.
final class LayerTests: XCTestCase {
    static let library = """
    parcheck: layer/1
    templates:
      lib.apology:
        title_en: An apology for every late dossier
        measure: {violations: late_without_apology}
        scoring: {deduct: 0.5, floor: 0}
      lib.online:
        measure: {metric: online_rate}
        expect:
          - {from: 2022-01-01, until: 2022-12-31, value: ">= 30%", source: "3090/QĐ-UBND"}
          - {from: 2025-01-01, value: ">= 60%", source: "213/KH-UBND"}
    """

    static let base = """
    parcheck: plan/1
    extends: ../lib/library.yaml
    id: base
    title: Base plan
    document: {number: 1/KH-UBND, date: 2025-01-02, issuer: UBND, year: 2025}
    period: 2025
    assessed_kinds: [ward]
    areas:
      - {id: a, title: A, max: 5}
    targets:
      - {id: a.apology, area: a, title: Xin lỗi, citation: I.1, template: lib.apology, points: 2}
      - {id: a.online, area: a, title: Trực tuyến, citation: I.2, template: lib.online, points: 2}
      - {id: a.on_time, area: a, title: Đúng hạn, citation: I.3, measure: {metric: on_time_rate}, expect: ">= 98%", points: 1}
    """

    func files(child: String) -> [String: String] {
        ["lib/library.yaml": Self.library, "base/plan.yaml": Self.base, "child/plan.yaml": child]
    }

    func testTemplateKeysAreInheritedAndTheTargetsOwnWin() throws {
        let dir = try scratchDirectory(files(child: "parcheck: plan/1"))
        let (plan, diagnostics) = PlanLoader.load(path: dir + "/base")
        XCTAssertEqual(diagnostics.errors.map(\.description), [])
        let apology = try XCTUnwrap(plan?.target("a.apology"))
        XCTAssertEqual(apology.measure, .violations(.lateWithoutApology))
        XCTAssertEqual(apology.scoring, .deduction(per: 0.5, floor: 0))
        XCTAssertEqual(apology.points, 2)
        XCTAssertEqual(apology.template, "lib.apology")
        let origin = Dictionary(uniqueKeysWithValues: apology.origins.map { ($0.key, $0.location) })
        XCTAssertEqual(origin["measure"]?.file, dir + "/lib/library.yaml")
        XCTAssertEqual(origin["measure"]?.line, 5)
        XCTAssertEqual(origin["points"]?.file, dir + "/base/plan.yaml")
        XCTAssertEqual(plan?.layers, [dir + "/lib/library.yaml", dir + "/base/plan.yaml"])
    }

    func testChildOverridesOneKeyDropsATargetAndAddsOne() throws {
        let child = """
        parcheck: plan/1
        extends: ../base
        id: child
        title: Child plan
        targets:
          - {id: a.on_time, expect: ">= 95%"}
          - {id: a.apology, drop: true}
          - {id: a.sync, area: a, title: Đồng bộ, citation: I.4, template: lib.apology, measure: {violations: not_synced}, points: 2}
        """
        let dir = try scratchDirectory(files(child: child))
        let (plan, diagnostics) = PlanLoader.load(path: dir + "/child")
        XCTAssertEqual(diagnostics.errors.map(\.description), [])
        XCTAssertEqual(plan?.id, "child")
        XCTAssertEqual(plan?.document.number, "1/KH-UBND")
        XCTAssertEqual(plan?.targets.map(\.id), ["a.online", "a.on_time", "a.sync"])
        let onTime = try XCTUnwrap(plan?.target("a.on_time"))
        XCTAssertEqual(onTime.expect?.default?.text, ">= 95%")
        XCTAssertEqual(onTime.citation, "I.3")
        let origin = Dictionary(uniqueKeysWithValues: onTime.origins.map { ($0.key, $0.location.file) })
        XCTAssertEqual(origin["expect"], dir + "/child/plan.yaml")
        XCTAssertEqual(origin["citation"], dir + "/base/plan.yaml")
        XCTAssertEqual(plan?.target("a.sync")?.measure, .violations(.notSynced))
    }

    func testUnknownTemplateDropOfNothingAndCyclesAreLocatedErrors() throws {
        let child = """
        parcheck: plan/1
        extends: [../base, ../child]
        id: child
        title: Child
        targets:
          - {id: a.on_time, template: lib.onlin}
          - {id: a.ghost, drop: true}
        """
        let dir = try scratchDirectory(files(child: child))
        let diagnostics = PlanLoader.load(path: dir + "/child").diagnostics.errors
        XCTAssertEqual(diagnostics.map(\.code).sorted(), ["drop-unknown", "extends-cycle", "unknown-template"])
        let unknown = try XCTUnwrap(diagnostics.first { $0.code == "unknown-template" })
        XCTAssertEqual(unknown.location.line, 6)
        XCTAssertTrue(unknown.message.contains("did you mean 'lib.online'?"), unknown.message)
    }

    func testTemplateTyposAreFoundOnceWhetherOrNotATargetUsesTheTemplate() throws {
        let library = Self.library.replacingOccurrences(of: "    title_en: An apology", with: "    titel_en: An apology")
            + "\n  lib.unused:\n    severty: warning\n"
        let dir = try scratchDirectory(["lib/library.yaml": library, "base/plan.yaml": Self.base])
        let errors = PlanLoader.load(path: dir + "/base").diagnostics.errors
        XCTAssertEqual(errors.map(\.description), [
            "\(dir)/lib/library.yaml:4:5: error: unknown-key: unknown key 'titel_en' in template 'lib.apology'; did you mean 'title_en'?",
            "\(dir)/lib/library.yaml:13:5: error: unknown-key: unknown key 'severty' in template 'lib.unused'; did you mean 'severity'?",
        ])
    }

    func testKeysBesideDropAreAnError() throws {
        let child = """
        parcheck: plan/1
        extends: ../base
        id: child
        title: Child
        targets:
          - {id: a.on_time, drop: true, points: 3}
        """
        let dir = try scratchDirectory(files(child: child))
        // (Dropping the 1-point target also leaves area 'a' short of its max: a separate, expected error.)
        let errors = PlanLoader.load(path: dir + "/child").diagnostics.errors.filter { $0.code == "drop-with-keys" }
        XCTAssertEqual(errors.map(\.description), [
            "\(dir)/child/plan.yaml:6:33: error: drop-with-keys: 'points' beside 'drop: true' has no effect: a dropped target takes only 'id' and 'drop'",
        ])
    }

    func testDatedThresholdInForceOnThePlanPeriodAndOnAnyOtherDay() throws {
        let dir = try scratchDirectory(files(child: "parcheck: plan/1"))
        let online = try XCTUnwrap(PlanLoader.load(path: dir + "/base").plan?.target("a.online"))
        XCTAssertEqual(online.expectSchedule.count, 2)
        XCTAssertEqual(online.expect?.default?.text, ">= 60%", "the plan's period is 2025")
        XCTAssertEqual(online.expectSource, "213/KH-UBND")
        let in2022 = try XCTUnwrap(online.inForce(on: dayNumber(year: 2022, month: 12, day: 31)!))
        XCTAssertEqual(in2022.expect?.default?.text, ">= 30%")
        XCTAssertEqual(in2022.expectSource, "3090/QĐ-UBND")
        XCTAssertNil(online.inForce(on: dayNumber(year: 2024, month: 6, day: 30)!), "no value is in force in 2024")
    }

    func testOverlappingAndReversedRangesAreErrors() throws {
        let plan = Self.base.replacingOccurrences(of: "template: lib.online,", with: """
        measure: {metric: online_rate}, expect: [{from: 2025-01-01, value: ">= 60%"}, {from: 2025-06-01, until: 2025-01-01, value: ">= 70%"}, {until: 2025-03-01, value: ">= 10%"}],
        """)
        let dir = try scratchDirectory(["lib/library.yaml": Self.library, "base/plan.yaml": plan])
        let codes = PlanLoader.load(path: dir + "/base").diagnostics.errors.map(\.code)
        XCTAssertEqual(codes, ["bad-range", "overlapping-in-force"])
    }
}
