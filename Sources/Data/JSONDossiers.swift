import Common

/// Reads dossier records from JSON (an array of objects; locations are record indices) and JSON Lines
/// (one object per line; locations are physical lines, blank lines skipped).
enum JSONDossiers {
    /// Reads a JSON array file; a diagnostic when the document is malformed or not an array.
    static func readArray(_ bytes: [UInt8], path: String, into ingest: inout DossierIngest) -> Diagnostic? {
        ingest.beginFile(path, indexed: true)
        return bytes.withUnsafeBytes { buffer -> Diagnostic? in
            let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            var reader = JSONReader(buffer, from: start)
            var record = KeyedRecord()
            do throws(JSONError) {
                guard reader.peek() == UInt8(ascii: "[") else { throw reader.error("expected an array of dossier objects") }
                reader.p += 1
                var index = 0
                if reader.peek() == UInt8(ascii: "]") { reader.p += 1 } else {
                    while true {
                        index += 1
                        let value = try reader.value(depth: 1)
                        submit(value, index: index, what: "record \(index)", &record, &ingest)
                        if reader.peek() == UInt8(ascii: ",") { reader.p += 1; continue }
                        try reader.expect(UInt8(ascii: "]"), "',' or ']'")
                        break
                    }
                }
                guard reader.peek() == 0 else { throw reader.error("text after the end of the array") }
                return nil
            } catch {
                return Diagnostic(SourceLocation(file: path, line: error.line, column: error.column), code: "bad-json",
                                  "malformed JSON: \(error.message)")
            }
        }
    }

    /// Reads a JSON Lines file; a malformed line is a rejected record, never a file error.
    static func readLines(_ bytes: [UInt8], path: String, into ingest: inout DossierIngest) {
        ingest.beginFile(path, indexed: false, expectedRecords: bytes.count / 200)
        bytes.withUnsafeBytes { buffer in
            var record = KeyedRecord()
            var lineStart = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            var line = 1
            while lineStart < buffer.count {
                var end = lineStart
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                let slice = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<end])
                var reader = JSONReader(slice, line: line)
                if reader.peek() != 0 {  // not a blank line
                    do throws(JSONError) {
                        let value = try reader.value()
                        guard reader.peek() == 0 else { throw reader.error("text after the JSON value") }
                        submit(value, index: line, what: "the line", &record, &ingest)
                    } catch {
                        ingest.reject(line: line, code: "bad-json",
                                      reason: "not valid JSON: \(error.message) at column \(error.column)", id: nil)
                    }
                }
                lineStart = end + 1
                line += 1
            }
        }
    }

    /// Hands one JSON value to the ingest as a record, or rejects it if it is not an object.
    private static func submit(_ value: JSONValue, index: Int, what: String, _ record: inout KeyedRecord,
                               _ ingest: inout DossierIngest) {
        guard case .object(let members) = value else {
            ingest.reject(line: index, code: "not-a-record", reason: "\(what) is not a JSON object", id: nil)
            return
        }
        for m in members { record.add(key: m.key, text: m.value.scalarText, ingest: &ingest) }
        record.submit(line: index, ingest: &ingest)
    }
}
