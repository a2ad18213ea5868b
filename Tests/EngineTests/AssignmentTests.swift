import Common
import Data
import Engine
import Foundation
import Plan
import Scoring
import XCTest

/// `assigned_to`: a task of one body (đơn vị chủ trì) is assessed only for the units holding one of its roles, among
/// the kinds it applies to; for them a missing product fails, for every other unit the task is not applicable.
final class AssignmentTests: XCTestCase {
    static let plan = """
    parcheck: plan/1
    id: roles
    title: Roles
    document: {number: 1/KH-UBND, date: 2025-01-02, issuer: UBND, year: 2025}
    period: {start: 2025-01-01, end: 2025-12-31}
    assessed_kinds: [department, commune]
    roles: {so_noi_vu: Sở Nội vụ, so_tai_chinh: Sở Tài chính}
    indicators:
      - {name: inspection_plan, type: date, evidence: true}
      - {name: budget_decision, type: date, evidence: true}
      - {name: self_check_plan, type: date, evidence: true}
    areas:
      - {id: a, title: A}
    targets:
      - id: task.inspection_plan
        area: a
        title: Sở Nội vụ tham mưu Kế hoạch kiểm tra CCHC trong tháng 7/2025
        citation: PL VII.2
        applies_to: [department]
        assigned_to: [so_noi_vu]
        measure: {evidence: inspection_plan}
        expect: "<= 2025-07-31"
        points: 2
      - id: task.budget_decision
        area: a
        title: Quyết định giao dự toán (Sở Tài chính; Sở Nội vụ)
        citation: PL V.7
        assigned_to: [so_tai_chinh, so_noi_vu]
        measure: {evidence: budget_decision}
        expect: "<= 2025-12-31"
        points: 1
      - id: task.self_check_plan
        area: a
        title: Kế hoạch tự kiểm tra của mọi cơ quan, đơn vị
        citation: PL VII.2
        measure: {evidence: self_check_plan}
        expect: "<= 2025-08-15"
        points: 1
    """

    /// SNV and SNV2 hold so_noi_vu (SNV on time, SNV2 late); STC holds so_tai_chinh and reports nothing; STP holds
    /// no role; X1, a commune, holds so_noi_vu although the inspection plan is a department's task.
    static let units = """
    units:
      - id: SNV
        name: Sở Nội vụ
        kind: department
        roles: [so_noi_vu]
        indicators:
          inspection_plan: {evidence: {number: "12/KH-UBND", date: 2025-07-20}}
          budget_decision: {evidence: {number: "40/QĐ-UBND", date: 2025-12-20}}
          self_check_plan: {evidence: {number: "3/KH-SNV", date: 2025-08-01}}
      - {id: SNV2, name: Sở Nội vụ (bản sao), kind: department, roles: so_noi_vu,
         indicators: {inspection_plan: {evidence: {number: "13/KH-UBND", date: 2025-08-05}}}}
      - {id: STC, name: Sở Tài chính, kind: department, roles: [so_tai_chinh],
         indicators: {self_check_plan: {evidence: {number: "5/KH-STC", date: 2025-08-10}}}}
      - {id: STP, name: Sở Tư pháp, kind: department,
         indicators: {inspection_plan: {evidence: {number: "9/KH-STP", date: 2025-07-01}}}}
      - {id: X1, name: Xã Một, kind: commune, roles: [so_noi_vu],
         indicators: {inspection_plan: {evidence: {number: "1/KH-UBND", date: 2025-07-01}}}}
    """

    private struct Run {
        let data: DataSet
        let evaluation: Evaluation
        let board: Scoreboard

        func status(_ unit: String, _ target: Int) -> TargetStatus? {
            evaluation.units.first { data.units[$0.unitIndex].id == unit }?.targets[target].status
        }

        func statuses(_ target: Int) -> [String: TargetStatus] {
            Dictionary(uniqueKeysWithValues: evaluation.units.map { (data.units[$0.unitIndex].id, $0.targets[target].status) })
        }

        func score(_ unit: String) -> UnitScore? { board.units.first { $0.unitId == unit } }
    }

    private func evaluate() throws -> Run {
        let dir = NSTemporaryDirectory() + "parcheck-roles-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        try Self.plan.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        try Self.units.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        try "id,unit_id,received_at,due_at,channel\n".write(toFile: dir + "/dossiers.csv", atomically: true, encoding: .utf8)
        let (plan, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let data = try DataLoader.load(directory: dir).get()
        let evaluation = Evaluator.evaluate(plan: try XCTUnwrap(plan), data: data, period: try Period.parse("2025"))
        return Run(data: data, evaluation: evaluation, board: Scorer.score(evaluation, data: data))
    }

    func testOnlyRoleHoldersOfTheKindsItAppliesToAreAssessed() throws {
        let r = try evaluate()
        XCTAssertEqual(r.data.units.map(\.roles), [["so_noi_vu"], ["so_noi_vu"], ["so_tai_chinh"], [], ["so_noi_vu"]])
        XCTAssertEqual(r.statuses(0), ["SNV": .pass, "SNV2": .fail, "STC": .notApplicable, "STP": .notApplicable,
                                       "X1": .notApplicable],
                       "STP reports the product but holds no role; X1 holds the role but is not a department")
    }

    func testAMissingProductFailsTheHolderAndNobodyElse() throws {
        let r = try evaluate()
        // Either role is enough; STC holds one and reported no decision, the evidence measure's default is to fail.
        XCTAssertEqual(r.statuses(1), ["SNV": .pass, "SNV2": .fail, "STC": .fail, "STP": .notApplicable, "X1": .fail])
        let failed = r.evaluation.findings.filter { $0.kind == .targetFailed && $0.targetId == "task.budget_decision" }
        XCTAssertEqual(Set(failed.compactMap(\.unitId)), ["SNV2", "STC", "X1"])
    }

    func testTargetsWithoutAssignmentStillApplyToEveryUnit() throws {
        let r = try evaluate()
        XCTAssertEqual(r.statuses(2), ["SNV": .pass, "SNV2": .fail, "STC": .pass, "STP": .fail, "X1": .fail])
    }

    func testANotApplicableAssignedTaskLeavesTheScore() throws {
        let r = try evaluate()
        XCTAssertEqual(r.score("SNV")?.max, 4)             // all three targets
        XCTAssertEqual(r.score("SNV")?.earned, 4)
        XCTAssertEqual(r.score("STP")?.max, 1)             // its own self-check plan only
        XCTAssertEqual(r.score("STC")?.max, 2)             // the budget decision it owes and its self-check plan
        XCTAssertEqual(r.score("STC")?.earned, 1)
    }
}
