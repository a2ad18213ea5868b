import Common

/// Turns dossier records (from any file format) into accepted rows or rejections, applying every rule of the
/// contract: required fields, typed values, known unit, unique id across accepted and rejected records.
struct DossierIngest {
    var columns = DossierColumns()
    var rejected: [Rejection] = []
    var quality: [QualityIssue] = []
    var read = 0
    private let units: [String: Int32]
    /// Every id seen so far (accepted or rejected) → packed (file, line) of its first record.
    private var seen: [String: Int64] = [:]
    private var extraIndex: [String: Int] = [:]
    private var file: Int32 = -1
    private var known = [Span](repeating: .absent, count: DossierField.allCases.count)
    private var scratchExtras: [(Int, Span)] = []  // reused per record so a row with extras allocates nothing

    init(units: [String: Int32]) { self.units = units }

    /// Starts a new file; `indexed` means locations are record indices (JSON, YAML).
    /// `expectedRecords` pre-sizes the id index (growing it is a large share of load time on big files).
    mutating func beginFile(_ path: String, indexed: Bool, expectedRecords: Int = 0) {
        seen.reserveCapacity(seen.count + expectedRecords)
        columns.files.append(path)
        columns.fileIsIndexed.append(indexed)
        file = Int32(columns.files.count - 1)
    }

    /// Location of a record of the current file.
    func location(_ line: Int) -> SourceLocation {
        SourceLocation(file: columns.files[Int(file)], line: line, isRecordIndex: columns.fileIsIndexed[Int(file)])
    }

    /// Where a column or key name goes; unknown names become extra columns, empty names are skipped.
    mutating func slot(named name: String) -> Slot {
        if name.isEmpty { return .skip }
        if let f = DossierField.named(name) { return .known(f) }
        if let i = extraIndex[name] { return .extra(i) }
        extraIndex[name] = columns.extraNames.count
        columns.extraNames.append(name)
        columns.extraColumns.append(StringColumn())
        return .extra(columns.extraNames.count - 1)
    }

    /// Records `id` as used; returns where it was first used if it was already.
    private mutating func claim(_ id: String, line: Int) -> SourceLocation? {
        if let packed = seen[id] {
            let f = Int(packed >> 40)
            return SourceLocation(file: columns.files[f], line: Int(packed & 0xFF_FFFF_FFFF),
                                  isRecordIndex: columns.fileIsIndexed[f])
        }
        seen[id] = Int64(file) << 40 | Int64(line)
        return nil
    }

    /// Rejects a record that could not be read as fields (bad CSV shape or quoting, not an object);
    /// its id, if known, still counts for the duplicate rule.
    mutating func reject(line: Int, code: String, reason: String, id: String?) {
        read += 1
        let id = id.map { $0.trimmingSpacesAndTabs() }.flatMap { $0.isEmpty ? nil : $0 }
        if let id { _ = claim(id, line: line) }
        rejected.append(Rejection(location: location(line), fields: [], reason: reason, code: code, id: id))
    }

    /// Reads one record: `slots[i]` says where the value `spans[i]` (bytes in `buffer`, present, maybe empty) goes;
    /// `notScalar` lists the positions whose value was a list or mapping (JSON, YAML), which no field accepts.
    mutating func add(slots: [Slot], spans: [Span], buffer: UnsafeRawBufferPointer, line: Int, notScalar: [Int] = []) {
        read += 1
        for i in known.indices { known[i] = .absent }
        var v = ParsedDossier()
        var problems = Problems()
        var extras: [(Int, Span)] = []
        swap(&extras, &scratchExtras)
        extras.removeAll(keepingCapacity: true)
        defer { scratchExtras = extras }
        for (i, slot) in slots.enumerated() where i < spans.count {
            let span = ValueParse.trimmed(spans[i], in: buffer)
            switch slot {
            case .skip: continue
            case .extra(let k):
                let name = columns.extraNames[k]
                if extras.contains(where: { $0.0 == k }) {
                    problems.add(name, "duplicate-key", "\(name) is given more than once")
                } else if notScalar.contains(i) {
                    problems.add(name, "bad-value", "\(name) is a list or mapping, not a single value")
                } else { extras.append((k, span)) }
            case .known(let f):
                if known[f.rawValue].count >= 0 {
                    problems.add(f.name, "duplicate-key", "\(f.name) is given more than once")
                    continue
                }
                known[f.rawValue] = span
                if notScalar.contains(i) {
                    problems.add(f.name, "bad-value", "\(f.name) is a list or mapping, not a single value")
                } else {
                    check(f, span, buffer, line, &v, &problems)
                }
            }
        }
        for f in DossierField.allCases where f.isRequired && known[f.rawValue].count < 0 {
            problems.add(f.name, "missing-field", "\(f.name) is missing")
        }
        guard let code = problems.code else { return accept(v, extras, buffer, line) }
        rejected.append(Rejection(location: location(line), fields: problems.fields,
                                  reason: problems.clauses.joined(separator: "; "), code: code, id: v.id))
    }

    /// Parses one present field into `v`, or notes why it fails.
    private mutating func check(_ f: DossierField, _ span: Span, _ buffer: UnsafeRawBufferPointer, _ line: Int,
                                _ v: inout ParsedDossier, _ problems: inout Problems) {
        guard span.count > 0 else {
            if f.isRequired { problems.add(f.name, "missing-field", "\(f.name) is empty") }
            return
        }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[span.start..<(span.start + span.count)])
        let shown = { ValueParse.quoted(span, in: buffer) }
        switch f.kind {
        case .text:
            if f == .procedureId { v.procedure = span } else if f == .field { v.field = span }
            if f == .id {
                v.idSpan = span
                let id = String(decoding: bytes, as: UTF8.self)
                v.id = id
                if let earlier = claim(id, line: line) {
                    problems.add(f.name, "duplicate-id", "id \(shown()) was already used by the record at \(earlier)")
                }
            } else if f == .unitId {
                if let u = units[String(decoding: bytes, as: UTF8.self)] { v.unit = u } else {
                    problems.add(f.name, "unknown-unit", "unit_id \(shown()) names no unit")
                }
            }
        case .date:
            guard let d = DateValue.parse(bytes: bytes) else {
                return problems.add(f.name, "bad-value", "\(f.name) \(shown()) is not a date "
                                    + "(YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM] or D/M/YYYY)")
            }
            switch f {
            case .receivedAt: v.received = d
            case .dueAt: v.due = d
            case .resolvedAt: v.resolved = d
            default: v.closed = d
            }
        case .channel:
            guard let c = ValueParse.channel(bytes) else {
                return problems.add(f.name, "bad-value", "channel \(shown()) is not online, direct or postal")
            }
            v.channel = c
        case .flag:
            guard let b = ContractBool.parse(bytes: bytes) else {
                return problems.add(f.name, "bad-value", "\(f.name) \(shown()) is not a bool (true/false, 1/0, yes/no, có/không)")
            }
            if b { v.flags |= 1 << UInt16(f.rawValue - DossierField.fullyOnline.rawValue) }
        case .rating:
            guard let r = ValueParse.rating(bytes) else {
                return problems.add(f.name, "bad-value", "satisfaction \(shown()) is not one of 1, 2, 3, 4, 5")
            }
            v.satisfaction = r
        }
    }
}
