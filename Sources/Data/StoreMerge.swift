import Common

/// Joins the chunks' rows into one `DossierStore` (see `MergePlan` for the row order). Dropped duplicates are
/// skipped; lines, id offsets and codes are adjusted on the way.
enum StoreMerge {
    /// The store, and the plan that says where each chunk row went (for quality issues).
    static func store(_ set: inout ChunkSet, drops: [[Int]], unitCount: Int, workers: Int) -> (DossierStore, MergePlan) {
        let readChunks = set.chunks
        let chunks = set.chunks.map(\.ingest.cols)
        set.chunks = []
        let plan = MergePlan(chunks: chunks, drops: drops, unitCount: unitCount, workers: workers)
        let procedure = Dictionaries.fold(chunks.map(\.procedureDict))
        let field = Dictionaries.fold(chunks.map(\.fieldDict))
        var idBases: [Int64] = []
        var idBase: Int64 = 0
        for cols in chunks {
            idBases.append(idBase)
            idBase += Int64(cols.ids.bytes.count)
        }
        let lineBases = readChunks.map { Int32(clamping: $0.lineBase) }
        let fileOf = readChunks.map { Int32($0.file) }
        // Codes through each chunk's map (identity where nil); the map is found per chunk, not per value.
        func codes(_ buffers: [GrowBuffer<UInt32>], _ maps: [[UInt32]?]) -> Column<UInt32> {
            let tables = maps.map { $0 ?? [] }
            return plan.merge(buffers) { c, v in tables[c].isEmpty ? v : tables[c][Int(v)] }
        }
        // Each column is scattered on its own (in parallel; each job writes only its own variable).
        var idBytes: Column<UInt8>?, offsets: Column<Int64>?, lengths: Column<Int32>?
        var procedureCodes: Column<UInt32>?, fieldCodes: Column<UInt32>?, unit: Column<Int32>?
        var channel: Column<UInt8>?, flags: Column<UInt8>?, satisfaction: Column<UInt8>?
        var lines: Column<Int32>?, files: Column<Int32>?
        var received: DateColumn?, due: DateColumn?, resolved: DateColumn?, closed: DateColumn?
        var extras: [(name: String, column: StringColumn)] = []
        let jobs: [() -> Void] = [
            { idBytes = Dictionaries.joinedBytes(chunks.map(\.ids.bytes)) },
            { offsets = plan.merge(chunks.map(\.ids.offsets)) { $1 + idBases[$0] } },
            { lengths = plan.merge(chunks.map(\.ids.lengths)) },
            { procedureCodes = codes(chunks.map(\.procedure), procedure.maps) },
            { fieldCodes = codes(chunks.map(\.field), field.maps) },
            { received = plan.dates(0) }, { due = plan.dates(1) }, { resolved = plan.dates(2) }, { closed = plan.dates(3) },
            {
                files = plan.merge(chunks.map(\.lines), release: false) { c, _ in fileOf[c] }
                lines = plan.merge(chunks.map(\.lines)) { $1 &+ lineBases[$0] }
            },
            { unit = plan.merge(chunks.map(\.unit)) }, { channel = plan.merge(chunks.map(\.channel)) },
            { flags = plan.merge(chunks.map(\.flags)) }, { satisfaction = plan.merge(chunks.map(\.satisfaction)) },
            { extras = ExtraMerge.columns(readChunks, plan) },
        ]
        Parallel.forEach(jobs.count, workers: workers) { jobs[$0]() }
        let store = DossierStore(count: plan.rows, ids: StringColumn(bytes: idBytes!, offsets: offsets!, lengths: lengths!),
                                 procedureId: CodedColumn(codes: procedureCodes!, values: procedure.values),
                                 field: CodedColumn(codes: fieldCodes!, values: field.values),
                                 unit: unit!, dates: [received!, due!, resolved!, closed!], channel: channel!, flags: flags!,
                                 satisfaction: satisfaction!, extras: extras, lines: lines!, fileOfRow: files!,
                                 files: set.files, fileIsIndexed: set.fileIsIndexed, unitStarts: plan.unitStarts)
        return (store, plan)
    }
}

/// The dictionaries of coded columns across chunks.
enum Dictionaries {
    /// One dictionary in chunk order (so codes never depend on the thread count) and each chunk's code map,
    /// nil where it is the identity.
    static func fold(_ dicts: [ByteInterner]) -> (values: StringColumn, maps: [[UInt32]?]) {
        let all = ByteInterner()
        var maps: [[UInt32]?] = []
        for d in dicts {
            var map: [UInt32] = [0]
            for k in 1..<max(1, d.count) { map.append(all.code(d.value(k))) }
            maps.append(map.indices.allSatisfy { map[$0] == UInt32($0) } ? nil : map)
        }
        return (all.frozen(), maps)
    }

    /// The chunks' id bytes back to back.
    static func joinedBytes(_ parts: [GrowBuffer<UInt8>]) -> Column<UInt8> {
        Column.build(count: parts.reduce(0) { $0 + $1.count }) { out in
            var at = 0
            for p in parts {
                if p.count > 0 { (out + at).initialize(from: p.base, count: p.count) }
                at += p.count
            }
        }
    }
}
