import Common

/// Collects one JSON or YAML record's key/value pairs into a byte buffer, so it goes through the same
/// `ChunkIngest.add` as a CSV row.
struct KeyedRecord {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var slots: [Slot] = []
    private var notScalar: [Int] = []
    private var values: [UnsafeRawBufferPointer] = []

    /// Adds a pair; `text` is the scalar's text (null = ""), nil for a list or mapping.
    mutating func add(key: String, text: String?, ingest: inout ChunkIngest) {
        if text == nil { notScalar.append(slots.count) }
        slots.append(ingest.slot(named: key.trimmingSpacesAndTabs()))
        let start = bytes.count
        bytes.append(contentsOf: (text ?? "").utf8)
        ranges.append(start..<bytes.count)
    }

    /// Hands the record to the ingest and starts afresh.
    mutating func submit(line: Int, ingest: inout ChunkIngest) {
        let (slots, ranges, notScalar) = (self.slots, self.ranges, self.notScalar)
        var values = self.values
        bytes.withUnsafeBytes { all in
            values.removeAll(keepingCapacity: true)
            for r in ranges { values.append(UnsafeRawBufferPointer(rebasing: all[r])) }
            slots.withUnsafeBufferPointer { s in
                values.withUnsafeBufferPointer { ingest.add(slots: s, values: $0, line: line, notScalar: notScalar) }
            }
            values.removeAll(keepingCapacity: true)
        }
        self.values = values
        bytes.removeAll(keepingCapacity: true)
        self.ranges.removeAll(keepingCapacity: true)
        self.slots.removeAll(keepingCapacity: true)
        self.notScalar.removeAll(keepingCapacity: true)
    }
}
