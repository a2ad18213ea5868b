import XCTest
import Common
import Engine

/// Dated thresholds and points: the period evaluated selects the value in force, and failures cite its document.
final class InForceTests: XCTestCase {
    static let target = """
      - id: a.on_time
        area: a
        title: Đúng hạn
        citation: I.2
        measure: {metric: on_time_rate}
        expect:
          - {until: 2024-12-31, value: ">= 70%", source: "3090/QĐ-UBND"}
          - {from: 2025-01-01, until: 2025-06-30, value: ">= 90%", source: "100/KH-UBND"}
          - {from: 2025-07-01, value: ">= 80%", source: "213/KH-UBND"}
        points:
          - {until: 2025-06-30, value: 1}
          - {from: 2025-07-01, value: 3}
    """

    func testThePeriodsLastDaySelectsThresholdPointsAndCitedDocument() throws {
        let h = try Harness(targets: Self.target)   // evaluated for 2025: the entries from 2025-07-01 hold
        let w1 = try XCTUnwrap(h.result("W1", "a.on_time"))       // 3 of 4 on time: 75% < 80%
        XCTAssertEqual(w1.status, .fail)
        XCTAssertEqual(w1.expected, ">= 80%")
        XCTAssertEqual(w1.expectedSource, "213/KH-UBND")
        XCTAssertEqual(w1.max, 3)
        let finding = try XCTUnwrap(h.evaluation.findings.first { $0.id == w1.findingIds.first })
        XCTAssertEqual(finding.message.vi, "Đúng hạn: đạt 75% (yêu cầu >= 80%, theo 213/KH-UBND)")
        let w2 = try XCTUnwrap(h.result("W2", "a.on_time"))       // 2 of 2: 100%
        XCTAssertEqual(w2.status, .pass)
        XCTAssertEqual(w2.earned, 3)
    }

    func testNoValueInForceLeavesTheTargetNotApplicable() throws {
        let gap = Self.target.replacingOccurrences(of: "{until: 2024-12-31,", with: "{until: 2023-12-31,")
            .replacingOccurrences(of: "{from: 2025-07-01, value: \">= 80%\"", with: "{from: 2026-01-01, value: \">= 80%\"")
        let h = try Harness(targets: gap)
        XCTAssertNotEqual(gap, Self.target)
        XCTAssertEqual(h.result("W1", "a.on_time")?.status, .notApplicable)
        XCTAssertEqual(h.result("W1", "a.on_time")?.max, 0)
    }
}
