/// What to do with one CSV column in the fast path.
struct ColumnAction {
    enum Kind: UInt8 {
        case skip, id, unit, procedure, field, received, due, resolved, closed, channel, flag, satisfaction, extra
    }
    var kind: Kind
    /// The flag's bit, or the extra column's index.
    var arg: Int

    /// The fast-path actions of a header, or nil when no record of the file can take the fast path: a contract
    /// field or extra column named twice (every record then has a duplicate-key problem) or a required field
    /// missing (every record then misses it).
    static func plan(_ slots: [Slot]) -> [ColumnAction]? {
        var seen: UInt32 = 0
        var extras = Set<Int>()
        var out: [ColumnAction] = []
        for slot in slots {
            switch slot {
            case .skip: out.append(ColumnAction(kind: .skip, arg: 0))
            case .extra(let k):
                guard extras.insert(k).inserted else { return nil }
                out.append(ColumnAction(kind: .extra, arg: k))
            case .known(let f):
                guard seen & (1 << UInt32(f.rawValue)) == 0 else { return nil }
                seen |= 1 << UInt32(f.rawValue)
                out.append(action(f))
            }
        }
        return seen & FieldCheck.requiredMask == FieldCheck.requiredMask ? out : nil
    }

    private static func action(_ f: DossierField) -> ColumnAction {
        switch f {
        case .id: ColumnAction(kind: .id, arg: 0)
        case .unitId: ColumnAction(kind: .unit, arg: 0)
        case .procedureId: ColumnAction(kind: .procedure, arg: 0)
        case .field: ColumnAction(kind: .field, arg: 0)
        case .receivedAt: ColumnAction(kind: .received, arg: 0)
        case .dueAt: ColumnAction(kind: .due, arg: 0)
        case .resolvedAt: ColumnAction(kind: .resolved, arg: 0)
        case .closedAt: ColumnAction(kind: .closed, arg: 0)
        case .channel: ColumnAction(kind: .channel, arg: 0)
        case .satisfaction: ColumnAction(kind: .satisfaction, arg: 0)
        default: ColumnAction(kind: .flag, arg: 1 << (f.rawValue - DossierField.fullyOnline.rawValue))
        }
    }
}

