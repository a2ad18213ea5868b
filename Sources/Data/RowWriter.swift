/// Raw pointers into a chunk's sink window, so the CSV fast path writes each value where it belongs as it parses
/// it. Why: parsing into a draft and then appending the draft to ~15 buffers was a fifth of reading a large CSV
/// (profiled). Windows never move, so the pointers hold for the chunk's life; the buffers' counts are set once,
/// by `sync`.
struct RowWriter {
    let capacity: Int
    let unit, lines: UnsafeMutablePointer<Int32>
    let procedure, field: UnsafeMutablePointer<UInt32>
    let received, due, resolved, closed: UnsafeMutablePointer<Int32>
    let channel, flags, satisfaction: UnsafeMutablePointer<UInt8>
    let idOffsets: UnsafeMutablePointer<Int64>, idLengths: UnsafeMutablePointer<Int32>
    /// Rows written.
    var rows = 0

    init?(_ c: ChunkColumns) {
        guard let w = c.window else { return nil }
        capacity = w.capacity
        unit = c.unit.base; lines = c.lines.base; procedure = c.procedure.base; field = c.field.base
        received = c.received.days.base; due = c.due.days.base; resolved = c.resolved.days.base; closed = c.closed.days.base
        channel = c.channel.base; flags = c.flags.base; satisfaction = c.satisfaction.base
        idOffsets = c.ids.offsets.base; idLengths = c.ids.lengths.base
    }
}

extension ChunkIngest {
    /// Writes date column `k` of a fast-path row (its time of day, if any, into the column's timed rows).
    @inline(__always)
    mutating func write(_ s: Stamp, _ k: Int, _ days: UnsafeMutablePointer<Int32>, _ timed: GrowBuffer<TimedRow>,
                        _ row: Int) {
        days[row] = s.day
        if s.tod >= 0 { timed.append(TimedRow(row: Int32(row), seconds: s.tod)) }
        if s.fraction >= 0 { cols.setFraction(k, row: row, cols.fractionText.texts[Int(s.fraction)]) }
    }

    /// A data-quality issue for each of resolved_at and due_at earlier than received_at.
    @inline(__always)
    mutating func noteQuality(_ row: Int, _ received: Stamp, _ due: Stamp, _ resolved: Stamp) {
        guard received.isPresent else { return }
        if resolved.isPresent, resolved.compare(received, cols.fractionText) < 0 {
            quality.append(PendingQuality(row: row, kind: .resolvedBeforeReceived))
        }
        if due.isPresent, due.compare(received, cols.fractionText) < 0 {
            quality.append(PendingQuality(row: row, kind: .dueBeforeReceived))
        }
    }

    /// Makes the window buffers' counts agree with the rows the fast path wrote (before any other append, and
    /// when the chunk is done).
    mutating func sync() {
        guard let w = writer else { return }
        cols.setCount(w.rows)
    }

    /// Takes up the rows the general path added.
    mutating func resume() {
        guard writer != nil else { return }
        writer!.rows = cols.count
    }
}
