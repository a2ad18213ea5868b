import Common

/// What every chunk reader shares, read-only: the unit lookup.
final class IngestEnv: Sendable {
    let units: UnitLookup
    let months = MonthTable()
    init(units: [Unit]) { self.units = UnitLookup(units) }
}

/// A rejected record, kept until the duplicate-id rule (which needs every earlier record of the data set) is
/// settled: `idClaimAt` says where a "duplicate id" clause goes if its id turns out to be taken.
struct PendingRejection {
    var ordinal: Int
    var line: Int
    var problems: Problems
    var id: String?
    var idClaimAt: (clause: Int, field: Int)?
}

/// An accepted row whose dates disagree (local row, relative line).
struct PendingQuality {
    var row: Int
    var kind: QualityIssue.Kind
}

/// Reads the records of one chunk of one file into accepted rows or pending rejections, applying every rule of
/// the contract that the record alone decides; the id claims are collected for `IdDedupe`.
struct ChunkIngest {
    let env: IngestEnv
    var cols = ChunkColumns()
    var records = 0
    var pending: [PendingRejection] = []
    var quality: [PendingQuality] = []
    var claims = ClaimBuckets()
    /// Extra column names by local index, and their index.
    var extraNames: [String] = []
    private var extraIndex: [String: Int] = [:]
    /// The current record's extra values (reused, so a record allocates nothing).
    let extras = GrowBuffer<(Int, UnsafeRawBufferPointer)>()
    let seed = ByteHash.seed
    /// The CSV fast path's raw access to the window (set by `CSVChunks.scan`; nil otherwise).
    var writer: RowWriter?

    init(env: IngestEnv) { self.env = env }

    /// An ingest writing its rows into a window of a file's sink.
    init(env: IngestEnv, window: RowWindow) {
        self.env = env
        cols = ChunkColumns(window: window)
    }

    /// An empty ingest for another chunk of the same file: same unit lookup and extra columns; its own
    /// buffers, or `window` of the file's sink.
    func fresh(window: RowWindow? = nil) -> ChunkIngest {
        var other = window.map { ChunkIngest(env: env, window: $0) } ?? ChunkIngest(env: env)
        other.extraNames = extraNames
        other.extraIndex = extraIndex
        return other
    }

    /// Where a column or key name goes; unknown names become extra columns, empty names are skipped.
    mutating func slot(named name: String) -> Slot {
        if name.isEmpty { return .skip }
        if let f = DossierField.named(name) { return .known(f) }
        if let i = extraIndex[name] { return .extra(i) }
        extraIndex[name] = extraNames.count
        extraNames.append(name)
        return .extra(extraNames.count - 1)
    }

    /// Rejects a record that could not be read as fields (bad CSV shape or quoting, not an object);
    /// its id, if known, still counts for the duplicate rule.
    mutating func reject(line: Int, code: String, reason: String, id: String?) {
        let ordinal = records
        records += 1
        let id = id.map { $0.trimmingSpacesAndTabs() }.flatMap { $0.isEmpty ? nil : $0 }
        if let id { claim(id: id, ordinal: ordinal) }
        var p = Problems()
        p.code = code
        p.clauses = [reason]
        pending.append(PendingRejection(ordinal: ordinal, line: line, problems: p, id: id, idClaimAt: nil))
    }

    /// Records the claim of `ordinal` on an id given as text.
    private mutating func claim(id: String, ordinal: Int) {
        var text = id
        text.withUTF8 { claims.add(DossierKey.hash(UnsafeRawBufferPointer($0)), ordinal: ordinal) }
    }

    /// Reads one record: `slots[i]` says where `values[i]` (present, maybe empty) goes; `notScalar` lists the
    /// positions whose value was a list or mapping (JSON, YAML), which no field accepts.
    mutating func add(slots: UnsafeBufferPointer<Slot>, values: UnsafeBufferPointer<UnsafeRawBufferPointer>,
                      line: Int, notScalar: [Int] = []) {
        let ordinal = records
        records += 1
        var known: UInt32 = 0
        var v = RowDraft()
        var problems = Problems()
        var idClaimAt: (clause: Int, field: Int)?
        extras.clear()
        for i in 0..<min(slots.count, values.count) {
            let value = ValueParse.trimmed(values[i])
            switch slots[i] {
            case .skip: continue
            case .extra(let k):
                let name = extraNames[k]
                if extras.buffer.contains(where: { $0.0 == k }) {
                    problems.add(name, "duplicate-key", "\(name) is given more than once")
                } else if !notScalar.isEmpty && notScalar.contains(i) {
                    problems.add(name, "bad-value", "\(name) is a list or mapping, not a single value")
                } else { extras.append((k, value)) }
            case .known(let f):
                let bit: UInt32 = 1 << UInt32(f.rawValue)
                if known & bit != 0 {
                    problems.add(f.name, "duplicate-key", "\(f.name) is given more than once")
                    continue
                }
                known |= bit
                if !notScalar.isEmpty && notScalar.contains(i) {
                    problems.add(f.name, "bad-value", "\(f.name) is a list or mapping, not a single value")
                } else {
                    if f == .id && value.count > 0 { idClaimAt = (problems.clauses.count, problems.fields.count) }
                    FieldCheck.check(f, value, env, &v, &problems, cols.fractionText)
                }
            }
        }
        if known & FieldCheck.requiredMask != FieldCheck.requiredMask {
            for f in DossierField.allCases where f.isRequired && known & (1 << UInt32(f.rawValue)) == 0 {
                problems.add(f.name, "missing-field", "\(f.name) is missing")
            }
        }
        if v.hasId { claims.add(DossierKey.hash(v.id), ordinal: ordinal) }
        guard problems.code != nil else { return accept(v, line) }
        let id = v.hasId ? String(decoding: v.id, as: UTF8.self) : nil
        pending.append(PendingRejection(ordinal: ordinal, line: line, problems: problems, id: id, idClaimAt: idClaimAt))
    }

    /// Appends a valid record to the columns and notes disagreeing dates.
    mutating func accept(_ v: RowDraft, _ line: Int) {
        let row = cols.count
        cols.append(v, line: line)
        for (k, value) in extras.buffer { cols.appendExtra(k, row: row, value) }
        guard v.received.isPresent else { return }
        if v.resolved.isPresent, v.resolved.compare(v.received, cols.fractionText) < 0 {
            quality.append(PendingQuality(row: row, kind: .resolvedBeforeReceived))
        }
        if v.due.isPresent, v.due.compare(v.received, cols.fractionText) < 0 {
            quality.append(PendingQuality(row: row, kind: .dueBeforeReceived))
        }
    }
}
