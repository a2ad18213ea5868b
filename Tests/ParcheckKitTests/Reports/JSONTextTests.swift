import Foundation
import Report
import XCTest

/// The JSON writer: exact bytes for escapes, Vietnamese text kept as UTF-8, and a round trip through a parser.
final class JSONTextTests: XCTestCase {
    func testEscapesQuotesBackslashesAndControlCharactersOnly() {
        let value = JSONValue.object([("tên", .string("Sở \"Nội vụ\"\\\n\t\r\u{1}\u{1F}ễ")), ("n", .int(-3)),
                                      ("x", .number(98.5)), ("bad", .number(.nan)), ("list", .array([])), ("o", .object([]))])
        XCTAssertEqual(value.render(), """
            {
              "tên": "Sở \\"Nội vụ\\"\\\\\\n\\t\\r\\u0001\\u001fễ",
              "n": -3,
              "x": 98.5,
              "bad": null,
              "list": [],
              "o": {}
            }

            """)
    }

    func testRoundTripsThroughFoundationsParser() throws {
        let text = "a\u{0}b\u{7F}c 😀 đúng hạn \\ \"q\""
        let rendered = JSONValue.array([.string(text), .bool(true), .null]).render()
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [Any])
        XCTAssertEqual(parsed[0] as? String, text)
        XCTAssertEqual(parsed[1] as? Bool, true)
        XCTAssertTrue(parsed[2] is NSNull)
    }
}