extension ChunkIngest {
    /// Accepts a CSV record whose every value is valid, writing it straight into the chunk's window, without
    /// building any problem list; false (and no row added) when some value is not — the record then goes
    /// through `add`, which finds exactly why. Values come trimmed from the scanner.
    @inline(__always)
    mutating func addFast(_ actions: UnsafeBufferPointer<ColumnAction>, _ values: UnsafeBufferPointer<UnsafeRawBufferPointer>,
                          line: Int, _ refs: FastRefs) -> Bool {
        guard var w = writer, w.rows < w.capacity else { return false }
        let row = w.rows
        let idBytes = refs.idBytes, extras = refs.extras
        let idStart = idBytes.count
        var stamps = (Stamp(), Stamp(), Stamp(), Stamp())
        var flagBits: UInt8 = 0, stars: UInt8 = 0
        var id = UnsafeRawBufferPointer(start: nil, count: 0)
        extras.clear()
        w.procedure[row] = 0  // absent unless the row has one (the file may lack the column)
        w.field[row] = 0
        let months = refs.months, fractions = refs.fractions, units = refs.units
        let procedures = refs.procedures, fields = refs.fields
        func fail() -> Bool { idBytes.truncate(idStart); return false }
        for i in 0..<actions.count {
            let b = values[i]
            let a = actions[i]
            switch a.kind {
            case .skip: continue
            case .id:
                guard b.count > 0 else { return fail() }
                id = b
            case .unit:
                guard b.count > 0, let u = units.index(of: b) else { return fail() }
                w.unit[row] = u
            case .procedure: w.procedure[row] = b.count > 0 ? procedures.code(b) : 0
            case .field: w.field[row] = b.count > 0 ? fields.code(b) : 0
            case .received:
                guard b.count > 0, let s = FastScalars.date(b, fractions, months) else { return fail() }
                stamps.0 = s
            case .due:
                guard b.count > 0, let s = FastScalars.date(b, fractions, months) else { return fail() }
                stamps.1 = s
            case .resolved:
                if b.count > 0 { guard let s = FastScalars.date(b, fractions, months) else { return fail() }; stamps.2 = s }
            case .closed:
                if b.count > 0 { guard let s = FastScalars.date(b, fractions, months) else { return fail() }; stamps.3 = s }
            case .channel:
                guard let c = ValueParse.channel(b) else { return fail() }
                w.channel[row] = c
            case .flag:
                if b.count > 0 {
                    guard let t = FastScalars.bool(b) else { return fail() }
                    if t { flagBits |= UInt8(a.arg) }
                }
            case .satisfaction:
                if b.count > 0 { guard let r = ValueParse.rating(b) else { return fail() }; stars = r }
            case .extra: extras.append((a.arg, b))
            }
        }
        // Every value is valid: the rest of the row, then the bookkeeping of an accepted record.
        w.idOffsets[row] = Int64(idStart)
        w.idLengths[row] = Int32(clamping: id.count)
        idBytes.append(bytes: id)
        w.flags[row] = flagBits
        w.satisfaction[row] = stars
        w.lines[row] = Int32(clamping: line)
        write(stamps.0, 0, w.received, refs.timed.0, row); write(stamps.1, 1, w.due, refs.timed.1, row)
        write(stamps.2, 2, w.resolved, refs.timed.2, row); write(stamps.3, 3, w.closed, refs.timed.3, row)
        w.rows = row + 1
        writer = w
        refs.claim(DossierKey.hash(id, seed: seed), ordinal: records)
        records += 1
        for (k, value) in extras.buffer { cols.appendExtra(k, row: row, value) }
        noteQuality(row, stamps.0, stamps.1, stamps.2)
        return true
    }
}

/// The objects the fast path uses on every row, gathered once per chunk and lent to each row.
///
/// Why: loading them from the ingest retained and released each one per row — a tenth of loading a province
/// file (perf), made worse by two threads bumping the counts of the shared unit lookup and month table. A
/// borrowed parameter's fields are used without reference counting.
struct FastRefs {
    let months: MonthTable
    let fractions: FractionTexts
    let units: UnitLookup
    let procedures: ByteInterner
    let fields: ByteInterner
    let idBytes: GrowBuffer<UInt8>
    let extras: GrowBuffer<(Int, UnsafeRawBufferPointer)>
    /// The timed rows of received_at, due_at, resolved_at, closed_at.
    let timed: (GrowBuffer<TimedRow>, GrowBuffer<TimedRow>, GrowBuffer<TimedRow>, GrowBuffer<TimedRow>)
    /// The id claim buckets (see `ClaimBuckets`).
    let buckets: [Unmanaged<GrowBuffer<Claim>>]

    init(_ ingest: ChunkIngest) {
        months = ingest.env.months
        fractions = ingest.cols.fractionText
        units = ingest.env.units
        procedures = ingest.cols.procedureDict
        fields = ingest.cols.fieldDict
        idBytes = ingest.cols.ids.bytes
        extras = ingest.extras
        let c = ingest.cols
        timed = (c.received.timed, c.due.timed, c.resolved.timed, c.closed.timed)
        buckets = ingest.claims.buckets.map { Unmanaged.passUnretained($0) }
    }

    /// `ClaimBuckets.add` without retaining the bucket.
    @inline(__always) func claim(_ h: UInt64, ordinal: Int) {
        buckets.withUnsafeBufferPointer { b in
            b[Int(h >> UInt64(64 - ClaimBuckets.bits))]._withUnsafeGuaranteedRef {
                $0.append(Claim(hash: UInt32(truncatingIfNeeded: h), ordinal: UInt32(ordinal)))
            }
        }
    }
}
