import Common

/// A chunk of a file read into rows and rejections, with the line its relative line numbers start from.
struct ReadChunk {
    /// Index of the file in the load's dossier file list.
    var file: Int
    /// Added to the chunk's relative lines: the physical line of the chunk's first byte, or 0 for record indices.
    var lineBase: Int
    var ingest: ChunkIngest
}

/// One scan of a byte range of a CSV body.
struct CSVPiece {
    var start: Int
    /// Where the scan stopped: the start of the first record at or after its limit, or of the record that ran
    /// past the overrun limit when `incomplete`.
    var end: Int
    /// Line breaks between `start` and `end`.
    var lineBreaks: Int
    var incomplete: Bool
    var ingest: ChunkIngest
}

/// How a CSV file's header maps columns, shared by all its chunks.
struct CSVLayout {
    var slots: [Slot]
    var idColumn: Int?
    /// The fast path's column actions, nil when every record needs the full checks.
    var actions: [ColumnAction]?
    /// An empty ingest that knows the file's extra columns; every chunk starts from a copy.
    var prototype: ChunkIngest
}

/// Splits a CSV body into chunks read in parallel, then stitches them into the exact sequential reading.
///
/// A chunk starts just after a line feed, a guess at a record boundary that a quoted field spanning lines can
/// make wrong. So chunks are read speculatively and checked in order: chunk k is kept only if the reading of
/// chunk k-1 stopped exactly where k starts; otherwise k is read again from where k-1 really stopped. A record
/// running far past its chunk (a huge quoted field, or a guess that started inside one) is left to that
/// sequential re-read, so speculative work stays bounded. Lines are counted per chunk and added up in order, so
/// every location, acceptance and rejection equals what one sequential scan gives, whatever the thread count.
enum CSVChunks {
    /// Pass 1 over a body: its chunks' bounds, each chunk's UTF-8 check and line feeds (which bound the rows
    /// the chunk can hold). Needs nothing but the bytes, so it can run while the units file is read.
    struct Survey {
        let bodyStart: Int
        let bounds: [Int]
        let scans: [(invalid: Int?, lineFeeds: Int)]
    }

    static func survey(_ b: UnsafeRawBufferPointer, bodyStart: Int, options: LoadOptions) -> Survey {
        let bounds = boundaries(b, from: bodyStart, chunkBytes: options.chunkBytes)
        let scans = Parallel.map(bounds.count - 1, workers: options.workers) {
            UTF8Check.scan(b, from: bounds[$0], to: bounds[$0 + 1])
        }
        return Survey(bodyStart: bodyStart, bounds: bounds, scans: scans)
    }

    static func read(_ file: FileBytes, bodyStart: Int, lineBase: Int, layout: CSVLayout, fileIndex: Int,
                     options: LoadOptions, survey given: Survey? = nil) -> (chunks: [ReadChunk], invalidByte: Int?) {
        let b = file.bytes
        let survey = given.flatMap { $0.bodyStart == bodyStart ? $0 : nil } ?? Self.survey(b, bodyStart: bodyStart, options: options)
        let bounds = survey.bounds, scans = survey.scans
        let count = bounds.count - 1
        if let bad = scans.compactMap(\.invalid).min() { return ([], bad) }
        var starts = [0]
        for s in scans { starts.append(starts[starts.count - 1] + s.lineFeeds + 1) }
        let sink = RowSink(capacity: starts[count])
        func window(_ k: Int, skipping used: Int = 0) -> RowWindow {
            RowWindow(sink: sink, start: starts[k] + used, capacity: starts[k + 1] - starts[k] - used)
        }
        // Pass 2: every chunk read speculatively, in parallel.
        let overrunSlack = options.overrunBytes
        let speculative = Parallel.map(count, workers: options.workers) { k -> CSVPiece in
            let (lo, hi) = (bounds[k], bounds[k + 1])
            let overrun = hi >= b.count ? b.count : min(b.count, hi + overrunSlack)
            let piece = scan(b, from: lo, limit: hi, overrun: overrun, layout, window(k), fast: options.fastPath)
            file.release(from: lo, to: piece.end)
            return piece
        }
        // Stitching, in order: keep a chunk that starts where the previous one stopped, else read it again.
        var pieces: [CSVPiece] = []
        var at = bodyStart
        for (k, piece) in speculative.enumerated() {
            let limit = bounds[k + 1]
            var p = piece.start == at ? piece : scan(b, from: at, limit: limit, overrun: b.count, layout, window(k), fast: options.fastPath)
            if p.incomplete {
                pieces.append(p)
                p = scan(b, from: p.end, limit: limit, overrun: b.count, layout, window(k, skipping: p.ingest.cols.count),
                         fast: options.fastPath)
            }
            pieces.append(p)
            at = p.end
        }
        var line = lineBase
        var chunks: [ReadChunk] = []
        for p in pieces {
            chunks.append(ReadChunk(file: fileIndex, lineBase: line, ingest: p.ingest))
            line += p.lineBreaks
        }
        return (chunks, nil)
    }

