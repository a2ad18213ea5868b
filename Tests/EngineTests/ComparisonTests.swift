import Common
import Engine
import XCTest

/// `compare:` judges the change against a baseline the unit reported ("so với năm 2021 / 2024").
final class ComparisonTests: XCTestCase {
    func testRelativeReductionAgainstA2021Baseline() throws {
        let h = try Harness(targets: """
          - id: psu_cut
            area: a
            title: giảm 10% ĐVSNCL so với năm 2021
            citation: I.3.a
            measure: {indicator: psu_now}
            compare: {baseline: psu_2021, as: relative}
            expect: "<= -10%"
            points: 1
        """)
        let w1 = try XCTUnwrap(h.result("W1", "psu_cut"))
        XCTAssertEqual(try XCTUnwrap(w1.value.flatMap { if case .number(let n) = $0 { n } else { nil } }), -0.1, accuracy: 1e-12)
        XCTAssertEqual(w1.current, .number(9))
        XCTAssertEqual(w1.baseline, 10)
        XCTAssertEqual(w1.status, .pass)
        XCTAssertEqual(h.result("W2", "psu_cut")?.status, .fail, "no reduction")
        XCTAssertEqual(h.result("C1", "psu_cut")?.status, .fail, "a zero baseline gives no change, and indicators fail when missing")
        XCTAssertEqual(h.result("D1", "psu_cut")?.status, .fail, "nothing reported")
        let w2 = try XCTUnwrap(h.evaluation.findings.first { $0.unitId == "W2" && $0.targetId == "psu_cut" })
        XCTAssertEqual(w2.message.vi, "giảm 10% ĐVSNCL so với năm 2021: thay đổi 0% so với mốc psu_2021 (yêu cầu <= -10%)")
    }

    func testImprovementOfAMetricOverThePreviousYear() throws {
        let h = try Harness(targets: """
          - id: on_time_up
            area: a
            title: tăng tỷ lệ đúng hạn so với năm 2024
            citation: II.3
            measure: {metric: on_time_rate}
            compare: {baseline: on_time_2024}
            expect: "> 0"
            points: 1
        """)
        XCTAssertEqual(h.result("W1", "on_time_up")?.status, .fail, "75% this year against 80% in 2024")
        XCTAssertEqual(h.result("W2", "on_time_up")?.status, .pass, "100% against 95%")
        XCTAssertEqual(h.result("C1", "on_time_up")?.status, .notApplicable, "no 2024 figure: metric targets do not apply")
    }
}
