import Common

/// Byte strings appended one per row: the growing form of a `StringColumn` (offsets local to this chunk).
struct ByteSpans {
    var bytes = GrowBuffer<UInt8>()
    var offsets = GrowBuffer<Int64>()
    var lengths = GrowBuffer<Int32>()

    @inline(__always) func append(_ value: UnsafeRawBufferPointer) {
        offsets.append(Int64(bytes.count))
        lengths.append(Int32(clamping: value.count))
        bytes.append(bytes: value)
    }

    func withValue<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: bytes.base + Int(offsets[row]), count: max(0, Int(lengths[row]))))
    }
}

/// A row's time of day: seconds into its UTC+07:00 day.
struct TimedRow {
    var row: Int32
    var seconds: Int32
}

/// One date column of a chunk: the day of every row, and the time of day of only the rows that have one.
///
/// Why sparse: most dates in an export are date-only (in the benchmark 4–19% of values per column carry a
/// time), and a dense time-of-day column in every chunk was a quarter of the memory rows are first written
/// into — memory that each run touches fresh (`PageMemory`). The store's column is dense again (`MergePlan`).
struct StampColumn {
    var days: GrowBuffer<Int32>
    /// The timed rows, in row order.
    let timed = GrowBuffer<TimedRow>()
    var fractions: [Int32: String] = [:]

    init(days: GrowBuffer<Int32> = GrowBuffer()) { self.days = days }

    @inline(__always) mutating func append(_ s: Stamp, _ fractionText: FractionTexts) {
        if s.tod >= 0 { timed.append(TimedRow(row: Int32(days.count), seconds: s.tod)) }
        if s.fraction >= 0 { fractions[Int32(days.count)] = fractionText.texts[Int(s.fraction)] }
        days.append(s.day)
    }
}

/// An extra (non-contract) column of a chunk, sparse: only the rows that have it.
struct ExtraValues {
    var rows = GrowBuffer<Int32>()
    var values = ByteSpans()
}

/// The accepted rows of one chunk, in the store's layout but growable; merged in chunk order into a store.
struct ChunkColumns {
    var ids = ByteSpans()
    var unit = GrowBuffer<Int32>()
    var procedure = GrowBuffer<UInt32>(), field = GrowBuffer<UInt32>()
    var procedureDict = ByteInterner(), fieldDict = ByteInterner()
    var received = StampColumn(), due = StampColumn(), resolved = StampColumn(), closed = StampColumn()
    var channel = GrowBuffer<UInt8>(), flags = GrowBuffer<UInt8>(), satisfaction = GrowBuffer<UInt8>()
    /// Line (relative to the chunk's first line) or record index of each row.
    var lines = GrowBuffer<Int32>()
    /// By local extra index (see `ChunkIngest.extraNames`).
    var extras: [ExtraValues] = []
    /// Fractional-second digits of timed values, referred to by `Stamp.fraction`.
    let fractionText = FractionTexts()
    /// The sink window the fixed-size columns are written into; nil when they are the chunk's own buffers.
    let window: RowWindow?

    /// Columns in the chunk's own buffers.
    init() { window = nil }

    /// Columns written straight into a window of a file's sink.
    init(window w: RowWindow) {
        window = w
        let (sink, at, cap) = (w.sink, w.start, w.capacity)
        ids = ByteSpans(bytes: GrowBuffer(capacity: cap * 12), offsets: sink.idOffsets.window(at, cap),
                        lengths: sink.idLengths.window(at, cap))
        unit = sink.unit.window(at, cap); lines = sink.lines.window(at, cap)
        procedure = sink.procedure.window(at, cap); field = sink.field.window(at, cap)
        func stamps(_ k: Int) -> StampColumn { StampColumn(days: sink.days[k].window(at, cap)) }
        received = stamps(0); due = stamps(1); resolved = stamps(2); closed = stamps(3)
        channel = sink.channel.window(at, cap); flags = sink.flags.window(at, cap)
        satisfaction = sink.satisfaction.window(at, cap)
    }

    var count: Int { unit.count }

    /// Appends a checked record.
    @inline(__always) mutating func append(_ v: RowDraft, line: Int) {
        ids.append(v.id)
        unit.append(v.unit)
        procedure.append(v.procedure.count >= 0 ? procedureDict.code(v.procedure.bytes) : 0)
        field.append(v.field.count >= 0 ? fieldDict.code(v.field.bytes) : 0)
        received.append(v.received, fractionText); due.append(v.due, fractionText)
        resolved.append(v.resolved, fractionText); closed.append(v.closed, fractionText)
        channel.append(v.channel)
        flags.append(v.flags)
        satisfaction.append(v.satisfaction)
        lines.append(Int32(clamping: line))
    }

    /// Date column `k` (received, due, resolved, closed).
    func stamps(_ k: Int) -> StampColumn { k == 0 ? received : k == 1 ? due : k == 2 ? resolved : closed }

    mutating func setFraction(_ k: Int, row: Int, _ text: String) {
        switch k {
        case 0: received.fractions[Int32(row)] = text
        case 1: due.fractions[Int32(row)] = text
        case 2: resolved.fractions[Int32(row)] = text
        default: closed.fractions[Int32(row)] = text
        }
    }

    /// Sets every fixed-size column's count to `n` (rows a `RowWriter` wrote).
    func setCount(_ n: Int) {
        for b in [unit, lines, received.days, due.days, resolved.days, closed.days] { b.setCount(n) }
        for b in [procedure, field] { b.setCount(n) }
        for b in [channel, flags, satisfaction] { b.setCount(n) }
        ids.offsets.setCount(n); ids.lengths.setCount(n)
    }

    mutating func appendExtra(_ k: Int, row: Int, _ value: UnsafeRawBufferPointer) {
        while extras.count <= k { extras.append(ExtraValues()) }
        extras[k].rows.append(Int32(row))
        extras[k].values.append(value)
    }
}

/// An optional text value of a record being checked: its bytes, or count -1 when absent or empty.
struct OptionalText {
    var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    var count = -1
}

/// One record's typed values, held until the whole record is known to be valid.
struct RowDraft {
    var id = UnsafeRawBufferPointer(start: nil, count: 0)
    var hasId = false
    var unit: Int32 = -1
    var procedure = OptionalText(), field = OptionalText()
    var received = Stamp(), due = Stamp(), resolved = Stamp(), closed = Stamp()
    var channel: UInt8 = 0
    /// Bit k set = flag field `fullyOnline.rawValue + k` is true (see `DossierFlags`).
    var flags: UInt8 = 0
    var satisfaction: UInt8 = 0
}
