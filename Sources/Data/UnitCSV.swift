import Common

/// Reads a wide units CSV: columns `id`, `name`, `kind`, `parent`, `roles` (`;`-separated); every other column is an indicator, and
/// `X.evidence_number` / `X.evidence_date` columns are the evidence of indicator `X`.
enum UnitCSV {
    static func read(_ bytes: [UInt8], path: String, into ingest: inout UnitIngest) -> Diagnostic? {
        return bytes.withUnsafeBytes { buffer -> Diagnostic? in
            var scanner = CSVRecords(buffer)
            var spans: [UnsafeRawBufferPointer] = []
            func text(_ s: UnsafeRawBufferPointer) -> String { String(decoding: s, as: UTF8.self) }
            guard let header = scanner.next(into: &spans) else { return nil }
            if let error = header.error {
                return Diagnostic(SourceLocation(file: path, line: header.line), code: "csv-header",
                                  "the header row cannot be read: \(error)")
            }
            let names = spans.map(text)
            for (i, n) in names.enumerated() where !n.isEmpty && names[..<i].contains(n) {
                ingest.warn(SourceLocation(file: path, line: header.line), "duplicate-column",
                            "column '\(n)' appears more than once; the first is used")
            }
            let at = { (name: String) in names.firstIndex(of: name) }
            var indicatorNames: [String] = []
            for n in names where !n.isEmpty && !["id", "name", "kind", "parent", "roles"].contains(n) {
                let base = n.hasSuffix(".evidence_number") ? String(n.dropLast(16))
                    : n.hasSuffix(".evidence_date") ? String(n.dropLast(14)) : n
                if !indicatorNames.contains(base) { indicatorNames.append(base) }
            }
            while let record = scanner.next(into: &spans) {
                let location = SourceLocation(file: path, line: record.line)
                let id = at("id").flatMap { $0 < spans.count ? text(spans[$0]) : nil }
                if let error = record.error {
                    ingest.reject(location, code: "csv-quote", reason: "CSV quoting: \(error)", id: id)
                    continue
                }
                if spans.count != names.count {
                    let what = spans.count < names.count ? "fewer" : "more"
                    ingest.reject(location, code: "csv-shape",
                                  reason: "the row has \(spans.count) fields, \(what) than the header's \(names.count)", id: id)
                    continue
                }
                var draft = UnitDraft(location: location)
                func value(_ name: String) -> String? { at(name).map { text(spans[$0]) } }
                draft.id = value("id"); draft.name = value("name"); draft.kind = value("kind"); draft.parent = value("parent")
                draft.roles = value("roles").map(Self.roles) ?? []
                for name in indicatorNames {
                    let evidence = ingest.evidence(number: value(name + ".evidence_number"), dateText: value(name + ".evidence_date"),
                                                   at: location, indicator: name)
                    let raw = value(name)
                    if (raw?.isEmpty ?? true) && evidence == nil { continue }  // an empty cell: not reported
                    draft.indicators[name] = IndicatorValue(raw: raw, location: location, evidence: evidence)
                }
                ingest.add(draft)
            }
            return nil
        }
    }

    /// A roles cell: names separated by `;` (a comma would split the CSV field), e.g. `so_noi_vu;to_cong_tac`.
    static func roles(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingSpacesAndTabs() }.filter { !$0.isEmpty }
    }
}
