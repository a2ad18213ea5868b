import Common

/// Reads dossier records from JSON (an array of objects; locations are record indices) and JSON Lines
/// (one object per line; locations are physical lines, blank lines skipped).
enum JSONDossiers {
    /// Reads a JSON array file; a diagnostic when the document is malformed or not an array. A file with no
    /// value at all (0 bytes, only spaces) holds no records, like an empty CSV, JSON Lines or YAML file.
    static func readArray(_ file: FileBytes, path: String, into ingest: inout ChunkIngest) -> Diagnostic? {
        let buffer = file.bytes
        var reader = JSONReader(buffer, from: file.bomLength)
        var record = KeyedRecord()
        do throws(JSONError) {
            if reader.peek() == 0, reader.p == buffer.count { return nil }  // (peek also gives 0 for a NUL byte)
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

    /// Reads a JSON Lines file in chunks of whole lines, in parallel (a JSON text never holds a raw line feed, so
    /// every line feed is a record boundary); a malformed line is a rejected record, never a file error.
    /// Returns the chunks, or the offset of the first byte that is not UTF-8.
    static func readLines(_ file: FileBytes, fileIndex: Int, env: IngestEnv, prototype: ChunkIngest,
                          options: LoadOptions) -> (chunks: [ReadChunk], invalidByte: Int?) {
        let b = file.bytes
        let bounds = CSVChunks.boundaries(b, from: file.bomLength, chunkBytes: options.chunkBytes)
        let count = bounds.count - 1
        let scans = Parallel.map(count, workers: options.workers) { UTF8Check.scan(b, from: bounds[$0], to: bounds[$0 + 1]) }
        if let bad = scans.compactMap(\.invalid).min() { return ([], bad) }
        var starts = [0]
        for s in scans { starts.append(starts[starts.count - 1] + s.lineFeeds + 1) }
        let sink = RowSink(capacity: starts[count])
        let read = Parallel.map(count, workers: options.workers) { k -> (ChunkIngest, Int) in
            var ingest = prototype.fresh(window: RowWindow(sink: sink, start: starts[k], capacity: starts[k + 1] - starts[k]))
            let lines = readLines(b, from: bounds[k], to: bounds[k + 1], into: &ingest)
            file.release(from: bounds[k], to: bounds[k + 1])
            return (ingest, lines)
        }
        var line = 1
        return (read.map { ingest, lines in
            defer { line += lines }
            return ReadChunk(file: fileIndex, lineBase: line, ingest: ingest)
        }, nil)
    }

    /// Reads the lines of `from..<to` (relative line numbers from 0); returns the number of line breaks passed.
    private static func readLines(_ buffer: UnsafeRawBufferPointer, from: Int, to: Int, into ingest: inout ChunkIngest) -> Int {
        var record = KeyedRecord()
        var lineStart = from
        var line = 0
        while lineStart < to {
            var end = lineStart
            while end < to, buffer[end] != 0x0A { end += 1 }
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
            if end < to { line += 1 }
            lineStart = end + 1
        }
        return line
    }

    /// Hands one JSON value to the ingest as a record, or rejects it if it is not an object.
    private static func submit(_ value: JSONValue, index: Int, what: String, _ record: inout KeyedRecord,
                               _ ingest: inout ChunkIngest) {
        guard case .object(let members) = value else {
            ingest.reject(line: index, code: "not-a-record", reason: "\(what) is not a JSON object", id: nil)
            return
        }
        for m in members { record.add(key: m.key, text: m.value.scalarText, ingest: &ingest) }
        record.submit(line: index, ingest: &ingest)
    }
}
