import CLibYAML
import Common

/// Turns libyaml's error state into a located `yaml-syntax` diagnostic.
enum ParserErrors {
    static func diagnostic(_ p: yaml_parser_t, buffer: UnsafeRawBufferPointer, file: String) -> Diagnostic {
        let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch p.error {
        case YAML_READER_ERROR:
            // Encoding errors carry a byte offset, not a mark.
            let (line, column) = position(ofByte: Int(p.problem_offset), in: buffer)
            var message = "\(problem) (not valid UTF-8 text)"
            if p.problem_value >= 0 { message = "\(problem) (byte 0x\(String(p.problem_value, radix: 16)); not valid UTF-8 text)" }
            return Diagnostic(SourceLocation(file: file, line: line, column: column), code: "yaml-syntax", message)
        case YAML_MEMORY_ERROR:
            return Diagnostic(SourceLocation(file: file, line: 1), code: "yaml-syntax", "out of memory while parsing YAML")
        default:
            let mark = p.problem_mark
            var message = problem
            if let context = p.context.map({ String(cString: $0) }) {
                let c = p.context_mark
                message += " (\(context) at line \(c.line + 1), column \(c.column + 1))"
            }
            let at = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            return Diagnostic(at, code: "yaml-syntax", message)
        }
    }

    /// 1-based line and character column of a byte offset, counting like libyaml (CRLF is one break).
    static func position(ofByte offset: Int, in buffer: UnsafeRawBufferPointer) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, buffer.count)
        while i < end {
            let b = buffer[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= buffer.count || buffer[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1  // count characters, not continuation bytes
            }
            i += 1
        }
        return (line, column)
    }
}
