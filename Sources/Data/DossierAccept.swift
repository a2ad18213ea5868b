import Common

/// One record's typed values, held until the whole record is known to be valid.
struct ParsedDossier {
    var id: String?
    var unit: Int32 = -1
    /// Spans of the stored text fields (absent when not given or empty).
    var idSpan = Span.absent, procedure = Span.absent, field = Span.absent
    var received: DateValue?, due: DateValue?, resolved: DateValue?, closed: DateValue?
    var channel: UInt8 = 0
    /// Bit k set = flag field `fullyOnline.rawValue + k` is true.
    var flags: UInt16 = 0
    var satisfaction: UInt8 = 0
}

/// The failing fields of one record and why, in the order found.
struct Problems {
    var fields: [String] = []
    var clauses: [String] = []
    var code: String?

    mutating func add(_ field: String, _ code: String, _ clause: String) {
        if !fields.contains(field) { fields.append(field) }
        clauses.append(clause)
        if self.code == nil { self.code = code }
    }
}

extension DossierIngest {
    /// Appends a valid record to the columns and notes disagreeing dates.
    mutating func accept(_ v: ParsedDossier, _ extras: [(Int, Span)], _ buffer: UnsafeRawBufferPointer, _ line: Int) {
        let row = columns.count
        func text(_ s: Span, _ column: inout StringColumn) {
            if s.count < 0 { column.appendAbsent() } else {
                column.append(UnsafeRawBufferPointer(rebasing: buffer[s.start..<(s.start + s.count)]))
            }
        }
        text(v.idSpan, &columns.ids)
        text(v.procedure, &columns.procedureId)
        text(v.field, &columns.field)
        columns.unit.append(v.unit)
        columns.received.append(v.received)
        columns.due.append(v.due)
        columns.resolved.append(v.resolved)
        columns.closed.append(v.closed)
        columns.channel.append(v.channel)
        func flag(_ f: DossierField) -> UInt8 { UInt8((v.flags >> UInt16(f.rawValue - DossierField.fullyOnline.rawValue)) & 1) }
        columns.fullyOnline.append(flag(.fullyOnline))
        columns.digitized.append(flag(.digitized))
        columns.eResult.append(flag(.eResult))
        columns.dataReused.append(flag(.dataReused))
        columns.feeRequired.append(flag(.feeRequired))
        columns.paidOnline.append(flag(.paidOnline))
        columns.synced.append(flag(.synced))
        columns.apology.append(flag(.apology))
        columns.satisfaction.append(v.satisfaction)
        columns.lines.append(Int32(clamping: line))
        columns.fileIndex.append(Int32(columns.files.count - 1))
        for (k, s) in extras {
            while columns.extraColumns[k].count < row { columns.extraColumns[k].appendAbsent() }
            columns.extraColumns[k].append(UnsafeRawBufferPointer(rebasing: buffer[s.start..<(s.start + s.count)]))
        }
        noteQuality(row: row, id: v.id ?? "", line: line)
    }

    /// A data-quality issue for each of resolved_at and due_at that is earlier than received_at.
    private mutating func noteQuality(row: Int, id: String, line: Int) {
        guard columns.received.has(row) else { return }
        if columns.resolved.has(row), columns.resolved.compare(row, columns.received, row) < 0 {
            quality.append(QualityIssue(row: row, dossierId: id, kind: .resolvedBeforeReceived, location: location(line)))
        }
        if columns.due.has(row), columns.due.compare(row, columns.received, row) < 0 {
            quality.append(QualityIssue(row: row, dossierId: id, kind: .dueBeforeReceived, location: location(line)))
        }
    }
}
