import Common
@testable import Data
import XCTest

/// Hostile JSON and YAML structure: truncation, alias bombs, deep nesting. A document that cannot be parsed fails
/// with its file, line and column; a JSON Lines line is one record, so a broken line is one located rejection.
final class BadDataStructureTests: XCTestCase {
    private func failure(_ name: String, _ text: String, units: String = Fixture.units,
                         file: StaticString = #filePath, line: UInt = #line) -> String? {
        let f = Fixture()
        f.write(name.hasPrefix("units") ? "dossiers.csv" : "units.yaml", name.hasPrefix("units") ? BadData.header : units)
        f.write(name, text)
        return f.onlyFailure(file: file, line: line)
    }

    func testTruncatedDocuments() {
        XCTAssertEqual(failure("dossiers.json", "[" + BadData.jsonl("J1") + ",{\"id\":\"J2\""),
                       "D/dossiers.json:1:107: error: bad-json: malformed JSON: expected ',' or '}'")
        XCTAssertEqual(failure("dossiers.yaml", "dossiers:\n  - {id: Y1, unit_id: U1, received_at: 2025-01-02, due_at: 2025-01-10, channel: online}\n  - {id: Y2, unit_id: U1, recei"),
                       "D/dossiers.yaml:4:1: error: yaml-syntax: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 5)")
        XCTAssertEqual(failure("units.yaml", "units:\n  - {id: U1, name: A, kind: department}\n  - {id: U2, na"),
                       "D/units.yaml:4:1: error: yaml-syntax: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 5)")
    }

    func testTruncatedJSONLinesLoseOnlyTheBrokenLine() throws {
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.jsonl", BadData.jsonl("J1") + "\n{\"id\":\"J2\",\"unit"))
        XCTAssertEqual(data.rejectionLines, ["2 bad-json [] not valid JSON: unterminated string at column 17"])
        XCTAssertEqual(data.ids, ["J1"])
        data.assertCountsConsistent()
    }

    func testBillionLaughsAreRefusedNotExpanded() {
        let record = "{id: Y1, unit_id: U1, received_at: 2025-01-02, due_at: 2025-01-10, channel: online}"
        XCTAssertEqual(failure("dossiers.yaml", BadData.laughs("dossiers", levels: 9, record: record)),
                       "D/dossiers.yaml:6:45: error: yaml-alias-limit: aliases expand to too many nodes (is this an alias bomb?)")
        XCTAssertEqual(failure("units.yaml", BadData.laughs("units", levels: 9, record: "{id: U1, name: A, kind: department}")),
                       "D/units.yaml:7:10: error: yaml-alias-limit: aliases expand to too many nodes (is this an alias bomb?)")
    }

    func testDeepNestingIsRefusedAtALimit() {
        let deep = 100_000
        XCTAssertEqual(failure("dossiers.yaml", "dossiers: " + String(repeating: "[", count: deep) + String(repeating: "]", count: deep)),
                       "D/dossiers.yaml:1:522: error: yaml-too-deep: collections nested more than 512 levels deep")
        XCTAssertEqual(failure("dossiers.json", String(repeating: "[", count: deep) + String(repeating: "]", count: deep)),
                       "D/dossiers.json:1:65: error: bad-json: malformed JSON: nested more than 64 levels deep")
        XCTAssertEqual(failure("units.json", "{\"units\": " + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "}"),
                       "D/units.json:1:74: error: bad-json: malformed JSON: nested more than 64 levels deep")
    }

    func testDeepJSONLineIsOneRejection() throws {
        let line = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.jsonl", line + "\n" + BadData.jsonl("J1") + "\n"))
        XCTAssertEqual(data.rejectionLines, ["1 bad-json [] not valid JSON: nested more than 64 levels deep at column 321"])
        XCTAssertEqual(data.ids, ["J1"])
        data.assertCountsConsistent()
    }
}
