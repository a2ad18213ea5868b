/// Sorting violation rows by dossier id, byte-wise (the contract's order for every violation list).
///
/// Why by hand: comparing ids through `StringColumn.compare` for every pair was the cost of the metrics on
/// large files; here each row gets a key of its id's first 16 bytes (big-endian, so integer order is byte
/// order) and only rows whose keys tie compare their full ids. Lists already in id order (ids issued in file
/// order) are recognised in one pass.
enum ViolationOrder {
    static func sorted(_ rows: [Int32], by ids: StringColumn) -> [Int32] {
        if isSorted(rows, ids) { return rows }
        var keyed = rows.map { row -> (UInt64, UInt64, Int32) in
            let (a, b) = prefix(ids.span(Int(row)))
            return (a, b, row)
        }
        keyed.sort { x, y in
            if x.0 != y.0 { return x.0 < y.0 }
            if x.1 != y.1 { return x.1 < y.1 }
            return ids.compare(Int(x.2), Int(y.2)) < 0
        }
        return keyed.map(\.2)
    }

    private static func isSorted(_ rows: [Int32], _ ids: StringColumn) -> Bool {
        var i = 1
        while i < rows.count {
            if ids.compare(Int(rows[i - 1]), Int(rows[i])) > 0 { return false }
            i += 1
        }
        return true
    }

    /// The first 16 bytes, zero-padded, as two big-endian words; an absent id sorts first.
    private static func prefix(_ s: UnsafeRawBufferPointer?) -> (UInt64, UInt64) {
        guard let s else { return (0, 0) }
        var a: UInt64 = 0, b: UInt64 = 0
        for i in 0..<8 { a = a << 8 | UInt64(i < s.count ? s[i] : 0) }
        for i in 8..<16 { b = b << 8 | UInt64(i < s.count ? s[i] : 0) }
        return (a, b)
    }
}
