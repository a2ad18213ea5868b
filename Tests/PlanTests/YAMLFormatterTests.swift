import Foundation
import LocatedYAML
import XCTest

/// `parcheck fmt`'s formatter: layout normalised, content never changed, and formatting twice changes nothing.
final class YAMLFormatterTests: XCTestCase {
    func format(_ text: String) throws -> String {
        try YAMLFormatter.format(text, file: "plan.yaml").get()
    }

    func testIndentationSpacingAndBlankLinesAreNormalised() throws {
        let ugly = "parcheck: plan/1   \r\nid:    x\n\n\n\n# areas\nareas:\n- id: a\n  title: A   # kept\n-   id: b\n"
            + "    title: >\n       folded text\n       more\n    list:\n        - 1\n        -    2\ntargets:\n"
            + "    # the first\n    - {id: t,   area: a}\n    - id: u\n      measure:\n            metric: on_time_rate\n\n\n"
        XCTAssertEqual(try format(ugly), """
            parcheck: plan/1
            id: x

            # areas
            areas:
              - id: a
                title: A   # kept
              - id: b
                title: >
                   folded text
                   more
                list:
                  - 1
                  - 2
            targets:
              # the first
              - {id: t,   area: a}
              - id: u
                measure:
                  metric: on_time_rate

            """)
    }

    func testBlockScalarWhitespaceIsContentAndKept() throws {
        let text = "script: |\n    a  \n\n\n    b\nnext: 1\n"
        let formatted = try format(text)
        let before = try XCTUnwrap(YAMLParser.parse(text, file: "a").get())
        let after = try XCTUnwrap(YAMLParser.parse(formatted, file: "a").get())
        XCTAssertEqual(after["script"]?.scalar, "a  \n\n\nb\n")
        XCTAssertTrue(YAMLFormatter.sameContent(before, after))
    }

    func testAParseErrorIsLocated() {
        guard case .failure(let d) = YAMLFormatter.format("a: [1, 2\nb: 3\n", file: "bad.yaml") else {
            return XCTFail("a broken flow sequence must not format")
        }
        XCTAssertEqual(d.code, "yaml-syntax")
        XCTAssertEqual(d.location.file, "bad.yaml")
        XCTAssertGreaterThanOrEqual(d.location.line, 1)
    }

    /// Every YAML file of the repository (plans, layers, rule tests, coverage, example units) keeps its content
    /// under formatting, and a second formatting changes nothing.
    func testEveryRepositoryYAMLFileKeepsItsContentAndFormatsIdempotently() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        var checked = 0
        for dir in ["Rules", "Examples"] {
            let base = root.appendingPathComponent(dir).resolvingSymlinksInPath()
            let names = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") && !name.contains("dossiers") {
                let text = try String(contentsOf: base.appendingPathComponent(name), encoding: .utf8)
                let once = try format(text)
                XCTAssertEqual(try format(once), once, "\(dir)/\(name): not idempotent")
                let a = try YAMLParser.parse(text, file: name).get(), b = try YAMLParser.parse(once, file: name).get()
                XCTAssertTrue(YAMLFormatter.sameContent(a, b), "\(dir)/\(name): content changed")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 25)
    }
}