    /// `from`, then the position after the first line feed at or after each split point, then the end.
    static func boundaries(_ b: UnsafeRawBufferPointer, from start: Int, chunkBytes: Int) -> [Int] {
        let size = b.count - start
        let count = max(1, (size + chunkBytes - 1) / max(1, chunkBytes))
        var bounds = [start]
        for k in 1..<max(1, count) {
            var p = start + size / count * k
            while p < b.count, b[p] != 0x0A { p += 1 }
            p = min(b.count, p + 1)
            if p > bounds[bounds.count - 1] && p < b.count { bounds.append(p) }
        }
        bounds.append(b.count)
        return bounds
    }

    /// Reads the records starting in `from..<limit` (see `CSVScanner.next` for `overrun`).
    static func scan(_ b: UnsafeRawBufferPointer, from: Int, limit: Int, overrun: Int, _ layout: CSVLayout,
                     _ window: RowWindow, fast allowed: Bool) -> CSVPiece {
        var ingest = layout.prototype.fresh(window: window)
        ingest.writer = RowWriter(ingest.cols)
        ingest.claims.reserve(window.capacity)
        var scanner = CSVScanner(b, from: from)
        let fields = GrowBuffer<UnsafeRawBufferPointer>(capacity: layout.slots.count + 4)
        var incomplete = false
        let actions = layout.actions ?? []
        let fast = allowed && layout.actions != nil
        let refs = FastRefs(ingest)
        actions.withUnsafeBufferPointer { actions in
        layout.slots.withUnsafeBufferPointer { slots in
            loop: while true {
                switch scanner.next(into: fields, limit: limit, overrun: overrun) {
                case .end: break loop
                case .overrun: incomplete = true; break loop
                case .record(let r):
                    if let error = r.error {
                        ingest.reject(line: r.line, code: "csv-quote", reason: "CSV quoting: \(error.rawValue)",
                                      id: idValue(fields, layout.idColumn))
                    } else if fields.count != slots.count {
                        let what = fields.count < slots.count ? "fewer" : "more"
                        ingest.reject(line: r.line, code: "csv-shape",
                                      reason: "the row has \(fields.count) fields, \(what) than the header's \(slots.count)",
                                      id: idValue(fields, layout.idColumn))
                    } else if !fast || !ingest.addFast(actions, fields.buffer, line: r.line, refs) {
                        ingest.sync()
                        ingest.add(slots: slots, values: fields.buffer, line: r.line)
                        ingest.resume()
                    }
                }
            }
        }
        }
        scanner.release()
        withExtendedLifetime(ingest) { ingest.sync() }
        return CSVPiece(start: from, end: scanner.pos, lineBreaks: scanner.line, incomplete: incomplete, ingest: ingest)
    }

    /// The id column's value of a row that could not be read whole, if the row reached that column.
    private static func idValue(_ fields: GrowBuffer<UnsafeRawBufferPointer>, _ column: Int?) -> String? {
        guard let c = column, c < fields.count else { return nil }
        return String(decoding: fields[c], as: UTF8.self)
    }
}
