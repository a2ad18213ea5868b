import Common

/// Reads a dossier CSV file into the ingest: header row, then one record per row.
enum CSVDossiers {
    /// Reads `bytes` (the whole file) as dossier records; a diagnostic when the header itself cannot be read.
    static func read(_ bytes: [UInt8], path: String, into ingest: inout DossierIngest) -> Diagnostic? {
        var bytes = bytes
        ingest.beginFile(path, indexed: false, expectedRecords: bytes.count / 100)
        return bytes.withUnsafeMutableBytes { buffer -> Diagnostic? in
            var scanner = CSVScanner(buffer)
            var spans: [Span] = []
            guard let header = scanner.next(into: &spans) else { return nil }  // empty file: no records
            if let error = header.error {
                return Diagnostic(SourceLocation(file: path, line: header.line), code: "csv-header",
                                  "the header row cannot be read: \(error)")
            }
            let names = spans.map { String(decoding: UnsafeRawBufferPointer(rebasing: buffer[$0.start..<($0.start + $0.count)]),
                                                as: UTF8.self) }
            let slots = names.map { ingest.slot(named: $0) }
            let idColumn = names.firstIndex(of: "id")
            let ro = UnsafeRawBufferPointer(buffer)
            while let record = scanner.next(into: &spans) {
                func idValue(before limit: Int) -> String? {
                    guard let c = idColumn, c < limit, c < spans.count else { return nil }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: ro[spans[c].start..<(spans[c].start + spans[c].count)]),
                                  as: UTF8.self)
                }
                if let error = record.error {
                    ingest.reject(line: record.line, code: "csv-quote", reason: "CSV quoting: \(error)",
                                  id: idValue(before: spans.count))
                } else if spans.count != slots.count {
                    let what = spans.count < slots.count ? "fewer" : "more"
                    ingest.reject(line: record.line, code: "csv-shape",
                                  reason: "the row has \(spans.count) fields, \(what) than the header's \(slots.count)",
                                  id: idValue(before: spans.count))
                } else {
                    ingest.add(slots: slots, spans: spans, buffer: ro, line: record.line)
                }
            }
            return nil
        }
    }
}
