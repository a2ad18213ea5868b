import Common
import XCTest

/// Every accepted and refused form of the contract's date scalar.
final class DateParsingTests: XCTestCase {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> DayNumber { dayNumber(year: y, month: m, day: d) ?? .min }

    func testISODateOnly() throws {
        let v = try XCTUnwrap(DateValue.parse("2025-07-30"))
        XCTAssertEqual(v.day, day(2025, 7, 30))
        XCTAssertFalse(v.hasTime)
        XCTAssertEqual(DateValue.parse("1970-01-01")?.day, 0)
    }

    func testVietnameseDayMonthYear() {
        XCTAssertEqual(DateValue.parse("1/3/2025")?.day, day(2025, 3, 1), "day first, never month/day")
        XCTAssertEqual(DateValue.parse("01/03/2025")?.day, day(2025, 3, 1))
        XCTAssertEqual(DateValue.parse("30/7/2025")?.day, day(2025, 7, 30))
        XCTAssertEqual(DateValue.parse("29/02/2024")?.day, day(2024, 2, 29))
        XCTAssertEqual(DateValue.parse("5/12/2025")?.hasTime, false)
    }

    func testSurroundingSpacesAndTabsAreTrimmed() {
        XCTAssertEqual(DateValue.parse(" \t2025-01-02 \t")?.day, day(2025, 1, 2))
        XCTAssertEqual(DateValue.parse("  2/1/2025 ")?.day, day(2025, 1, 2))
    }

    func testLocalTimeIsVietnamTime() throws {
        // 2025-03-01 08:30 in UTC+07:00 is 01:30 UTC.
        let v = try XCTUnwrap(DateValue.parse("2025-03-01T08:30"))
        XCTAssertTrue(v.hasTime)
        XCTAssertEqual(v.day, day(2025, 3, 1))
        XCTAssertEqual(v.seconds, Int64(day(2025, 3, 1)) * 86_400 + 3_600 + 1_800)
        XCTAssertEqual(DateValue.parse("2025-03-01 08:30")?.seconds, v.seconds, "one space works like T")
        XCTAssertEqual(DateValue.parse("2025-03-01T08:30:00")?.seconds, v.seconds)
        XCTAssertEqual(DateValue.parse("2025-03-01T08:30+07:00")?.seconds, v.seconds)
    }

    func testZuluAndOffsetsMoveTheVietnamDay() throws {
        // 17:00Z is 00:00 next day in UTC+07:00.
        XCTAssertEqual(DateValue.parse("2025-03-01T17:00:00Z")?.day, day(2025, 3, 2))
        XCTAssertEqual(DateValue.parse("2025-03-01T16:59:59Z")?.day, day(2025, 3, 1))
        // 23:30 at +06:00 is 00:30 next day in Vietnam.
        XCTAssertEqual(DateValue.parse("2025-12-31T23:30:00+06:00")?.day, day(2026, 1, 1))
        // 00:30 at -05:00 is 12:30 the same day in Vietnam.
        let west = try XCTUnwrap(DateValue.parse("2025-01-01T00:30-05:00"))
        XCTAssertEqual(west.day, day(2025, 1, 1))
        XCTAssertEqual(west.seconds, Int64(day(2025, 1, 1)) * 86_400 + 5 * 3_600 + 1_800)
        // Before the epoch the day still floors correctly.
        XCTAssertEqual(DateValue.parse("1969-12-31T16:59:59Z")?.day, -1)
        XCTAssertEqual(DateValue.parse("1969-12-31T17:00:00Z")?.day, 0)
    }

    func testFractionKeptExactlyWithoutTrailingZeros() {
        XCTAssertEqual(DateValue.parse("2025-01-01T10:00:00.1234567890123")?.fraction, "1234567890123")
        XCTAssertEqual(DateValue.parse("2025-01-01T10:00:00.500")?.fraction, "5")
        XCTAssertEqual(DateValue.parse("2025-01-01T10:00:00.000")?.fraction, "")
        XCTAssertEqual(DateValue.parse("2025-01-01T10:00:00.25Z")?.fraction, "25")
    }

    func testRefusedForms() {
        let bad = [
            "", " ", "2025", "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", "2025-13-01", "2025-00-10",
            "2025-02-29", "31/02/2025", "0/1/2025", "1/0/2025", "1/13/2025", "001/1/2025", "1/001/2025",
            "1/1/25", "1/1/02025", "1-1-2025", "2025-01-01T", "2025-01-01T24:00", "2025-01-01T23:60",
            "2025-01-01T10:00:60", "2025-01-01T9:00", "2025-01-01T10:0", "2025-01-01T10:00:00.",
            "2025-01-01T10:00:5", "2025-01-01  10:00", "2025-01-01t10:00", "2025-01-01T10:00z",
            "2025-01-01T10:00+7", "2025-01-01T10:00+0700", "2025-01-01T10:00+24:00", "2025-01-01T10:00+07:60",
            "2025-01-01T10:00Z junk", "2025-01-01x", "1/3/2025 10:00", "٢٠٢٥-٠١-٠١", "２０２５-01-01",
            "2025-01-01T10:00:00.5.5", "+2025-01-01", "2025-01-01\n",
        ]
        for text in bad { XCTAssertNil(DateValue.parse(text), "should refuse \(text.debugDescription)") }
    }

    func testParseFromBytesAndSubstring() {
        let text = "x2025-05-06y"
        let inner = text.dropFirst().dropLast()
        XCTAssertEqual(DateValue.parse(inner)?.day, day(2025, 5, 6))
        let bytes = Array("6/5/2025".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { DateValue.parse(bytes: $0) }?.day, day(2025, 5, 6))
        XCTAssertNil([UInt8]().withUnsafeBytes { DateValue.parse(bytes: $0) })
    }

    func testYearBoundaries() {
        XCTAssertEqual(DateValue.parse("9999-12-31")?.day, day(9999, 12, 31))
        XCTAssertEqual(DateValue.parse("2000-02-29")?.day, day(2000, 2, 29))
        XCTAssertNil(DateValue.parse("1900-02-29"), "1900 is not a leap year")
    }
}
