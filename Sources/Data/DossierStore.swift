import Common

/// Channel codes of `DossierStore.channel`.
public enum ChannelCode {
    /// `online` (nộp trực tuyến).
    public static let online: UInt8 = 1
    /// `direct` (trực tiếp).
    public static let direct: UInt8 = 2
    /// `postal` (qua bưu chính công ích).
    public static let postal: UInt8 = 3
}

/// Accepted dossiers in columns, immutable after loading: rows grouped by unit (in unit order), in reading order
/// within a unit, so a unit's dossiers are contiguous in every column (see `MergePlan`). About 60 bytes a row:
/// dates as day numbers, the eight flags as bits of one byte, unit, procedure and field as codes, ids copied
/// into one buffer (so the data files need not stay mapped).
public final class DossierStore: Sendable {
    /// Number of rows.
    public let count: Int
    /// `id`.
    public let ids: StringColumn
    /// `procedure_id`, `field` (absent when not given or empty).
    public let procedureId: CodedColumn, field: CodedColumn
    /// Index of the row's unit in `DataSet.units`.
    public let unit: Column<Int32>
    /// `received_at`, `due_at`, `resolved_at`, `closed_at`.
    public let received: DateColumn, due: DateColumn, resolved: DateColumn, closed: DateColumn
    /// `ChannelCode` per row.
    public let channel: Column<UInt8>
    /// The eight flags of each row as bits (`DossierFlags`); an empty value reads false.
    public let flags: Column<UInt8>
    /// Rating 1–5, 0 for none.
    public let satisfaction: Column<UInt8>
    /// Columns not in the contract, kept as strings, sorted by name (byte-wise).
    public let extras: [(name: String, column: StringColumn)]
    /// Line (or record index) per row.
    let lines: Column<Int32>
    /// The file (index into `files`) of each row.
    let fileOfRow: Column<Int32>
    let files: [String], fileIsIndexed: [Bool]
    /// Rows of unit u are `unitRows[unitStarts[u] ..< unitStarts[u + 1]]`, ascending.
    let unitStarts: [Int], unitRows: Column<Int32>
    let idIndex = IdIndex()

    init(count: Int, ids: StringColumn, procedureId: CodedColumn, field: CodedColumn, unit: Column<Int32>,
         dates: [DateColumn], channel: Column<UInt8>, flags: Column<UInt8>, satisfaction: Column<UInt8>,
         extras: [(name: String, column: StringColumn)], lines: Column<Int32>, fileOfRow: Column<Int32>,
         files: [String], fileIsIndexed: [Bool], unitStarts: [Int]) {
        self.count = count
        self.ids = ids; self.procedureId = procedureId; self.field = field; self.unit = unit
        received = dates[0]; due = dates[1]; resolved = dates[2]; closed = dates[3]
        self.channel = channel; self.flags = flags; self.satisfaction = satisfaction; self.extras = extras
        self.lines = lines; self.fileOfRow = fileOfRow; self.files = files; self.fileIsIndexed = fileIsIndexed
        // The merge put each unit's rows together, in unit order: a unit's rows are a range of row numbers.
        self.unitStarts = unitStarts
        unitRows = Column<Int32>.build(count: count) { out in for row in 0..<count { out[row] = Int32(row) } }
    }

    /// An empty store.
    public convenience init() {
        let none = CodedColumn(codes: Column([]), values: StringColumn())
        self.init(count: 0, ids: StringColumn(), procedureId: none, field: none, unit: Column([]),
                  dates: Array(repeating: DateColumn(), count: 4), channel: Column([]), flags: Column([]),
                  satisfaction: Column([]), extras: [], lines: Column([]), fileOfRow: Column([]), files: [], fileIsIndexed: [],
                  unitStarts: [0])
    }

    /// `fully_online`, `digitized`, `e_result`, `data_reused` as 0/1 per row.
    public var fullyOnline: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.fullyOnline) }
    /// The flag as 0/1 per row.
    public var digitized: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.digitized) }
    /// The flag as 0/1 per row.
    public var eResult: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.eResult) }
    /// The flag as 0/1 per row.
    public var dataReused: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.dataReused) }
    /// `fee_required`, `paid_online`, `synced_to_portal`, `apology_issued` as 0/1 per row.
    public var feeRequired: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.feeRequired) }
    /// The flag as 0/1 per row.
    public var paidOnline: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.paidOnline) }
    /// The flag as 0/1 per row.
    public var synced: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.synced) }
    /// The flag as 0/1 per row.
    public var apology: FlagColumn { FlagColumn(bits: flags, mask: DossierFlags.apology) }

    /// Where the row's record is written: file and physical line, or record index for JSON and YAML.
    public func location(_ row: Int) -> SourceLocation {
        guard row >= 0, row < count else { return SourceLocation(file: "", line: 0) }
        let f = Int(fileOfRow[row])
        return SourceLocation(file: files[f], line: Int(lines[row]), isRecordIndex: fileIsIndexed[f])
    }

    /// Rows of the unit with `index`, ascending; empty for an unknown index.
    public func rows(ofUnit index: Int32) -> [Int32] { withRows(ofUnit: Int(index)) { Array($0) } }

    /// Rows of the unit with `index`, ascending.
    public func rows(ofUnit index: Int) -> [Int32] { withRows(ofUnit: index) { Array($0) } }

    /// Calls `body` with the unit's rows (ascending) without copying them.
    public func withRows<R>(ofUnit index: Int, _ body: (UnsafeBufferPointer<Int32>) -> R) -> R {
        guard index >= 0, index + 1 < unitStarts.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: unitRows.pointer + unitStarts[index],
                                        count: unitStarts[index + 1] - unitStarts[index]))
    }

    /// The extra column named `name`, if the data had one.
    public func extra(_ name: String) -> StringColumn? { extras.first { $0.name == name }?.column }

    /// The row of the accepted dossier with this id (byte-equal), if any; the index is built on first use.
    public func row(ofId id: String) -> Int? { idIndex.row(of: id, in: ids) }
}
