import Common
@testable import Data
import XCTest

/// Hostile CSV: truncation, encodings, ragged rows, quoting, huge fields, header problems. Each case: records
/// are accepted or rejected with line and reason (read = accepted + rejected), or the file fails with a located
/// error when nothing in it can be read.
final class BadDataCSVTests: XCTestCase {
    func testTruncatedFiles() throws {
        let f = Fixture()
        let mid = try XCTUnwrap(f.load(dossiers: "dossiers.csv", BadData.header + BadData.good + "A2,U1,2025-01-02,2025-01-10,onl"))
        XCTAssertEqual(mid.rejectionLines, ["3 bad-value [\"channel\"] channel 'onl' is not online, direct or postal"])
        XCTAssertEqual(mid.ids, ["A1"])
        mid.assertCountsConsistent()
        let inQuote = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", BadData.header + BadData.good + "A2,U1,\"2025-01"))
        XCTAssertEqual(inQuote.rejectionLines, ["3 csv-quote [] CSV quoting: unterminated quote"])
        XCTAssertEqual(inQuote.rejection("A2")?.location.line, 3)
        inQuote.assertCountsConsistent()
    }

    func testInvalidUTF8FailsTheFileAtItsLine() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.csv", bytes: Array((BadData.header + BadData.good).utf8) + [0x41, 0x32, 0x2C, 0xC3, 0x28]
                + Array(",U1,2025-01-02,2025-01-10,online\n".utf8))
        XCTAssertEqual(f.onlyFailure(), "D/dossiers.csv:3: error: bad-encoding: the file is not UTF-8 (invalid byte 0xc3)")
    }

    /// Excel's "Unicode Text" is UTF-16 with a byte-order mark: refused at line 1, never read as garbage, and named,
    /// with the export setting that fixes it.
    func testUTF16IsNamedAsSuch() {
        for (bigEndian, mark) in [(false, "FF FE"), (true, "FE FF")] {
            let f = Fixture()
            f.write("units.yaml", Fixture.units)
            f.write("dossiers.csv", bytes: BadData.utf16(BadData.header + BadData.good, bigEndian: bigEndian))
            XCTAssertEqual(f.onlyFailure(), "D/dossiers.csv:1: error: bad-encoding: the file is UTF-16 (byte-order mark \(mark)), "
                           + "not UTF-8; save it as \"CSV UTF-8 (Comma delimited)\"")
        }
    }

    /// Every data file, units or dossiers, in any format: the same code and place; only CSV gets Excel's wording.
    func testUTF16InEveryDataFileIsNamed() {
        let dossier = "{\"id\":\"A1\",\(BadData.jsonFields)}"
        let cases = [("dossiers.json", "[\(dossier)]", "UTF-8"), ("dossiers.jsonl", dossier + "\n", "UTF-8"),
                     ("dossiers.yaml", "- {id: A1}\n", "UTF-8"), ("units.yaml", Fixture.units, "UTF-8"),
                     ("units.csv", "id,name,kind\nU1,So,department\n", "\"CSV UTF-8 (Comma delimited)\"")]
        for (name, text, format) in cases {
            let f = Fixture()
            if !name.hasPrefix("units") { f.write("units.yaml", Fixture.units) }
            f.write(name, bytes: BadData.utf16(text, bigEndian: false))
            XCTAssertEqual(f.onlyFailure(), "D/\(name):1: error: bad-encoding: the file is UTF-16 (byte-order mark FF FE), "
                           + "not UTF-8; save it as \(format)", name)
        }
    }

    /// A file that merely starts with an invalid byte is not called UTF-16.
    func testOtherInvalidFirstBytesKeepTheByteMessage() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.csv", bytes: [0xFF, 0x41] + Array((BadData.header + BadData.good).utf8))
        XCTAssertEqual(f.onlyFailure(), "D/dossiers.csv:1: error: bad-encoding: the file is not UTF-8 (invalid byte 0xff)")
    }

    func testRaggedRowsAndUnterminatedQuotes() throws {
        let csv = BadData.header + "A1,U1,2025-01-02\nA2,U1,2025-01-02,2025-01-10,online,x\nA3,U1,\"2025-01-02,2025-01-10,online\n"
            + "A4,U1,2025-01-02,2025-01-10,online\n"
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.rejectionLines, ["2 csv-shape [] the row has 3 fields, fewer than the header's 5",
                                             "3 csv-shape [] the row has 6 fields, more than the header's 5",
                                             "4 csv-quote [] CSV quoting: unterminated quote"])
        XCTAssertEqual(data.rejected.map(\.id), ["A1", "A2", "A3"])
        XCTAssertEqual(data.inputs.dossiersRead, 3, "the unterminated quote runs to the end of the file: A4 is inside it")
        data.assertCountsConsistent()
    }

    func testOneMegabyteFieldsAreKept() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let csv = "id,unit_id,received_at,due_at,channel,note\nA1,U1,2025-01-02,2025-01-10,online,\"\(big)\"\n"
            + String(repeating: "i", count: 1 << 20) + ",U1,2025-01-02,2025-01-10,online,\n"
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.inputs.accepted, 2)
        XCTAssertEqual(data.dossiers.extra("note")?.string(0)?.utf8.count, 1 << 20)
        XCTAssertEqual(data.ids.last?.utf8.count, 1 << 20)
        data.assertCountsConsistent()
    }

    func testDuplicateHeadersRejectEveryRowNamingTheField() throws {
        let csv = "id,unit_id,received_at,due_at,channel,channel\nA1,U1,2025-01-02,2025-01-10,online,direct\n"
            + "A2,U1,2025-01-02,2025-01-10,online,online\n"
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.rejectionLines, ["2 duplicate-key [\"channel\"] channel is given more than once",
                                             "3 duplicate-key [\"channel\"] channel is given more than once"])
        data.assertCountsConsistent()
    }

    func testMissingRequiredColumnRejectsEveryRow() throws {
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv",
                                                "id,unit_id,received_at,channel\nA1,U1,2025-01-02,online\nA2,U1,2025-01-02,online\n"))
        XCTAssertEqual(data.rejectionLines, ["2 missing-field [\"due_at\"] due_at is missing",
                                             "3 missing-field [\"due_at\"] due_at is missing"])
        XCTAssertEqual(data.inputs.accepted, 0)
        data.assertCountsConsistent()
    }

    func testNulBytesAreDataNotTerminators() throws {
        var bytes = Array((BadData.header).utf8) + [0, 0, 0, 0x0A]
        bytes += Array(BadData.good.utf8)
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.csv", bytes: bytes)
        guard case .success(let data) = DataLoader.load(directory: f.dir) else { return XCTFail("load failed") }
        XCTAssertEqual(data.rejectionLines, ["2 csv-shape [] the row has 1 fields, fewer than the header's 5"])
        XCTAssertEqual(data.ids, ["A1"])
        data.assertCountsConsistent()
    }
}
