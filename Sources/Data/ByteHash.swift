import Foundation

/// Hashing of raw byte strings. Swift's `Hasher` over a `String` per value was the largest single cost of
/// loading (profiled: String creation plus SipHash per id and unit id); this hashes the bytes in place.
/// The seed is random per process so crafted ids cannot force collisions; nothing any output contains depends
/// on hash values (tables answer exact equality, codes are given in order of first appearance).
enum ByteHash {
    static let seed: UInt64 = UInt64.random(in: 1...UInt64.max)

    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let m = a.multipliedFullWidth(by: b)
        return m.high ^ m.low
    }

    /// 64-bit hash of `n` bytes at `p`. (Hot callers keep `seed` in a property: reading a static `let` costs
    /// a `swift_once` check per call, 1% of loading.)
    @inline(__always) static func hash(_ p: UnsafeRawPointer, _ n: Int, seed: UInt64 = ByteHash.seed) -> UInt64 {
        var h = seed ^ UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0xA076_1D64_78BD_642F)
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var k = 0
            while i + k < n { w |= UInt64(p.load(fromByteOffset: i + k, as: UInt8.self)) << (8 * UInt64(k)); k += 1 }
            h = mix(h ^ w, 0xE703_7ED1_A0B4_28DB)
        }
        return mix(h, 0x8EBC_6AF0_9C88_C6E3)
    }

    @inline(__always) static func hash(_ b: UnsafeRawBufferPointer, seed: UInt64 = ByteHash.seed) -> UInt64 {
        guard let p = b.baseAddress else { return hash(UnsafeRawPointer(bitPattern: 1)!, 0, seed: seed) }
        return hash(p, b.count, seed: seed)
    }
}

/// Distinct byte strings numbered 1, 2, … in order of first insertion (0 is kept for "absent"): the dictionary
/// of a coded column while a chunk is read, and the unit lookup. Open addressing; each slot holds 32 bits of
/// the hash and the code, so a probe touches one word; the bytes live in one growing buffer. A class holding
/// raw buffers: as a struct of arrays, the copy-on-write checks and closures per lookup were most of its cost.
final class ByteInterner: @unchecked Sendable {
    private let bytes = GrowBuffer<UInt8>()
    private let offsets = GrowBuffer<Int64>(), lengths = GrowBuffer<Int32>()
    private var table: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private let seed = ByteHash.seed

    init() {
        offsets.append(0)
        lengths.append(-1)
        mask = 63
        table = .allocate(capacity: mask + 1)
        table.initialize(repeating: 0, count: mask + 1)
    }

    deinit { table.deallocate() }

    /// Number of codes including the absent entry 0.
    var count: Int { lengths.count }

    /// The code of `value`, adding it if new.
    @inline(__always) func code(_ value: UnsafeRawBufferPointer) -> UInt32 {
        let h = ByteHash.hash(value, seed: seed)
        var i = Int(truncatingIfNeeded: h) & mask
        let tag = h >> 32
        while true {
            let slot = table[i]
            if slot == 0 { break }
            if slot >> 32 == tag && equals(Int(slot & 0xFFFF_FFFF), value) { return UInt32(slot & 0xFFFF_FFFF) }
            i = (i + 1) & mask
        }
        let c = UInt32(lengths.count)
        offsets.append(Int64(bytes.count))
        lengths.append(Int32(value.count))
        bytes.append(bytes: value)
        table[i] = tag << 32 | UInt64(c)
        if lengths.count * 2 > mask + 1 { grow() }
        return c
    }

    /// The code of `value` if present.
    @inline(__always) func find(_ value: UnsafeRawBufferPointer) -> UInt32? {
        let h = ByteHash.hash(value, seed: seed)
        var i = Int(truncatingIfNeeded: h) & mask
        let tag = h >> 32
        while true {
            let slot = table[i]
            if slot == 0 { return nil }
            if slot >> 32 == tag && equals(Int(slot & 0xFFFF_FFFF), value) { return UInt32(slot & 0xFFFF_FFFF) }
            i = (i + 1) & mask
        }
    }

    /// The bytes of code `c` (not 0), valid until the next insertion.
    @inline(__always) func value(_ c: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes.base + Int(offsets[c]), count: max(0, Int(lengths[c])))
    }

    @inline(__always) private func equals(_ c: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let n = Int(lengths[c])
        guard n == value.count else { return false }
        guard n > 0, let v = value.baseAddress else { return true }
        return memcmp(bytes.base + Int(offsets[c]), v, n) == 0
    }

    private func grow() {
        let size = (mask + 1) * 2
        let next = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        next.initialize(repeating: 0, count: size)
        for c in 1..<lengths.count {
            let h = ByteHash.hash(value(c), seed: seed)
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while next[i] != 0 { i = (i + 1) & (size - 1) }
            next[i] = (h >> 32) << 32 | UInt64(c)
        }
        table.deallocate()
        table = next
        mask = size - 1
    }

    /// The dictionary as a column (row = code; row 0 absent).
    func frozen() -> StringColumn {
        StringColumn(bytes: Column(Array(bytes.buffer)), offsets: Column(Array(offsets.buffer)),
                     lengths: Column(Array(lengths.buffer)))
    }
}
