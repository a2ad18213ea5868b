import Common
@testable import Data
import XCTest

/// JSON Lines (physical lines), JSON arrays and YAML sequences (record indices) of dossiers.
final class JSONYAMLDossierTests: XCTestCase {
    private let base = #""unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-10","channel":"online""#

    func testJSONLinesUseLineNumbersAndSkipBlankLines() throws {
        let f = Fixture()
        let text = """
        {"id":"A1",\(base)}

        {"id":"A2",\(base),"satisfaction":4,"fully_online":true,"synced_to_portal":1,"apology_issued":null}
           \t
        {"id":"A3",\(base),"satisfaction":4.0}
        {"id":"A4",\(base)
        [1,2]
        {"id":"A5",\(base),"digitized":{"x":1}}\r
        {"id":"A6",\(base),"note":"x\\ny \\u00e1 \\ud83d\\ude00","n":12.50,"flag":false,"none":null}
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.jsonl", text))
        XCTAssertEqual(data.ids, ["A1", "A2", "A6"])
        XCTAssertEqual(data.dossiers.location(1), SourceLocation(file: f.dir + "/dossiers.jsonl", line: 3))
        XCTAssertEqual(data.dossiers.location(2).line, 9)
        XCTAssertEqual(data.dossiers.satisfaction[1], 4, "a JSON number is read as its text")
        XCTAssertEqual([data.dossiers.fullyOnline[1], data.dossiers.synced[1], data.dossiers.apology[1]], [1, 1, 0])
        XCTAssertEqual(data.rejection("A3")?.reason, "satisfaction '4.0' is not one of 1, 2, 3, 4, 5")
        XCTAssertEqual(data.rejection("A3")?.location.line, 5)
        let broken = try XCTUnwrap(data.rejected.first { $0.location.line == 6 })
        XCTAssertEqual(broken.code, "bad-json")
        XCTAssertTrue(broken.reason.hasPrefix("not valid JSON: "), broken.reason)
        XCTAssertEqual(data.rejected.first { $0.location.line == 7 }?.reason, "the line is not a JSON object")
        XCTAssertEqual(data.rejection("A5")?.reason, "digitized is a list or mapping, not a single value")
        let s = data.dossiers
        XCTAssertEqual(s.extra("note")?.string(2), "x\ny á 😀")
        XCTAssertEqual(s.extra("n")?.string(2), "12.50", "numbers keep their text")
        XCTAssertEqual(s.extra("flag")?.string(2), "false")
        XCTAssertEqual(s.extra("none")?.string(2), "", "null is empty")
        XCTAssertNil(s.extra("n")?.string(0), "absent in A1")
        XCTAssertFalse(s.location(0).isRecordIndex)
        data.assertCountsConsistent()
    }

    func testJSONArrayUsesRecordIndices() throws {
        let f = Fixture()
        let text = """
        [
          {"id":"A1",\(base)},
          {"id":"A2",\(base),"channel":"fax"},
          "not an object",
          {"id":"A4",\(base),"e_result":"Có"},
          {"id":"A5",\(base),"id":"A6"}
        ]
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.json", text))
        XCTAssertEqual(data.ids, ["A1", "A4"])
        XCTAssertEqual(data.dossiers.location(1), SourceLocation(file: f.dir + "/dossiers.json", line: 4, isRecordIndex: true))
        XCTAssertEqual(data.dossiers.eResult[1], 1)
        XCTAssertEqual(data.rejection("A2")?.reason, "channel is given more than once")
        XCTAssertEqual(data.rejection("A2")?.location.line, 2)
        XCTAssertEqual(data.rejected.first { $0.location.line == 3 }?.code, "not-a-record")
        XCTAssertEqual(data.rejection("A5")?.fields, ["id"])
        XCTAssertEqual(data.rejection("A5")?.location, SourceLocation(file: f.dir + "/dossiers.json", line: 5, isRecordIndex: true))
        data.assertCountsConsistent()
    }

    func testMalformedJSONDocumentIsAFileError() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.json", "[\n  {\"id\": \"A1\",}\n]")
        let d = f.failure()
        XCTAssertEqual(d.map(\.code), ["bad-json"])
        XCTAssertEqual(d.first?.location.line, 2)
        f.write("dossiers.json", "{\"id\": \"A1\"}")
        XCTAssertEqual(f.failure().first?.message, "malformed JSON: expected an array of dossier objects")
    }

    func testDeepJSONNestingIsRefusedWithoutCrashing() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.json", String(repeating: "[", count: 100_000))
        XCTAssertEqual(f.failure().first?.message, "malformed JSON: nested more than 64 levels deep")
    }

    func testYAMLUsesRecordIndices() throws {
        let f = Fixture()
        let text = """
        - id: A1
          unit_id: U1
          received_at: 2025-01-02
          due_at: 10/1/2025
          channel: online
          apology_issued: yes
          satisfaction: 3
        - just text
        - {id: A3, unit_id: U2, received_at: 2025-01-02 08:00, due_at: 2025-01-10, channel: Direct, closed_at: ~, extra: [1]}
        - {id: A4, unit_id: U2, received_at: 2025-01-02, due_at: 2025-01-10, channel: direct, note: "kept"}
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.yaml", text))
        XCTAssertEqual(data.ids, ["A1", "A4"])
        XCTAssertEqual(data.dossiers.apology[0], 1)
        XCTAssertEqual(data.dossiers.satisfaction[0], 3)
        XCTAssertEqual(data.dossiers.location(1), SourceLocation(file: f.dir + "/dossiers.yaml", line: 4, isRecordIndex: true))
        XCTAssertEqual(data.rejected.first { $0.location.line == 2 }?.reason, "record 2 is the value just text, not a mapping")
        XCTAssertEqual(data.rejection("A3")?.reason, "extra is a list or mapping, not a single value")
        XCTAssertEqual(data.rejection("A3")?.location.line, 3)
        XCTAssertEqual(data.dossiers.extra("note")?.string(1), "kept")
        XCTAssertNil(data.dossiers.extra("extra"), "a column only a rejected record had is dropped")
        data.assertCountsConsistent()
    }

    func testYAMLThatIsNotASequenceIsAFileError() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.yml", "id: A1\n")
        XCTAssertEqual(f.failure().map(\.code), ["bad-shape"])
    }
}
