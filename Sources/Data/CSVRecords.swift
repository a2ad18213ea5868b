/// Memory for unescaped fields of the current record; blocks are kept until `reset`, so earlier fields of the
/// record stay valid when a later one needs a new block.
struct ScratchArena {
    private var blocks: [UnsafeMutablePointer<UInt8>] = []
    private var used = 0, capacity = 0

    mutating func reset() {
        guard blocks.count > 1 else { used = 0; return }
        for p in blocks.dropLast() { p.deallocate() }
        blocks = [blocks[blocks.count - 1]]
        used = 0
    }

    mutating func allocate(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if blocks.isEmpty || used + count > capacity {
            capacity = max(1 << 16, count)
            blocks.append(.allocate(capacity: capacity))
            used = 0
        }
        defer { used += count }
        return blocks[blocks.count - 1] + used
    }

    func free() { for p in blocks { p.deallocate() } }
}

/// A whole-file CSV reading with 1-based lines, for small files (units).
struct CSVRecords {
    private var scanner: CSVScanner
    private let count: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        scanner = CSVScanner(bytes, from: bom)
        count = bytes.count
    }

    struct Record {
        var line: Int
        var error: String?
    }

    /// The next record (its fields in `fields`, valid until the next call), nil at the end.
    mutating func next(into fields: inout [UnsafeRawBufferPointer]) -> Record? {
        let buffer = GrowBuffer<UnsafeRawBufferPointer>()
        defer { fields = Array(buffer.buffer) }
        guard case .record(let r) = scanner.next(into: buffer, limit: count, overrun: count) else {
            scanner.release()
            return nil
        }
        return Record(line: r.line + 1, error: r.error?.rawValue)
    }
}
