/// One record's claim on an id: 32 bits of the id's hash and the record's ordinal within its chunk.
struct Claim {
    var hash: UInt32
    var ordinal: UInt32
}

/// A chunk's claims split by the top bits of the hash, so each partition can be checked on its own.
struct ClaimBuckets {
    static let bits = 6
    static let count = 1 << bits
    var buckets: [GrowBuffer<Claim>] = (0..<ClaimBuckets.count).map { _ in GrowBuffer<Claim>() }

    init() {}

    /// No buckets at all (what a chunk keeps once its claims were handed over).
    init(empty: ()) { buckets = [] }

    mutating func reserve(_ n: Int) {
        guard n > 0 else { return }
        for b in buckets { b.reserve(n / ClaimBuckets.count + 16) }
    }

    @inline(__always) func add(_ h: UInt64, ordinal: Int) {
        buckets[Int(h >> UInt64(64 - ClaimBuckets.bits))].append(Claim(hash: UInt32(truncatingIfNeeded: h), ordinal: UInt32(ordinal)))
    }
}

/// The duplicate-id rule over the whole data set: a record whose id equals the id of any earlier record
/// (accepted or rejected) is a duplicate of the first one.
///
/// Why by hand: one `[String: Int64]` over two million ids was the largest cost of loading (a String and a
/// SipHash per id, and a table far bigger than the caches). Here the claims are split into partitions by hash
/// (each partition's table fits in cache) and the partitions are checked in parallel; within a partition
/// claims are visited in record order, so "earlier" means exactly what it did.
enum IdDedupe {
    /// Pairs (duplicate, first) of global record ordinals, sorted by the duplicate. `bases[c]` is the global
    /// ordinal of chunk `c`'s first record; `key(ordinal)` gives the bytes a claim's id compares by.
    static func duplicates(_ claims: [ClaimBuckets], bases: [Int], workers: Int,
                           key: (Int) -> [UInt8]) -> [(duplicate: Int, first: Int)] {
        let found = Parallel.map(ClaimBuckets.count, workers: workers) { p in
            partition(p, claims, bases, key)
        }
        return found.flatMap { $0 }.sorted { $0.duplicate < $1.duplicate }
    }

    private static func partition(_ p: Int, _ claims: [ClaimBuckets], _ bases: [Int],
                                  _ key: (Int) -> [UInt8]) -> [(duplicate: Int, first: Int)] {
        var total = 0
        for c in claims { total += c.buckets[p].count }
        guard total > 1 else { return [] }
        var size = 16
        while size < total * 2 { size <<= 1 }
        let mask = size - 1
        // Slot: hash in the high 32 bits, global ordinal + 1 in the low 32 (0 = empty).
        var table = [UInt64](repeating: 0, count: size)
        var out: [(duplicate: Int, first: Int)] = []
        for (c, chunk) in claims.enumerated() {
            for claim in chunk.buckets[p].buffer {
                let ordinal = bases[c] + Int(claim.ordinal)
                var i = Int(claim.hash &* 0x9E37_79B1) & mask
                while true {
                    let s = table[i]
                    if s == 0 {
                        table[i] = UInt64(claim.hash) << 32 | UInt64(ordinal + 1)
                        break
                    }
                    if UInt32(s >> 32) == claim.hash {
                        let first = Int(s & 0xFFFF_FFFF) - 1
                        if key(first) == key(ordinal) {
                            out.append((ordinal, first))
                            break
                        }
                    }
                    i = (i + 1) & mask
                }
            }
        }
        return out
    }
}
