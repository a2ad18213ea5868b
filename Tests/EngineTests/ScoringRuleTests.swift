import Common
import Engine
import Scoring
import XCTest

/// Each scoring rule, thresholds by unit kind, and what a missing value does.
final class ScoringRuleTests: XCTestCase {
    func testBandsPickTheFirstBandReached() throws {
        let h = try Harness(targets: """
          - id: on_time
            area: a
            title: đúng hạn
            citation: I.2.a
            measure: {metric: on_time_rate}
            expect: ">= 98%"
            points: 4
            scoring: {bands: [{when: ">= 98%", points: 4}, {when: ">= 70%", points: 2}]}
        """)
        let w1 = try XCTUnwrap(h.result("W1", "on_time"))
        XCTAssertEqual(w1.value, .number(0.75))
        XCTAssertEqual(w1.numerator, 3)
        XCTAssertEqual(w1.denominator, 4)
        XCTAssertEqual(w1.status, .fail)
        XCTAssertEqual(w1.band, 2)
        XCTAssertEqual(w1.earned, 2)
        XCTAssertEqual(h.result("W2", "on_time")?.earned, 4)
        XCTAssertEqual(h.result("W2", "on_time")?.band, 1)
        XCTAssertEqual(h.result("C1", "on_time")?.earned, 0, "0% on time reaches no band")
        XCTAssertEqual(h.result("D1", "on_time")?.status, .notApplicable, "no dossiers: the rate does not exist")
        XCTAssertEqual(h.result("D1", "on_time")?.max, 0)
    }

    func testProportionalGivesPartialCreditBelowTheThreshold() throws {
        let h = try Harness(targets: """
          - id: staff
            area: a
            title: hồ sơ công việc trực tuyến
            citation: I.6.a
            measure: {indicator: staff_online}
            expect: ">= 100%"
            points: 2
            scoring: proportional
        """)
        XCTAssertEqual(try XCTUnwrap(h.result("W1", "staff")?.earned), 1.9, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(h.result("C1", "staff")?.earned), 1.0, accuracy: 1e-12)
        XCTAssertEqual(h.result("W1", "staff")?.status, .fail)
        XCTAssertEqual(h.result("W2", "staff")?.status, .fail, "an indicator not reported fails by default")
        XCTAssertEqual(h.result("W2", "staff")?.max, 2)
    }

    /// "trên 95%" reached exactly is not met, so it must not earn every point.
    func testProportionalOnAStrictThresholdReachedExactlyFallsShortOfFullPoints() throws {
        let h = try Harness(targets: """
          - id: staff
            area: a
            title: hồ sơ công việc trực tuyến
            citation: I.6.a
            measure: {indicator: staff_online}
            expect: "> 95%"
            points: 2
            scoring: proportional
        """)
        XCTAssertEqual(h.result("W1", "staff")?.status, .fail)
        XCTAssertEqual(try XCTUnwrap(h.result("W1", "staff")?.earned), 1.98, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(h.result("C1", "staff")?.earned), 2 * 0.5 / 0.95, accuracy: 1e-12)
    }

    func testDeductionPerViolationStopsAtTheFloor() throws {
        let h = try Harness(targets: """
          - id: apology
            area: a
            title: xin lỗi
            citation: I.2.a
            measure: {violations: late_without_apology}
            points: 1
            scoring: {deduct: 0.75, floor: 0}
        """)
        // W1: A3 resolved late without apology. W2: B3 overdue at 31/12 without apology. C1 apologised.
        XCTAssertEqual(h.result("W1", "apology")?.value, .number(1))
        XCTAssertEqual(try XCTUnwrap(h.result("W1", "apology")?.earned), 0.25, accuracy: 1e-12)
        XCTAssertEqual(h.result("W2", "apology")?.value, .number(1))
        XCTAssertEqual(h.result("C1", "apology")?.status, .pass)
        XCTAssertEqual(h.result("C1", "apology")?.earned, 1)
        let dossiers = h.evaluation.findings.filter { $0.kind == .violation }.compactMap(\.dossierId)
        XCTAssertEqual(dossiers, ["A3", "B3"])
        let a3 = try XCTUnwrap(h.evaluation.findings.first { $0.dossierId == "A3" })
        XCTAssertEqual(a3.location?.line, 4, "the CSV line of A3, header being line 1")
    }

    func testThresholdsDifferByUnitKindAndDeadlinesCompareDates() throws {
        let h = try Harness(targets: """
          - id: plan
            area: a
            title: ban hành kế hoạch
            citation: II.1.a
            measure: {indicator: plan_date}
            expect: {default: "<= 2025-07-30", commune: "<= 2025-07-29"}
            applies_to: [ward, commune]
            points: 1
        """)
        XCTAssertEqual(h.result("W1", "plan")?.status, .pass)
        XCTAssertEqual(h.result("W2", "plan")?.status, .fail, "31/7/2025 is after 30/07/2025")
        XCTAssertEqual(h.result("C1", "plan")?.status, .fail, "communes have an earlier deadline")
        XCTAssertEqual(h.result("C1", "plan")?.expected, "<= 2025-07-29")
        XCTAssertEqual(h.result("D1", "plan")?.status, .notApplicable, "departments are not assigned this target")
        let w2 = try XCTUnwrap(h.evaluation.findings.first { $0.unitId == "W2" && $0.kind == .targetFailed })
        XCTAssertEqual(w2.message.vi, "ban hành kế hoạch: đạt 31/07/2025 (yêu cầu <= 30/07/2025)")
        XCTAssertEqual(w2.citation, "II.1.a")
    }
}
