import Common
import XCTest

/// Contract comparison (instants vs calendar days in UTC+07:00) and the calendar helpers.
final class CompareAndCalendarTests: XCTestCase {
    private func v(_ s: String) -> DateValue {
        guard let d = DateValue.parse(s) else { XCTFail("bad fixture \(s)"); return DateValue(day: 0) }
        return d
    }

    func testInstantsCompareExactly() {
        XCTAssertEqual(DateValue.compare(v("2025-03-01T10:00"), v("2025-03-01T03:00:00Z")), 0, "same instant")
        XCTAssertEqual(DateValue.compare(v("2025-03-01T10:00"), v("2025-03-01T10:00:01")), -1)
        XCTAssertEqual(DateValue.compare(v("2025-03-01T09:00+06:00"), v("2025-03-01T10:00")), 0)
    }

    func testFractionsCompareAsDecimals() {
        XCTAssertEqual(DateValue.compare(v("2025-01-01T10:00:00.5"), v("2025-01-01T10:00:00.25")), 1)
        XCTAssertEqual(DateValue.compare(v("2025-01-01T10:00:00.1"), v("2025-01-01T10:00:00.10000")), 0)
        XCTAssertEqual(DateValue.compare(v("2025-01-01T10:00:00"), v("2025-01-01T10:00:00.000000000001")), -1)
        XCTAssertEqual(DateValue.compare(v("2025-01-01T10:00:00.999999999999999999"),
                                         v("2025-01-01T10:00:01")), -1, "beyond Double precision, still exact")
        XCTAssertEqual(DateValue.compare(v("2025-01-01T10:00:00.12"), v("2025-01-01T10:00:00.123")), -1)
    }

    func testDateOnlySideComparesByVietnamDay() {
        // 17:00Z on 1 March is 2 March in Vietnam: equal to the date-only 2 March.
        XCTAssertEqual(DateValue.compare(v("2025-03-01T17:00:00Z"), v("2025-03-02")), 0)
        XCTAssertEqual(DateValue.compare(v("2025-03-01T16:00:00Z"), v("2025-03-02")), -1)
        XCTAssertEqual(DateValue.compare(v("2025-03-02"), v("2025-03-02T23:59:59")), 0)
        XCTAssertEqual(DateValue.compare(v("2/3/2025"), v("2025-03-01")), 1)
        XCTAssertTrue(v("2025-03-01").isBefore(v("2025-03-02T00:00")))
        XCTAssertFalse(v("2025-03-02").isBefore(v("2025-03-02T00:00")))
    }

    func testDayNumberRoundTripsAndValidates() {
        XCTAssertEqual(dayNumber(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(dayNumber(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(dayNumber(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertNil(dayNumber(year: 2025, month: 2, day: 29))
        XCTAssertNil(dayNumber(year: 2025, month: 4, day: 31))
        XCTAssertNil(dayNumber(year: 2025, month: 0, day: 1))
        XCTAssertNil(dayNumber(year: 2025, month: 1, day: 0))
        XCTAssertNotNil(dayNumber(year: 2024, month: 2, day: 29))
        // Every day from 1899 to 2101 survives a round trip and follows the previous one.
        var previous: (Int, Int, Int)? = nil
        for d in DayNumber(-25_568)...DayNumber(48_578) {
            let c = civil(from: d)
            XCTAssertEqual(dayNumber(year: c.year, month: c.month, day: c.day), d)
            if let (y, m, dd) = previous {
                let sameMonth = c.year == y && c.month == m && c.day == dd + 1
                let nextMonth = c.day == 1 && (c.month == m + 1 && c.year == y || c.month == 1 && m == 12 && c.year == y + 1)
                XCTAssertTrue(sameMonth || nextMonth, "\(c) after \(y)-\(m)-\(dd)")
            }
            previous = (c.year, c.month, c.day)
        }
    }

    func testFormatting() {
        let d = dayNumber(year: 2025, month: 7, day: 30) ?? 0
        XCTAssertEqual(isoDate(d), "2025-07-30")
        XCTAssertEqual(vnDate(d), "30/07/2025")
        let early = dayNumber(year: 987, month: 1, day: 5) ?? 0
        XCTAssertEqual(isoDate(early), "0987-01-05")
        XCTAssertEqual(vnDate(early), "05/01/0987")
        XCTAssertEqual(isoDate(0), "1970-01-01")
    }

    func testLeapYearsAndMonthLengths() {
        XCTAssertTrue(isLeapYear(2000))
        XCTAssertFalse(isLeapYear(1900))
        XCTAssertTrue(isLeapYear(2024))
        XCTAssertEqual(daysInMonth(year: 2025, month: 2), 28)
        XCTAssertEqual(daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(daysInMonth(year: 2025, month: 9), 30)
        XCTAssertEqual(daysInMonth(year: 2025, month: 13), 0)
    }
}
