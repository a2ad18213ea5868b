import Common

/// Reads a dossier CSV file: the header row, then the body in chunks (see `CSVChunks`).
enum CSVDossiers {
    /// The header row: its names, where the body starts and on which line, or why it cannot be read.
    private struct Header {
        var names: [String]
        var error: CSVScanner.QuoteError?
        var line: Int
        var bodyStart: Int
        var bodyLine: Int
    }

    /// The first record of the file; nil when there is none.
    private static func header(_ file: FileBytes) -> Header? {
        let b = file.bytes
        var scanner = CSVScanner(b, from: file.bomLength)
        let fields = GrowBuffer<UnsafeRawBufferPointer>()
        defer { scanner.release() }
        guard case .record(let row) = scanner.next(into: fields, limit: b.count, overrun: b.count) else { return nil }
        return Header(names: fields.buffer.map { String(decoding: $0, as: UTF8.self) }, error: row.error,
                      line: row.line, bodyStart: scanner.pos, bodyLine: 1 + scanner.line)
    }

    /// Pass 1 of the file's body (see `CSVChunks.survey`), when its header row can be read; `read` uses it.
    static func survey(_ file: FileBytes, options: LoadOptions) -> CSVChunks.Survey? {
        guard let header = header(file), header.error == nil else { return nil }
        return CSVChunks.survey(file.bytes, bodyStart: header.bodyStart, options: options)
    }

    /// The file's chunks, or a diagnostic when the file is not UTF-8 or its header cannot be read.
    static func read(_ file: FileBytes, path: String, fileIndex: Int, env: IngestEnv,
                     options: LoadOptions, survey: CSVChunks.Survey? = nil) -> Result<[ReadChunk], Diagnostic> {
        let b = file.bytes
        guard let header = header(file) else {
            // No header: no records, but the file must still be UTF-8.
            return validate(file, path, 0, b.count).map { .failure($0) } ?? .success([])
        }
        if let error = header.error {
            return .failure(validate(file, path, 0, b.count)
                ?? Diagnostic(SourceLocation(file: path, line: header.line + 1), code: "csv-header",
                              "the header row cannot be read: \(error.rawValue)"))
        }
        let bodyStart = header.bodyStart
        if let bad = validate(file, path, 0, bodyStart) { return .failure(bad) }
        let names = header.names
        var prototype = ChunkIngest(env: env)
        let slots = names.map { prototype.slot(named: $0) }
        let layout = CSVLayout(slots: slots, idColumn: names.firstIndex(of: "id"), actions: ColumnAction.plan(slots),
                               prototype: prototype)
        let read = CSVChunks.read(file, bodyStart: bodyStart, lineBase: header.bodyLine, layout: layout,
                                  fileIndex: fileIndex, options: options, survey: survey)
        if let bad = read.invalidByte { return .failure(file.badEncoding(at: bad, path: path)) }
        return .success(read.chunks)
    }

    private static func validate(_ file: FileBytes, _ path: String, _ from: Int, _ to: Int) -> Diagnostic? {
        UTF8Check.firstInvalid(file.bytes, from: from, to: to).map { file.badEncoding(at: $0, path: path) }
    }
}
