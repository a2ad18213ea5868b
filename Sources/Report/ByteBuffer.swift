import Foundation

/// Growable bytes written through a raw pointer: what `JSONStream` writes into.
///
/// Why not `[UInt8]`: a province's result is written in some twenty small appends per finding line, and an
/// array checks that its storage is uniquely referenced and re-derives its capacity on each one (a fifth of
/// writing the result, perf on 2M dossiers). Large blocks grow with `realloc`, which remaps rather than copies.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always) func append(_ bytes: UnsafeRawPointer, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(n) }
        (base + count).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: n)
        count += n
    }

    func append(_ other: ByteBuffer) { append(other.base, count: other.count) }

    @inline(__always) func append(_ text: StaticString) { append(text.utf8Start, count: text.utf8CodeUnitCount) }

    /// `n` spaces.
    @inline(__always) func appendSpaces(_ n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(n) }
        (base + count).update(repeating: UInt8(ascii: " "), count: n)
        count += n
    }

    /// The bytes as an array (one copy).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private func grow(_ needed: Int) {
        capacity = max(count + needed, capacity * 2)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }
}
