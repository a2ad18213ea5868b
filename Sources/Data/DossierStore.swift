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

/// The mutable columns filled while loading; frozen into a `DossierStore`.
public struct DossierColumns: Sendable {
    /// Text columns (see `DossierStore`).
    public var ids = StringColumn(), procedureId = StringColumn(), field = StringColumn()
    /// Unit index per row.
    public var unit: [Int32] = []
    /// Date columns.
    public var received = DateColumn(), due = DateColumn(), resolved = DateColumn(), closed = DateColumn()
    /// `ChannelCode` per row.
    public var channel: [UInt8] = []
    /// Flags, 0 or 1.
    public var fullyOnline: [UInt8] = [], digitized: [UInt8] = [], eResult: [UInt8] = [], dataReused: [UInt8] = []
    /// Flags, 0 or 1.
    public var feeRequired: [UInt8] = [], paidOnline: [UInt8] = [], synced: [UInt8] = [], apology: [UInt8] = []
    /// Rating 1–5, 0 for none.
    public var satisfaction: [UInt8] = []
    /// Names of extra columns, in first-seen order, and their columns (shorter than `count` until frozen).
    public var extraNames: [String] = [], extraColumns: [StringColumn] = []
    /// Line (or record index) per row, and the file index per row.
    public var lines: [Int32] = [], fileIndex: [Int32] = []
    /// Files rows came from, and whether their locations are record indices.
    public var files: [String] = [], fileIsIndexed: [Bool] = []

    /// An empty set of columns.
    public init() {}

    /// Rows so far.
    public var count: Int { unit.count }
}

/// Accepted dossiers in columns (row = acceptance order), immutable after loading.
public final class DossierStore: Sendable {
    /// Number of rows.
    public let count: Int
    /// `id`, `procedure_id`, `field` (procedure and field absent when not given or empty; extras keep "").
    public let ids: StringColumn, procedureId: StringColumn, field: StringColumn
    /// Index of the row's unit in `DataSet.units`.
    public let unit: [Int32]
    /// `received_at`, `due_at`, `resolved_at`, `closed_at`.
    public let received: DateColumn, due: DateColumn, resolved: DateColumn, closed: DateColumn
    /// `ChannelCode` per row.
    public let channel: [UInt8]
    /// Flags, 0 or 1 (an empty value reads 0).
    public let fullyOnline: [UInt8], digitized: [UInt8], eResult: [UInt8], dataReused: [UInt8]
    /// Flags, 0 or 1 (`synced` is `synced_to_portal`, `apology` is `apology_issued`).
    public let feeRequired: [UInt8], paidOnline: [UInt8], synced: [UInt8], apology: [UInt8]
    /// Rating 1–5, 0 for none.
    public let satisfaction: [UInt8]
    /// Columns not in the contract, kept as strings, sorted by name (byte-wise).
    public let extras: [(name: String, column: StringColumn)]
    private let lines: [Int32], fileIndex: [Int32], files: [String], fileIsIndexed: [Bool]
    private let unitRows: [[Int32]]

    /// Freezes loaded columns; `unitCount` is the number of units rows may refer to.
    public init(_ c: DossierColumns, unitCount: Int) {
        count = c.count
        ids = c.ids; procedureId = c.procedureId; field = c.field; unit = c.unit
        received = c.received; due = c.due; resolved = c.resolved; closed = c.closed; channel = c.channel
        fullyOnline = c.fullyOnline; digitized = c.digitized; eResult = c.eResult; dataReused = c.dataReused
        feeRequired = c.feeRequired; paidOnline = c.paidOnline; synced = c.synced; apology = c.apology
        satisfaction = c.satisfaction
        lines = c.lines; fileIndex = c.fileIndex; files = c.files; fileIsIndexed = c.fileIsIndexed
        let n = c.count
        // Sorted by name so the order never depends on file order; a column no accepted row has is dropped.
        extras = zip(c.extraNames, c.extraColumns)
            .filter { $0.1.lengths.contains { $0 >= 0 } }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .map { name, column in
                var column = column
                while column.count < n { column.appendAbsent() }
                return (name, column)
            }
        var rows = [[Int32]](repeating: [], count: unitCount)
        for (row, u) in c.unit.enumerated() where u >= 0 && Int(u) < unitCount { rows[Int(u)].append(Int32(row)) }
        unitRows = rows
    }

    /// An empty store.
    public convenience init() { self.init(DossierColumns(), unitCount: 0) }

    /// Where the row's record is written: file and physical line, or record index for JSON and YAML.
    public func location(_ row: Int) -> SourceLocation {
        guard row >= 0, row < lines.count, row < fileIndex.count, Int(fileIndex[row]) < files.count,
              Int(fileIndex[row]) < fileIsIndexed.count else { return SourceLocation(file: "", line: 0) }
        let f = Int(fileIndex[row])
        return SourceLocation(file: files[f], line: Int(lines[row]), isRecordIndex: fileIsIndexed[f])
    }

    /// Rows of the unit with `index`, ascending; empty for an unknown index.
    public func rows(ofUnit index: Int32) -> [Int32] {
        index >= 0 && Int(index) < unitRows.count ? unitRows[Int(index)] : []
    }

    /// Rows of the unit with `index`, ascending.
    public func rows(ofUnit index: Int) -> [Int32] { rows(ofUnit: Int32(clamping: index)) }

    /// The extra column named `name`, if the data had one.
    public func extra(_ name: String) -> StringColumn? { extras.first { $0.name == name }?.column }
}
