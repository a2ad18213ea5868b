import Common
@testable import Data
import XCTest

/// RFC 4180 details, blank lines, BOM, CRLF, and physical line numbers of CSV dossier records.
final class CSVShapeTests: XCTestCase {
    func testBOMAndCRLFAndTrimming() throws {
        let f = Fixture()
        let csv = "\u{FEFF} id , unit_id ,received_at,due_at,channel\r\n  A1 ,\tU1\t, 2025-01-02 ,2025-01-10,Online \r\nA2,U2,2/1/2025,10/1/2025,direct\r\n"
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A1", "A2"])
        XCTAssertEqual(Array(data.dossiers.unit), [0, 1])
        XCTAssertEqual(Array(data.dossiers.channel), [ChannelCode.online, ChannelCode.direct])
        XCTAssertEqual(data.dossiers.received.days[0], data.dossiers.received.days[1])
        XCTAssertEqual(data.dossiers.location(1), SourceLocation(file: f.dir + "/dossiers.csv", line: 3))
        XCTAssertTrue(data.rejected.isEmpty)
        data.assertCountsConsistent()
    }

    func testQuotedFieldsWithCommasQuotesAndNewlinesKeepPhysicalLines() throws {
        let f = Fixture()
        let csv = """
        id,unit_id,received_at,due_at,channel,note
        A1,U1,2025-01-02,2025-01-10,online,"a, b ""quoted"" \r\nsecond line
        third line"
        A2,U1,2025-01-02,2025-01-10,online, "  padded  "
        "A3","U1","2025-01-02","2025-01-10","online",""

        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A1", "A2", "A3"])
        XCTAssertEqual(data.dossiers.location(0).line, 2)
        XCTAssertEqual(data.dossiers.location(1).line, 5, "line breaks inside quotes count")
        XCTAssertEqual(data.dossiers.location(2).line, 6)
        let note = try XCTUnwrap(data.dossiers.extra("note"))
        XCTAssertEqual(note.string(0), "a, b \"quoted\" \r\nsecond line\nthird line")
        XCTAssertEqual(note.string(1), "padded")
        XCTAssertEqual(note.string(2), "")
    }

    func testBlankLinesAreNotRecordsButCountAsLines() throws {
        let f = Fixture()
        let csv = "\(minimalHeader)\n\nA1,U1,2025-01-02,2025-01-10,online\n \t \n\r\nA2,U1,2025-01-02,2025-01-10,online\n   "
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A1", "A2"])
        XCTAssertEqual(data.dossiers.location(0).line, 3)
        XCTAssertEqual(data.dossiers.location(1).line, 6)
        XCTAssertEqual(data.inputs.dossiersRead, 2)
        data.assertCountsConsistent()
    }

    func testShortAndLongRowsAreRejectedWithTheirLinesAndIds() throws {
        let f = Fixture()
        let csv = """
        \(minimalHeader)
        A1,U1,2025-01-02,2025-01-10
        A2,U1,2025-01-02,2025-01-10,online,extra
        A3,U1,2025-01-02,2025-01-10,online
        ,
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A3"])
        let short = try XCTUnwrap(data.rejection("A1"))
        XCTAssertEqual(short.location.line, 2)
        XCTAssertEqual(short.code, "csv-shape")
        XCTAssertEqual(short.reason, "the row has 4 fields, fewer than the header's 5")
        XCTAssertEqual(short.fields, [])
        let long = try XCTUnwrap(data.rejection("A2"))
        XCTAssertEqual(long.location.line, 3)
        XCTAssertEqual(long.reason, "the row has 6 fields, more than the header's 5")
        let empty = try XCTUnwrap(data.rejected.first { $0.location.line == 5 })
        XCTAssertNil(empty.id, "an empty id cell gives no id")
        XCTAssertEqual(data.inputs.dossiersRead, 4)
        data.assertCountsConsistent()
    }

    func testQuotingErrorsRejectTheRecordAndScanningGoesOn() throws {
        let f = Fixture()
        let csv = """
        \(minimalHeader)
        A1,U1,2025-01-02,2025-01-10,onl"ine
        A2,U1,"2025-01-02" x,2025-01-10,online
        A3,U1,2025-01-02,2025-01-10,online
        A4,U1,"2025-01-02,2025-01-10,online
        A5,U1,2025-01-02,2025-01-10,online
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A3"])
        XCTAssertEqual(data.rejection("A1")?.reason, "CSV quoting: quote inside an unquoted field")
        XCTAssertEqual(data.rejection("A1")?.location.line, 2)
        XCTAssertEqual(data.rejection("A2")?.reason, "CSV quoting: text after a closing quote")
        XCTAssertEqual(data.rejection("A2")?.code, "csv-quote")
        XCTAssertEqual(data.rejection("A4")?.reason, "CSV quoting: unterminated quote", "the quote swallows the rest")
        XCTAssertEqual(data.rejection("A4")?.location.line, 5)
        XCTAssertEqual(data.inputs.dossiersRead, 4)
        data.assertCountsConsistent()
    }

    func testEmptyFileAndHeaderOnlyHaveNoRecords() throws {
        let f = Fixture()
        f.write("dossiers-a.csv", "")
        let data = try XCTUnwrap(f.load(dossiers: "dossiers-b.csv", "\u{FEFF}\(minimalHeader)\r\n"))
        XCTAssertEqual(data.inputs.dossiersRead, 0)
        XCTAssertEqual(data.files.count, 3)
    }

    func testLastLineWithoutNewlineAndTrailingEmptyField() throws {
        let f = Fixture()
        let csv = "id,unit_id,received_at,due_at,channel,note\nA1,U1,2025-01-02,2025-01-10,online,"
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A1"])
        XCTAssertEqual(data.dossiers.extra("note")?.string(0), "")
    }

    func testNotUTF8IsAFileError() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.csv", bytes: Array("\(minimalHeader)\nA1,U1,2025-01-02,2025-01-10,online\nA\u{2}".utf8) + [0xC0, 0x80])
        let diagnostics = f.failure()
        XCTAssertEqual(diagnostics.map(\.code), ["bad-encoding"])
        XCTAssertEqual(diagnostics.first?.location.line, 3)
    }
}
