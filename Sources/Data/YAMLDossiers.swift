import Common
import LocatedYAML

/// Reads dossier records from a YAML file: a sequence of mappings; locations are 1-based record indices.
enum YAMLDossiers {
    /// Reads `bytes`; a diagnostic when the YAML is malformed or the document is not a sequence.
    static func read(_ file: FileBytes, path: String, into ingest: inout ChunkIngest) -> Diagnostic? {
        let root: YAMLNode?
        switch YAMLParser.parse(bytes: Array(file.bytes), file: path) {
        case .failure(let d): return d
        case .success(let node): root = node
        }
        guard let root else { return nil }  // an empty document holds no records
        guard let items = root.sequence else {
            return Diagnostic(root.location, code: "bad-shape", "expected a sequence of dossier mappings, found \(root.kindDescription)")
        }
        var record = KeyedRecord()
        for (i, item) in items.enumerated() {
            let index = i + 1
            guard let pairs = item.mapping else {
                ingest.reject(line: index, code: "not-a-record", reason: "record \(index) is \(item.kindDescription), not a mapping",
                              id: nil)
                continue
            }
            if let bad = pairs.first(where: { $0.key.scalar == nil }) {
                ingest.reject(line: index, code: "not-a-record",
                              reason: "record \(index) has a key that is \(bad.key.kindDescription), not a name",
                              id: pairs.first { $0.key.scalar == "id" }?.value.scalar)
                continue
            }
            for pair in pairs {
                record.add(key: pair.key.scalar ?? "", text: text(of: pair.value), ingest: &ingest)
            }
            record.submit(line: index, ingest: &ingest)
        }
        return nil
    }

    /// A scalar's text ("" for null), nil for a sequence or mapping.
    static func text(of node: YAMLNode) -> String? {
        if node.isNull { return "" }
        return node.scalar
    }
}
