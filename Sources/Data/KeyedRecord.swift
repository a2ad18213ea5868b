import Common

/// Collects one JSON or YAML record's key/value pairs into a byte buffer and spans, so it goes through the
/// same `DossierIngest.add` as a CSV row.
struct KeyedRecord {
    private var bytes: [UInt8] = []
    private var spans: [Span] = []
    private var slots: [Slot] = []
    private var notScalar: [Int] = []

    /// Adds a pair; `text` is the scalar's text (null = ""), nil for a list or mapping.
    mutating func add(key: String, text: String?, ingest: inout DossierIngest) {
        if text == nil { notScalar.append(slots.count) }
        slots.append(ingest.slot(named: key.trimmingSpacesAndTabs()))
        let start = bytes.count
        bytes.append(contentsOf: (text ?? "").utf8)
        spans.append(Span(start: start, count: bytes.count - start))
    }

    /// Hands the record to the ingest and starts afresh.
    mutating func submit(line: Int, ingest: inout DossierIngest) {
        let (slots, spans, notScalar) = (self.slots, self.spans, self.notScalar)
        bytes.withUnsafeBytes { ingest.add(slots: slots, spans: spans, buffer: $0, line: line, notScalar: notScalar) }
        bytes.removeAll(keepingCapacity: true)
        self.spans.removeAll(keepingCapacity: true)
        self.slots.removeAll(keepingCapacity: true)
        self.notScalar.removeAll(keepingCapacity: true)
    }
}
