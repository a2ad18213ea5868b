import Common
import Data
import Engine
import Foundation
import Plan
import Scoring
import XCTest

/// Builds a plan and a data set from inline text, evaluates and scores them.
struct Harness {
    static let units = """
    units:
      - {id: W1, name: Phường Một, kind: ward, indicators: {plan_date: 2025-07-29, staff_online: "95%", psu_2021: 10, psu_now: 9, on_time_2024: "80%"}}
      - {id: W2, name: Phường Hai, kind: ward, indicators: {plan_date: 31/7/2025, psu_2021: 10, psu_now: 10, on_time_2024: "95%"}}
      - {id: C1, name: Xã Ba, kind: commune, indicators: {plan_date: 2025-07-30, staff_online: "0,5", psu_2021: 0, psu_now: 0}}
      - {id: D1, name: Sở Bốn, kind: department}
    """
    /// W1: 4 resolved, 3 on time; W2: 2 resolved on time (one late without apology received earlier, overdue);
    /// C1: 1 resolved late with apology; D1: none.
    static let dossiers = """
    id,unit_id,procedure_id,received_at,due_at,resolved_at,channel,apology_issued,synced_to_portal
    A1,W1,P1,2025-03-01,2025-03-05,2025-03-04,online,,true
    A2,W1,P1,2025-03-01,2025-03-05,2025-03-05,online,,true
    A3,W1,P2,2025-03-01,2025-03-05,2025-03-06,direct,,true
    A4,W1,P2,2025-03-01,2025-03-05,2025-03-02,direct,,false
    B1,W2,P1,2025-04-01,2025-04-05,2025-04-05,online,,true
    B2,W2,P1,2025-04-01,2025-04-05,2025-04-03,online,,true
    B3,W2,P3,2025-11-01,2025-11-20,,direct,,false
    C9,C1,P1,2025-05-01,2025-05-05,2025-05-07,online,có,true
    """

    let plan: Plan
    let data: DataSet
    let evaluation: Evaluation
    let board: Scoreboard

    init(targets: String, scripts: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = NSTemporaryDirectory() + "parcheck-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/checks", withIntermediateDirectories: true)
        let planText = """
        parcheck: plan/1
        id: test
        title: Test plan
        document: {number: 1/KH-UBND, date: 2025-01-02, issuer: UBND, year: 2025}
        period: {start: 2025-01-01, end: 2025-12-31}
        assessed_kinds: [ward, commune, department]
        indicators:
          - {name: plan_date, type: date}
          - {name: staff_online, type: percent}
          - {name: psu_2021, type: count}
          - {name: psu_now, type: count}
          - {name: on_time_2024, type: percent}
        areas:
          - {id: a, title: A}
        targets:
        \(targets)
        classification:
          - {min: 90, label: Tốt}
          - {min: 0, label: Yếu}
        ranking:
          - {id: local, title: Địa phương, kinds: [ward, commune]}
        """
        try planText.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        for (name, text) in scripts { try text.write(toFile: dir + "/checks/" + name, atomically: true, encoding: .utf8) }
        try Self.units.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        try Self.dossiers.write(toFile: dir + "/dossiers.csv", atomically: true, encoding: .utf8)
        let (plan, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], file: file, line: line)
        self.plan = try XCTUnwrap(plan, file: file, line: line)
        data = try DataLoader.load(directory: dir).get()
        evaluation = Evaluator.evaluate(plan: self.plan, data: data, period: try Period.parse("2025"))
        board = Scorer.score(evaluation, data: data)
    }

    /// The result of `target` for unit `unit`.
    func result(_ unit: String, _ target: String) -> TargetResult? {
        guard let u = evaluation.units.first(where: { data.units[$0.unitIndex].id == unit }),
              let i = plan.targets.firstIndex(where: { $0.id == target }) else { return nil }
        return u.targets[i]
    }

    func score(_ unit: String) -> UnitScore? { board.units.first { $0.unitId == unit } }
}
