import Common

/// Row numbers after dropping: local row `r` of a chunk whose first kept row lands at `base`.
struct RowShift {
    let base: Int
    let drops: [Int]

    /// The new row of local row `r`, nil if it was dropped.
    func row(_ r: Int) -> Int? {
        guard !drops.isEmpty else { return base + r }
        var lo = 0, hi = drops.count  // drops before r
        while lo < hi {
            let mid = (lo + hi) / 2
            if drops[mid] < r { lo = mid + 1 } else { hi = mid }
        }
        if lo < drops.count && drops[lo] == r { return nil }
        return base + r - lo
    }

    /// One shift per chunk, in order.
    static func all(_ drops: [[Int]], counts: [Int]) -> [RowShift] {
        var base = 0
        return counts.indices.map { c in
            defer { base += counts[c] - drops[c].count }
            return RowShift(base: base, drops: drops[c])
        }
    }
}

/// Extra columns across chunks, matched by name; a column that no kept row has is dropped, and the rest are
/// sorted by name so the order never depends on which file named them first.
enum ExtraMerge {
    static func columns(_ chunks: [ReadChunk], _ plan: MergePlan) -> [(name: String, column: StringColumn)] {
        let n = plan.rows
        var names: [String] = []
        var index: [String: Int] = [:]
        for chunk in chunks {
            for name in chunk.ingest.extraNames where index[name] == nil {
                index[name] = names.count
                names.append(name)
            }
        }
        guard !names.isEmpty else { return [] }
        var columns: [(name: String, column: StringColumn)] = []
        for (g, name) in names.enumerated() {
            var offsets = [Int64](repeating: 0, count: n), lengths = [Int32](repeating: -1, count: n)
            var bytes: [UInt8] = []
            var any = false
            for (c, chunk) in chunks.enumerated() {
                guard let k = chunk.ingest.extraNames.firstIndex(where: { index[$0] == g }),
                      k < chunk.ingest.cols.extras.count else { continue }
                let e = chunk.ingest.cols.extras[k]
                for i in 0..<e.rows.count {
                    guard let r = plan.row(c, Int(e.rows[i])) else { continue }
                    offsets[r] = Int64(bytes.count)
                    lengths[r] = e.values.lengths[i]
                    e.values.withValue(i) { bytes.append(contentsOf: $0) }
                    any = true
                }
            }
            if any { columns.append((name, StringColumn(bytes: Column(bytes), offsets: Column(offsets), lengths: Column(lengths)))) }
        }
        return columns.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }
}
