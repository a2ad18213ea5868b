import Foundation
import LocatedYAML
import XCTest

/// The coverage table in Rules/README.md is Rules/coverage.yaml rendered by scripts/coverage-table.py; a stale
/// table fails here, so the document a reader checks line by line never drifts from the checked data.
final class CoverageTableTests: XCTestCase {
    /// Same rendering as the script: whitespace folded, pipes escaped.
    static func cell(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }

    static func expectedRows() throws -> [String] {
        let path = Fixture.root + "/Rules/coverage.yaml"
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let entries = try XCTUnwrap(try YAMLParser.parse(bytes: Array(bytes), file: path).get()?.sequence)
        var rows = ["| document | section | kind | text | encoded by |", "|---|---|---|---|---|"]
        for e in entries {
            let by: String
            if let ids = e["encoded_by"]?.sequence {
                by = ids.map { "`\($0.scalar ?? "")`" }.joined(separator: ", ")
            } else {
                by = "manual: " + cell(e["reason"]?.scalar ?? "")
            }
            let fields = ["document", "section"].map { cell(e[$0]?.scalar ?? "") }
            rows.append("| \(fields[0]) | \(fields[1]) | \(e["kind"]?.scalar ?? "") | \(cell(e["text"]?.scalar ?? "")) | \(by) |")
        }
        return rows
    }

    func testReadmeTableMatchesCoverageYAML() throws {
        let readme = try String(contentsOfFile: Fixture.root + "/Rules/README.md", encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "<!-- coverage:start -->\n"))
        let end = try XCTUnwrap(readme.range(of: "\n<!-- coverage:end -->"))
        let table = readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
        let expected = try Self.expectedRows()
        XCTAssertGreaterThan(expected.count, 400)
        for (i, (got, want)) in zip(table, expected).enumerated() where got != want {
            return XCTFail("row \(i) differs; run python3 scripts/coverage-table.py\n got: \(got)\nwant: \(want)")
        }
        XCTAssertEqual(table.count, expected.count, "run python3 scripts/coverage-table.py")
    }
}
