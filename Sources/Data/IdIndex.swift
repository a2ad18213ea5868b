import Foundation

/// Accepted dossier ids to rows, built on first use (a finding that names a dossier), then shared by all
/// threads. Byte-keyed: a `[String: Int]` over two million ids took about half a second to build.
final class IdIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Int32] = []  // row + 1, 0 = empty; open addressing by ByteHash

    func row(of id: String, in ids: StringColumn) -> Int? {
        lock.lock()
        if slots.isEmpty && ids.count > 0 { build(ids) }
        lock.unlock()
        guard !slots.isEmpty else { return nil }
        var text = id
        return text.withUTF8 { key -> Int? in
            let b = UnsafeRawBufferPointer(key)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: ByteHash.hash(b)) & mask
            while slots[i] != 0 {
                let row = Int(slots[i]) - 1
                if let s = ids.span(row), compareBytes(s, b) == 0 { return row }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    private func build(_ ids: StringColumn) {
        var size = 16
        while size < ids.count * 2 { size <<= 1 }
        var table = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for row in 0..<ids.count {
            guard let s = ids.span(row) else { continue }
            var i = Int(truncatingIfNeeded: ByteHash.hash(s)) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = Int32(row + 1)
        }
        slots = table
    }
}
