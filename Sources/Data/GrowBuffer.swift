import Foundation

/// An append-only buffer of plain values (no references): malloc'd and growable, or a fixed window of a
/// file's `RowSink` that a chunk writes its rows into.
///
/// Why not an Array: filling a chunk's ~20 columns made ~35 appends a row, and each Array append re-checks
/// that its storage is uniquely referenced (`swift_isUniquelyReferenced` was 6% of loading). A reference type
/// on purpose: a chunk owns its buffers and nothing copies them.
final class GrowBuffer<T>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var count = 0
    private var capacity: Int
    /// False for a window: the memory belongs to a sink, and the window never grows.
    private let owned: Bool
    /// The sink column a window belongs to.
    private(set) var sinkColumn: SinkColumn<T>?

    init(capacity: Int = 16) {
        self.capacity = max(16, capacity)
        base = UnsafeMutablePointer(OpaquePointer(malloc(self.capacity * MemoryLayout<T>.stride)!))
        owned = true
    }

    /// A window of `capacity` values at `base`, owned by someone else, that must never be exceeded.
    init(window base: UnsafeMutablePointer<T>, capacity: Int, of column: SinkColumn<T>) {
        self.base = base
        self.capacity = capacity
        owned = false
        sinkColumn = column
    }

    deinit { if owned { free(base) } }

    @inline(__always) func append(_ value: T) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Appends `n` copies of `value`.
    func append(repeating value: T, count n: Int) {
        if count + n > capacity { grow(count + n) }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Appends raw bytes (T must be UInt8).
    @inline(__always) func append(bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let src = bytes.baseAddress else { return }
        if count + n > capacity { grow(count + n) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: src, byteCount: n)
        count += n
    }

    func reserve(_ n: Int) { if n > capacity { grow(n) } }

    /// Declares the first `n` values written directly through `base` (a window filled by `RowWriter`).
    @inline(__always) func setCount(_ n: Int) {
        precondition(n <= capacity, "a chunk wrote more rows than its byte range can hold")
        count = n
    }

    /// Forgets the values from index `n` on (plain values: nothing to deinitialise).
    @inline(__always) func truncate(_ n: Int) { count = min(count, n) }

    /// Forgets the values (plain values: nothing to deinitialise), keeping the memory.
    @inline(__always) func clear() { count = 0 }

    private func grow(_ needed: Int) {
        // A window is sized for the most records its byte range can hold (one per line start).
        precondition(owned, "a chunk wrote more rows than its byte range can hold")
        capacity = max(needed, capacity * 2)
        base = UnsafeMutablePointer(OpaquePointer(realloc(base, capacity * MemoryLayout<T>.stride)!))
    }

    @inline(__always) subscript(_ i: Int) -> T {
        get { base[i] }
        set { base[i] = newValue }
    }

    var buffer: UnsafeBufferPointer<T> { UnsafeBufferPointer(start: base, count: count) }
    var isEmpty: Bool { count == 0 }
}
