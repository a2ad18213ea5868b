import Common
import Engine
@testable import Scoring
import XCTest

/// Index = earned / applicable maximum × 100; classes; competition ranking within groups; Lua findings.
final class IndexAndRankTests: XCTestCase {
    static let targets = """
      - id: on_time
        area: a
        title: đúng hạn
        citation: I.2.a
        measure: {metric: on_time_rate}
        expect: ">= 98%"
        points: 3
      - id: sync
        area: a
        title: đồng bộ
        citation: I.2.a
        measure: {violations: not_synced}
        points: 1
    """

    func testIndexLeavesNotApplicableTargetsOutOfBothSides() throws {
        let h = try Harness(targets: Self.targets)
        let w2 = try XCTUnwrap(h.score("W2"))
        XCTAssertEqual(w2.earned, 4)
        XCTAssertEqual(w2.max, 4)
        XCTAssertEqual(w2.index, 100)
        XCTAssertEqual(w2.classLabel?.vi, "Tốt")
        let w1 = try XCTUnwrap(h.score("W1"))
        XCTAssertEqual(w1.earned, 0, "75% on time and A4 not synced")
        XCTAssertEqual(w1.index, 0)
        let d1 = try XCTUnwrap(h.score("D1"))
        XCTAssertEqual(d1.max, 1, "no dossiers: on-time is not applicable, sync (0 violations) still counts")
        XCTAssertEqual(d1.index, 100)
        XCTAssertNil(d1.group, "departments are in no ranking group here")
        XCTAssertNil(d1.rank)
    }

    func testCompetitionRankingSharesRanksOnTies() {
        var units = ["X", "Y", "Z", "V"].enumerated().map { i, id in
            UnitScore(unitIndex: i, unitId: id, name: id, kind: .ward, earned: 0, max: 1,
                      index: [90, 80, 90, 70][i], classLabel: nil, group: "g", rank: nil, areas: [], counts: [:])
        }
        Scorer.rank(&units, groups: [RankingGroupFixture.group])
        XCTAssertEqual(units.map(\.rank), [1, 3, 1, 4])
    }

    func testLuaFindingsNameTheirDossierAndItsLine() throws {
        let h = try Harness(targets: """
          - id: procs
            area: a
            title: mỗi hồ sơ có mã thủ tục P1
            citation: I.6.a
            measure: {check: checks/p1.lua}
            params: {procedure: P1}
            expect: "== 0"
            points: 1
        """, scripts: ["p1.lua": """
        return function(ctx)
          local bad = 0
          for d in dossiers() do
            if d.procedure_id ~= ctx.params.procedure then
              bad = bad + 1
              finding{dossier = d.id, message = "hồ sơ " .. d.id .. " không thuộc " .. ctx.params.procedure, value = d.procedure_id}
            end
          end
          return bad
        end
        """])
        XCTAssertEqual(h.result("W1", "procs")?.value, .number(2))
        XCTAssertEqual(h.result("W2", "procs")?.status, .fail)
        XCTAssertEqual(h.result("C1", "procs")?.status, .pass)
        let found = h.evaluation.findings.filter { $0.kind == .check }
        XCTAssertEqual(found.map(\.dossierId), ["A3", "A4", "B3"])
        XCTAssertEqual(found.first?.location?.line, 4)
        XCTAssertEqual(found.first?.value, "P2")
        XCTAssertEqual(found.first?.citation, "I.6.a")
    }
}
