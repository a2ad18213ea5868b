import XCTest
import Common
import LocatedYAML

/// The located YAML tree: shapes, 1-based positions, aliases and errors.
final class YAMLParserTests: XCTestCase {
    private func parse(_ text: String) throws -> YAMLNode {
        let node = try YAMLParser.parse(text, file: "t.yaml").get()
        return try XCTUnwrap(node)
    }

    private func failure(_ text: String) -> Diagnostic? {
        if case .failure(let d) = YAMLParser.parse(text, file: "t.yaml") { return d }
        return nil
    }

    func testNestedNodesCarryLineAndColumn() throws {
        let root = try parse("""
        id: x
        targets:
          - id: a
            measure: {metric: on_time_rate}
        """)
        XCTAssertEqual(root.location.description, "t.yaml:1:1")
        let target = try XCTUnwrap(root["targets"]?.sequence?.first)
        XCTAssertEqual(target.location.description, "t.yaml:3:5")
        XCTAssertEqual(target["id"]?.location.description, "t.yaml:3:9")
        let metric = try XCTUnwrap(target["measure"]?["metric"])
        XCTAssertEqual(metric.scalar, "on_time_rate")
        XCTAssertEqual(metric.location.description, "t.yaml:4:23")
        XCTAssertEqual(target["measure"]?.location.description, "t.yaml:4:14")
        let key = try XCTUnwrap(root.mapping?[1].key)
        XCTAssertEqual(key.scalar, "targets")
        XCTAssertEqual(key.location.line, 2)
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try parse("tên: Sở Nội vụ\nđơn_vị: {mã: x}\n")
        XCTAssertEqual(root["tên"]?.location.column, 6)
        XCTAssertEqual(root["đơn_vị"]?["mã"]?.location.description, "t.yaml:2:14")
    }

    func testQuotedAndPlainScalars() throws {
        let root = try parse("""
        a: 98%
        b: "98%"
        c: '2025'
        d: |
          text
        e: ~
        f:
        g: "null"
        """)
        XCTAssertEqual(root["a"]?.kind, .scalar("98%", quoted: false))
        XCTAssertEqual(root["b"]?.kind, .scalar("98%", quoted: true))
        XCTAssertEqual(root["c"]?.kind, .scalar("2025", quoted: true))
        XCTAssertEqual(root["d"]?.kind, .scalar("text\n", quoted: true))
        XCTAssertEqual(root["e"]?.isNull, true)
        XCTAssertEqual(root["f"]?.isNull, true)
        XCTAssertEqual(root["g"]?.isNull, false)
        XCTAssertEqual(root["a"]?.isPlainScalar, true)
    }

    func testAliasesAreExpandedAndLocatedAtTheAlias() throws {
        let root = try parse("""
        kinds: &loc [commune, ward]
        other: *loc
        base: &b {max: 10}
        area: *b
        """)
        let other = try XCTUnwrap(root["other"])
        XCTAssertEqual(other.sequence?.compactMap(\.scalar), ["commune", "ward"])
        XCTAssertEqual(other.location.description, "t.yaml:2:8")
        // Items inside the copy point at the anchored text, where they are written.
        XCTAssertEqual(other.sequence?[1].location.description, "t.yaml:1:23")
        XCTAssertEqual(root["area"]?["max"]?.scalar, "10")
    }

    func testDuplicateKeysAreKeptInOrder() throws {
        let root = try parse("a: 1\na: 2\n")
        XCTAssertEqual(root.mapping?.map { $0.value.scalar }, ["1", "2"])
        XCTAssertEqual(root["a"]?.scalar, "1")
    }

    func testSyntaxErrorHasLocation() throws {
        let d = try XCTUnwrap(failure("a: 1\nb: [1, 2\nc: 3\n"))
        XCTAssertEqual(d.code, "yaml-syntax")
        XCTAssertEqual(d.location.file, "t.yaml")
        XCTAssertEqual(d.location.line, 3)
        XCTAssertTrue(d.message.contains("while parsing a flow sequence"), d.message)

        let e = try XCTUnwrap(failure("a:\n  b: 1\n c: 2\n"))
        XCTAssertEqual(e.location.description, "t.yaml:3:2")
    }

    func testBadIndentationMappingValue() throws {
        let d = try XCTUnwrap(failure("title: a: b\n"))
        XCTAssertEqual(d.description, "t.yaml:1:9: error: yaml-syntax: mapping values are not allowed in this context")
    }

    func testInvalidUTF8IsLocated() throws {
        let bytes: [UInt8] = Array("a: ok\nb: x".utf8) + [0xFF] + Array("\n".utf8)
        guard case .failure(let d) = YAMLParser.parse(bytes: bytes, file: "u.yaml") else { return XCTFail("accepted") }
        XCTAssertEqual(d.code, "yaml-syntax")
        XCTAssertEqual(d.location.description, "u.yaml:2:5")
    }

    func testUnknownAliasAndMultipleDocuments() throws {
        let d = try XCTUnwrap(failure("a: *nope\n"))
        XCTAssertEqual(d.code, "yaml-syntax")
        XCTAssertEqual(d.location.description, "t.yaml:1:4")
        let m = try XCTUnwrap(failure("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(m.code, "yaml-multiple-documents")
        XCTAssertEqual(m.location.line, 2)
    }

    func testCRLFAndByteOrderMarkKeepPositions() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb:\r\n  c: x\r\n".utf8)
        let root = try XCTUnwrap(try YAMLParser.parse(bytes: bytes, file: "w.yaml").get())
        XCTAssertEqual(root["a"]?.location.description, "w.yaml:1:4")
        XCTAssertEqual(root["b"]?["c"]?.location.description, "w.yaml:3:6")
        XCTAssertEqual(root["b"]?["c"]?.scalar, "x")
    }

    func testEmptyDocumentsAreNil() throws {
        XCTAssertNil(try YAMLParser.parse("", file: "e.yaml").get())
        XCTAssertNil(try YAMLParser.parse("# only a comment\n", file: "e.yaml").get())
        XCTAssertNil(try YAMLParser.parse("---\n", file: "e.yaml").get())
    }

    func testAliasBombIsRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        XCTAssertEqual(failure(text)?.code, "yaml-alias-limit")
    }

    func testDeepNestingIsRefused() throws {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let d = try XCTUnwrap(failure(text))
        XCTAssertEqual(d.code, "yaml-too-deep")
        XCTAssertEqual(d.location.description, "t.yaml:1:513")
    }

    func testLargeSequenceBuildsInLinearTime() throws {
        var text = "items:\n"
        for i in 0..<50_000 { text += "  - {id: u\(i), n: \(i)}\n" }
        let start = ContinuousClock.now
        let root = try parse(text)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
        let items = try XCTUnwrap(root["items"]?.sequence)
        XCTAssertEqual(items.count, 50_000)
        XCTAssertEqual(items[49_999]["id"]?.location.description, "t.yaml:50001:10")
    }
}
