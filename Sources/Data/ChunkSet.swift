import Common

/// Every chunk of every dossier file, in reading order, and what the duplicate-id rule needs to see them as
/// one sequence of records: global ordinals and the id each claim was made with.
struct ChunkSet {
    var chunks: [ReadChunk]
    /// Global ordinal of each chunk's first record, plus the total at the end.
    let bases: [Int]
    let files: [String], fileIsIndexed: [Bool]

    init(_ chunks: [ReadChunk], files: [String], fileIsIndexed: [Bool]) {
        self.chunks = chunks
        self.files = files
        self.fileIsIndexed = fileIsIndexed
        var b = [0]
        for c in chunks { b.append(b[b.count - 1] + c.ingest.records) }
        bases = b
    }

    var records: Int { bases[bases.count - 1] }

    /// The chunk holding global ordinal `g`, and the local ordinal.
    func locate(_ g: Int) -> (chunk: Int, local: Int) {
        var lo = 0, hi = chunks.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if bases[mid] <= g { lo = mid } else { hi = mid - 1 }
        }
        return (lo, g - bases[lo])
    }

    /// What a local ordinal of chunk `c` is: a pending rejection (its index) or an accepted row.
    func record(_ c: Int, _ local: Int) -> (pending: Int?, row: Int) {
        let pending = chunks[c].ingest.pending
        var lo = 0, hi = pending.count  // first pending with ordinal >= local
        while lo < hi {
            let mid = (lo + hi) / 2
            if pending[mid].ordinal < local { lo = mid + 1 } else { hi = mid }
        }
        if lo < pending.count && pending[lo].ordinal == local { return (lo, -1) }
        return (nil, local - lo)
    }

    /// The bytes the id claimed by global ordinal `g` compares by (see `DossierKey`).
    func key(_ g: Int) -> [UInt8] {
        let (c, local) = locate(g)
        let r = record(c, local)
        if let p = r.pending {
            var id = chunks[c].ingest.pending[p].id ?? ""
            return id.withUTF8 { DossierKey.key(UnsafeRawBufferPointer($0)) }
        }
        return chunks[c].ingest.cols.ids.withValue(r.row) { DossierKey.key($0) }
    }

    /// The id text claimed by global ordinal `g`.
    func idText(_ g: Int) -> String {
        let (c, local) = locate(g)
        let r = record(c, local)
        if let p = r.pending { return chunks[c].ingest.pending[p].id ?? "" }
        return chunks[c].ingest.cols.ids.withValue(r.row) { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the record with global ordinal `g` is written.
    func location(_ g: Int) -> SourceLocation {
        let (c, local) = locate(g)
        let r = record(c, local)
        let chunk = chunks[c]
        let line = r.pending.map { chunk.ingest.pending[$0].line } ?? Int(chunk.ingest.cols.lines[r.row])
        return SourceLocation(file: files[chunk.file], line: chunk.lineBase + line, isRecordIndex: fileIsIndexed[chunk.file])
    }

    /// Applies the duplicate-id rule: an accepted duplicate becomes a rejection (its row is dropped, listed in
    /// the returned per-chunk drops); a rejected one gets the clause where the record's id check put it.
    mutating func applyDuplicates(_ duplicates: [(duplicate: Int, first: Int)]) -> [[Int]] {
        var drops = [[Int]](repeating: [], count: chunks.count)
        var added = [[PendingRejection]](repeating: [], count: chunks.count)
        for (dup, first) in duplicates {
            let (c, local) = locate(dup)
            let r = record(c, local)
            let id = idText(dup)
            let clause = "id \(id.withQuotedBytes()) was already used by the record at \(location(first))"
            if let p = r.pending {
                chunks[c].ingest.pending[p].insertDuplicate(clause)
            } else {
                var problems = Problems()
                problems.add("id", "duplicate-id", clause)
                drops[c].append(r.row)
                added[c].append(PendingRejection(ordinal: local, line: Int(chunks[c].ingest.cols.lines[r.row]),
                                                 problems: problems, id: id, idClaimAt: nil))
            }
        }
        for c in chunks.indices where !added[c].isEmpty {
            chunks[c].ingest.pending = (chunks[c].ingest.pending + added[c]).sorted { $0.ordinal < $1.ordinal }
        }
        return drops
    }
}

extension PendingRejection {
    /// Inserts the duplicate-id clause where the id check ran, as if the claim had failed right then.
    mutating func insertDuplicate(_ clause: String) {
        guard let at = idClaimAt else { return }
        problems.clauses.insert(clause, at: at.clause)
        if !problems.fields[..<at.field].contains("id") {
            problems.fields.removeAll { $0 == "id" }
            problems.fields.insert("id", at: at.field)
        }
        if at.clause == 0 { problems.code = "duplicate-id" }
        idClaimAt = nil
    }
}

extension String {
    /// The text as rejection messages show values: quoted, shortened to 60 characters.
    func withQuotedBytes() -> String {
        var s = self
        return s.withUTF8 { ValueParse.quoted(UnsafeRawBufferPointer($0)) }
    }
}
