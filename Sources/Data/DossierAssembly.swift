import Common

/// Turns the chunks of all dossier files into the data set's dossier parts, exactly as one sequential reading
/// would: the duplicate-id rule across everything, then rejections in reading order, quality issues, the store.
enum DossierAssembly {
    struct Parts {
        var store: DossierStore
        var rejected: [Rejection]
        var quality: [QualityIssue]
        var read: Int
    }

    static func assemble(_ chunks: [ReadChunk], files: [String], fileIsIndexed: [Bool], unitCount: Int,
                         workers: Int) -> Parts {
        var set = ChunkSet(chunks, files: files, fileIsIndexed: fileIsIndexed)
        let claims = set.chunks.map { $0.ingest.claims }
        for c in set.chunks.indices { set.chunks[c].ingest.claims = ClaimBuckets(empty: ()) }
        let duplicates = IdDedupe.duplicates(claims, bases: set.bases, workers: workers) { [set] in set.key($0) }
        let drops = set.applyDuplicates(duplicates)
        Timings.mark("load: duplicate ids")
        var rejected: [Rejection] = []
        for chunk in set.chunks {
            for p in chunk.ingest.pending {
                rejected.append(Rejection(location: SourceLocation(file: files[chunk.file], line: chunk.lineBase + p.line,
                                                                   isRecordIndex: fileIsIndexed[chunk.file]),
                                          fields: p.problems.fields, reason: p.problems.clauses.joined(separator: "; "),
                                          code: p.problems.code ?? "bad-value", id: p.id))
            }
        }
        let pendingQuality = set.chunks.indices.map { set.chunks[$0].ingest.quality }
        let read = set.records
        let (store, plan) = StoreMerge.store(&set, drops: drops, unitCount: unitCount, workers: workers)
        Timings.mark("load: rejections + store merge")
        var quality: [QualityIssue] = []
        for (c, list) in pendingQuality.enumerated() {
            for q in list {
                guard let row = plan.row(c, q.row) else { continue }
                quality.append(QualityIssue(row: row, dossierId: store.ids.string(row) ?? "", kind: q.kind,
                                            location: store.location(row)))
            }
        }
        Timings.mark("load: quality")
        return Parts(store: store, rejected: rejected, quality: quality, read: read)
    }
}
