import Common
import XCTest

/// Reporting-period forms, the as-of default, and the errors.
final class PeriodTests: XCTestCase {
    private func d(_ y: Int, _ m: Int, _ dd: Int) -> DayNumber { dayNumber(year: y, month: m, day: dd) ?? .min }

    func testExplicitRange() throws {
        let p = try Period.parse("2025-01-01..2025-12-31")
        XCTAssertEqual(p.start, d(2025, 1, 1))
        XCTAssertEqual(p.end, d(2025, 12, 31))
        XCTAssertEqual(p.asOf, DateValue(day: d(2025, 12, 31)), "as_of defaults to end, date-only")
        XCTAssertEqual(p.label, "2025-01-01..2025-12-31")
        let vn = try Period.parse("1/7/2025..30/9/2025")
        XCTAssertEqual(vn.start, d(2025, 7, 1))
        XCTAssertEqual(vn.end, d(2025, 9, 30))
        XCTAssertEqual(try Period.parse("2025-03-05..2025-03-05").end, d(2025, 3, 5), "a one-day period")
    }

    func testYearHalvesQuartersMonths() throws {
        let cases: [(String, DayNumber, DayNumber)] = [
            ("2025", d(2025, 1, 1), d(2025, 12, 31)),
            ("2025-H1", d(2025, 1, 1), d(2025, 6, 30)),
            ("2025-H2", d(2025, 7, 1), d(2025, 12, 31)),
            ("2025-Q1", d(2025, 1, 1), d(2025, 3, 31)),
            ("2025-Q2", d(2025, 4, 1), d(2025, 6, 30)),
            ("2025-Q3", d(2025, 7, 1), d(2025, 9, 30)),
            ("2025-Q4", d(2025, 10, 1), d(2025, 12, 31)),
            ("2024-02", d(2024, 2, 1), d(2024, 2, 29)),
            ("2025-02", d(2025, 2, 1), d(2025, 2, 28)),
            ("2025-12", d(2025, 12, 1), d(2025, 12, 31)),
            (" 2025-q3 ", d(2025, 7, 1), d(2025, 9, 30)),
        ]
        for (text, start, end) in cases {
            let p = try Period.parse(text)
            XCTAssertEqual(p.start, start, text)
            XCTAssertEqual(p.end, end, text)
            XCTAssertEqual(p.asOf.day, end, text)
        }
    }

    func testAsOf() throws {
        let p = try Period.parse("2025-Q1", asOf: "2025-04-15")
        XCTAssertEqual(p.asOf, DateValue(day: d(2025, 4, 15)))
        XCTAssertEqual(try Period.parse("2025", asOf: "15/4/2026").asOf.day, d(2026, 4, 15))
        XCTAssertThrowsError(try Period.parse("2025", asOf: "2025-04-31")) { e in
            XCTAssertEqual((e as? PeriodError)?.code, "bad-as-of")
        }
        XCTAssertThrowsError(try Period.parse("2025", asOf: "2025-04-15T10:00")) { e in
            XCTAssertEqual((e as? PeriodError)?.code, "bad-as-of", "as_of is a date")
        }
    }

    func testContains() throws {
        let p = try Period.parse("2025-Q3")
        XCTAssertTrue(p.contains(d(2025, 7, 1)))
        XCTAssertTrue(p.contains(d(2025, 9, 30)))
        XCTAssertFalse(p.contains(d(2025, 6, 30)))
        XCTAssertFalse(p.contains(d(2025, 10, 1)))
        XCTAssertFalse(p.contains(DateValue.parse("2025-09-30T17:00:00Z") ?? DateValue(day: 0)), "that is 1 Oct in Vietnam")
    }

    func testRefusedPeriods() {
        for text in ["", "25", "2025-H3", "2025-H0", "2025-Q0", "2025-Q5", "2025-13", "2025-00", "2025-1", "2025-7",
                     "2025-01-01..", "..2025-01-01", "2025-01-01..2025-02-30", "2025-01-01...2025-02-01",
                     "2025-01-01..2025-02-01T10:00", "H1-2025", "năm 2025", "2025/Q1", "20251"] {
            XCTAssertThrowsError(try Period.parse(text), text) { e in
                XCTAssertEqual((e as? PeriodError)?.code, "bad-period", text)
            }
        }
    }

    func testStartAfterEndIsAnError() {
        XCTAssertThrowsError(try Period.parse("2025-12-31..2025-01-01")) { e in
            let error = e as? PeriodError
            XCTAssertEqual(error?.code, "bad-period")
            XCTAssertTrue(error?.message.contains("after its end") ?? false, error?.message ?? "")
        }
    }

    func testErrorAsDiagnostic() {
        let e = PeriodError(code: "bad-period", "nope")
        let d = e.diagnostic(at: SourceLocation(file: "plan.yaml", line: 3, column: 9))
        XCTAssertEqual(d.description, "plan.yaml:3:9: error: bad-period: nope")
    }
}
