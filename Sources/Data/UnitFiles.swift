import Common
import LocatedYAML

/// Reads unit files: YAML, JSON (same shapes) and wide CSV.
enum UnitFiles {
    /// Reads one units file by its extension; a diagnostic when the file as a whole cannot be read.
    static func read(_ bytes: [UInt8], path: String, into ingest: inout UnitIngest) -> Diagnostic? {
        switch DataLoader.fileExtension(path) {
        case "yaml", "yml":
            switch YAMLParser.parse(bytes: bytes, file: path) {
            case .failure(let d): return d
            case .success(let root): return UnitTree.read(root, into: &ingest)
            }
        case "json":
            return bytes.withUnsafeBytes { buffer -> Diagnostic? in
                let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
                var reader = JSONReader(buffer, from: start)
                do throws(JSONError) {
                    if reader.peek() == 0 { return nil }
                    let (line, column) = (reader.line, reader.column)
                    let value = try reader.value()
                    guard reader.peek() == 0 else { throw reader.error("text after the JSON value") }
                    return UnitTree.read(node(value, path, line, column), into: &ingest)
                } catch {
                    return Diagnostic(SourceLocation(file: path, line: error.line, column: error.column), code: "bad-json",
                                      "malformed JSON: \(error.message)")
                }
            }
        default:
            return UnitCSV.read(bytes, path: path, into: &ingest)
        }
    }

    /// A JSON value as a located YAML node: strings are quoted scalars, numbers and bools plain ones, null is `null`.
    static func node(_ value: JSONValue, _ file: String, _ line: Int, _ column: Int) -> YAMLNode {
        let at = SourceLocation(file: file, line: line, column: column)
        switch value {
        case .string(let s): return YAMLNode(kind: .scalar(s, quoted: true), location: at)
        case .number(let s): return YAMLNode(kind: .scalar(s, quoted: false), location: at)
        case .bool(let b): return YAMLNode(kind: .scalar(b ? "true" : "false", quoted: false), location: at)
        case .null: return YAMLNode(kind: .scalar("null", quoted: false), location: at)
        case .array(let items):
            return YAMLNode(kind: .sequence(items.map { node($0.value, file, $0.line, $0.column) }), location: at)
        case .object(let members):
            return YAMLNode(kind: .mapping(members.map { m in
                let key = YAMLNode(kind: .scalar(m.key, quoted: true), location: SourceLocation(file: file, line: m.line, column: m.column))
                return YAMLPair(key: key, value: node(m.value, file, m.line, m.column))
            }), location: at)
        }
    }
}
