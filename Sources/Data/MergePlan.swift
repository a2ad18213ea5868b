/// How the chunks' columns become store columns: every kept row scattered to its place in unit order (rows of a
/// unit together, in reading order), each column at once into new memory; a file's sink column is released as
/// soon as it has been read.
///
/// Why unit order: a check reads one unit's dossiers at a time. With rows in reading order a unit's rows lie ~150
/// rows apart, and every field a Lua check read was a cache miss (half the time of a per-dossier check, profiled);
/// grouped, a unit's rows are contiguous in every column. Nothing shown depends on row numbers (locations, ids
/// and sorted lists are), so the order is free to choose.
struct MergePlan {
    let chunks: [ChunkColumns]
    let drops: [[Int]]
    let rows: Int
    /// Kept row (reading order, duplicates dropped) → store row.
    let destination: [Int32]
    /// Per chunk, its rows' kept indices (reading order).
    let shifts: [RowShift]
    /// Store rows of unit u are `unitStarts[u] ..< unitStarts[u + 1]`.
    let unitStarts: [Int]

    init(chunks: [ChunkColumns], drops: [[Int]], unitCount: Int, workers: Int = 1) {
        self.chunks = chunks
        self.drops = drops
        shifts = RowShift.all(drops, counts: chunks.map(\.count))
        rows = chunks.indices.reduce(0) { $0 + chunks[$1].count - drops[$1].count }
        // Counting sort of the kept rows by unit (stable: reading order within a unit), chunk by chunk on the
        // workers: each chunk counts its units, then writes its rows from where earlier chunks left off.
        let units = chunks.map(\.unit)
        let counts = Parallel.map(chunks.count, workers: workers) { c -> [Int] in
            var n = [Int](repeating: 0, count: unitCount)
            Self.eachKept(units[c], drops[c]) { u in n[Int(u)] += 1 }
            return n
        }
        var starts = [Int](repeating: 0, count: unitCount + 1)
        for n in counts { for u in 0..<unitCount { starts[u + 1] += n[u] } }
        for u in 0..<unitCount { starts[u + 1] += starts[u] }
        unitStarts = starts
        var next = [[Int]]()  // per chunk, where its next row of each unit goes
        next.reserveCapacity(chunks.count)
        var running = Array(starts.dropLast())
        for n in counts {
            next.append(running)
            for u in 0..<unitCount { running[u] += n[u] }
        }
        let shifts = self.shifts, total = rows
        destination = [Int32](unsafeUninitializedCapacity: total) { dest, initialized in
            guard let out = dest.baseAddress else { return }
            Parallel.forEach(chunks.count, workers: workers) { c in
                var at = next[c], k = shifts[c].base
                Self.eachKept(units[c], drops[c]) { u in
                    (out + k).initialize(to: Int32(at[Int(u)]))
                    at[Int(u)] += 1
                    k += 1
                }
            }
            initialized = total
        }
    }

    /// Calls `body` with every value of a chunk's `buffer` that is kept (its local row not in the sorted `drops`).
    @inline(__always)
    static func eachKept<T>(_ buffer: GrowBuffer<T>, _ drops: [Int], _ body: (T) -> Void) {
        var d = 0
        for i in 0..<buffer.count {
            if d < drops.count && drops[d] == i { d += 1; continue }
            body(buffer[i])
        }
    }

    /// The store row of local row `r` of chunk `c`, nil if it was dropped.
    func row(_ c: Int, _ r: Int) -> Int? { shifts[c].row(r).map { Int(destination[$0]) } }

    /// One column from the chunks' buffers, each value of chunk c passed through `adjust(c, value)`; the
    /// buffers' sink memory is released after unless `release` is false.
    @inline(__always)
    func merge<T, U>(_ buffers: [GrowBuffer<T>], release: Bool = true, _ adjust: (Int, T) -> U) -> Column<U> {
        let bytes = max(1, rows) * MemoryLayout<U>.stride
        let out = PageMemory.reserve(bytes: bytes).bindMemory(to: U.self, capacity: max(1, rows))
        destination.withUnsafeBufferPointer { dest in
            var k = 0
            for (c, b) in buffers.enumerated() {
                let skip = drops[c]
                var d = 0
                for i in 0..<b.count {  // eachKept's loop, written out: the hottest loop of the merge
                    if d < skip.count && skip[d] == i { d += 1; continue }
                    (out + Int(dest[k])).initialize(to: adjust(c, b[i]))
                    k += 1
                }
            }
        }
        if release { for b in buffers { b.sinkColumn?.release() } }
        return Column(adoptingPages: out, count: rows, mappedBytes: bytes)
    }

    /// `merge` without a change of value.
    func merge<T>(_ buffers: [GrowBuffer<T>]) -> Column<T> { merge(buffers) { $1 } }

    /// Date column `k` (received, due, resolved, closed): days, and the time of day if any chunk had a time
    /// (chunks without one then read date-only).
    func dates(_ k: Int) -> DateColumn {
        let stamps: [StampColumn] = chunks.map { c in [c.received, c.due, c.resolved, c.closed][k] }
        let days = merge(stamps.map(\.days))
        var fractions: [Int32: String] = [:]
        for (c, s) in stamps.enumerated() {
            for (local, f) in s.fractions { if let r = row(c, Int(local)) { fractions[Int32(r)] = f } }
        }
        guard stamps.contains(where: { !$0.timed.isEmpty }) else {
            return DateColumn(days: days, timeOfDay: nil, fractions: fractions)
        }
        // Dense in the store: date-only everywhere, then each chunk's timed rows where they went.
        let bytes = max(1, rows) * MemoryLayout<Int32>.stride
        let out = PageMemory.reserve(bytes: bytes).bindMemory(to: Int32.self, capacity: max(1, rows))
        out.initialize(repeating: DateColumn.dateOnly, count: rows)
        for (c, s) in stamps.enumerated() {
            for t in s.timed.buffer { if let r = row(c, Int(t.row)) { out[r] = t.seconds } }
        }
        return DateColumn(days: days, timeOfDay: Column(adoptingPages: out, count: rows, mappedBytes: bytes),
                          fractions: fractions)
    }
}
