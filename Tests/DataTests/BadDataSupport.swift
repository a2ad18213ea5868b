import Common
import Data
import XCTest

/// Helpers of the bad-data corpus: a directory with the fixture's two units and one hostile file, and the
/// assertions every case makes (nothing lost: read = accepted + rejected; located reasons; precise failures).
enum BadData {
    static let header = "id,unit_id,received_at,due_at,channel\n"
    static let good = "A1,U1,2025-01-02,2025-01-10,online\n"
    static let jsonFields = "\"unit_id\":\"U1\",\"received_at\":\"2025-01-02\",\"due_at\":\"2025-01-10\",\"channel\":\"online\""

    /// A JSON Lines record with `id` and `extra` (e.g. `,"satisfaction":5`) after the required fields.
    static func jsonl(_ id: String, _ extra: String = "") -> String { "{\"id\":\"\(id)\",\(jsonFields)\(extra)}" }

    /// UTF-16 bytes with a byte-order mark, as Excel's "Unicode Text" saves them.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += bigEndian ? [hi, lo] : [lo, hi]
        }
        return bytes
    }

    /// A YAML list whose aliases expand to 10^levels copies of one record ("billion laughs").
    static func laughs(_ key: String, levels: Int, record: String) -> String {
        var text = "\(key):\n  - &l0 \(record)\n"
        for i in 1...levels {
            text += "  - &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }
}

extension Fixture {
    /// Loads the directory expecting exactly one file-level error, and returns it as
    /// `file:line:col: error: code: message` with the directory shown as `D`.
    func onlyFailure(file: StaticString = #filePath, line: UInt = #line) -> String? {
        let diagnostics = failure(file: file, line: line)
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)", file: file, line: line)
        return diagnostics.first.map { "\($0)".replacingOccurrences(of: dir, with: "D") }
    }
}

extension DataSet {
    /// The rejections as `line code [fields] reason`, in order, for exact comparison.
    var rejectionLines: [String] {
        rejected.map { "\($0.location.line) \($0.code) \($0.fields) \($0.reason)" }
    }
}
