/// One fixed-size column of a `RowSink`.
final class SinkColumn<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    private let bytes: Int
    private var adopted = false

    init(capacity: Int) {
        bytes = max(1, capacity) * MemoryLayout<T>.stride
        base = PageMemory.reserve(bytes: bytes).bindMemory(to: T.self, capacity: max(1, capacity))
    }

    deinit { if !adopted { PageMemory.release(UnsafeMutableRawPointer(base), bytes: bytes) } }

    /// Gives the memory back now (once the rows were copied out); the windows must not be used after.
    func release() {
        guard !adopted else { return }
        adopted = true
        PageMemory.release(UnsafeMutableRawPointer(base), bytes: bytes)
    }

    /// A chunk's window: `capacity` rows from `start`.
    func window(_ start: Int, _ capacity: Int) -> GrowBuffer<T> { GrowBuffer(window: base + start, capacity: capacity, of: self) }

}

/// The rows of one CSV or JSON Lines file read in parallel: every fixed-size column reserved for the most rows
/// the file can hold (one per line start), each chunk writing its rows into its own window, and the windows
/// scattered into the store once every chunk is known (`MergePlan`). Only touched pages are ever backed.
final class RowSink: @unchecked Sendable {
    let capacity: Int
    let unit: SinkColumn<Int32>, lines: SinkColumn<Int32>
    let procedure: SinkColumn<UInt32>, field: SinkColumn<UInt32>
    let days: [SinkColumn<Int32>]
    let channel: SinkColumn<UInt8>, flags: SinkColumn<UInt8>, satisfaction: SinkColumn<UInt8>
    let idOffsets: SinkColumn<Int64>, idLengths: SinkColumn<Int32>

    init(capacity: Int) {
        self.capacity = capacity
        unit = SinkColumn(capacity: capacity); lines = SinkColumn(capacity: capacity)
        procedure = SinkColumn(capacity: capacity); field = SinkColumn(capacity: capacity)
        days = (0..<4).map { _ in SinkColumn(capacity: capacity) }
        channel = SinkColumn(capacity: capacity); flags = SinkColumn(capacity: capacity)
        satisfaction = SinkColumn(capacity: capacity)
        idOffsets = SinkColumn(capacity: capacity); idLengths = SinkColumn(capacity: capacity)
    }
}

/// Where a chunk writes its rows: its own buffers, or a window of a file's sink.
struct RowWindow {
    let sink: RowSink
    /// First row of the window in the sink, and how many rows it may hold.
    let start: Int, capacity: Int
}
