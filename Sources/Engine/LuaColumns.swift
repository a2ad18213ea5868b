import Common
import Data
import Foundation
import LuaShim

/// The dossier store as C columns a Lua check reads through one light-userdata handle per row.
///
/// Built once per evaluation and shared by every worker's Lua state: each column points straight into the
/// store's memory (which `Column` never moves), so nothing per row is copied. Only two small dictionaries are
/// made here — the unit ids and the three channel names — for the columns stored as codes.
final class LuaColumns: @unchecked Sendable {
    private(set) var columns = UnsafeMutableBufferPointer<LSColumn>(start: nil, count: 0)
    private var names: [UnsafeMutablePointer<CChar>] = []
    /// Keeps the store and the two dictionaries alive as long as the pointers are in use.
    private let store: DossierStore
    private let unitIds: StringColumn, channelNames: StringColumn

    init(_ data: DataSet) {
        store = data.dossiers
        unitIds = Self.dictionary(data.units.map { $0.id }, absentFirst: false)
        channelNames = Self.dictionary(["online", "direct", "postal"], absentFirst: true)
        var cols: [LSColumn] = []
        func add(_ name: String, _ make: (inout LSColumn) -> Void) {
            var c = LSColumn()
            let n = strdup(name)!
            names.append(n)
            c.name = UnsafePointer(n)
            make(&c)
            cols.append(c)
        }
        func text(_ name: String, _ column: StringColumn) {
            add(name) { c in c.kind = Int32(LS_COL_STRING); Self.point(&c, at: column) }
        }
        func coded(_ name: String, _ column: CodedColumn) {
            add(name) { c in c.kind = Int32(LS_COL_CODE); c.codes = column.codes.pointer; Self.point(&c, at: column.values) }
        }
        func day(_ name: String, _ column: DateColumn) {
            add(name) { c in c.kind = Int32(LS_COL_DAY); c.days = column.days.pointer }
        }
        func flag(_ name: String, _ mask: UInt8) {
            add(name) { c in c.kind = Int32(LS_COL_BIT); c.u8 = store.flags.pointer; c.mask = mask }
        }
        text("id", store.ids)
        add("unit_id") { c in
            c.kind = Int32(LS_COL_CODE)
            c.codes = UnsafeRawPointer(store.unit.pointer).assumingMemoryBound(to: UInt32.self)  // indices are >= 0
            Self.point(&c, at: unitIds)
        }
        coded("procedure_id", store.procedureId)
        coded("field", store.field)
        day("received_at", store.received)
        day("due_at", store.due)
        day("resolved_at", store.resolved)
        day("closed_at", store.closed)
        add("channel") { c in c.kind = Int32(LS_COL_CODE8); c.u8 = store.channel.pointer; Self.point(&c, at: channelNames) }
        flag("fully_online", DossierFlags.fullyOnline)
        flag("digitized", DossierFlags.digitized)
        flag("e_result", DossierFlags.eResult)
        flag("data_reused", DossierFlags.dataReused)
        flag("fee_required", DossierFlags.feeRequired)
        flag("paid_online", DossierFlags.paidOnline)
        flag("synced_to_portal", DossierFlags.synced)
        flag("apology_issued", DossierFlags.apology)
        add("satisfaction") { c in c.kind = Int32(LS_COL_SMALLINT); c.u8 = store.satisfaction.pointer }
        for (name, column) in store.extras { text(name, column) }
        columns = .allocate(capacity: cols.count)
        _ = columns.initialize(from: cols)
    }

    deinit {
        columns.deallocate()
        for p in names { free(p) }
    }

    private static func point(_ c: inout LSColumn, at column: StringColumn) {
        c.bytes = column.bytes.pointer
        c.offsets = column.offsets.pointer
        c.lengths = column.lengths.pointer
    }

    /// A small dictionary column: entry i is `values[i]` (after an absent entry 0 when `absentFirst`).
    private static func dictionary(_ values: [String], absentFirst: Bool) -> StringColumn {
        var bytes: [UInt8] = [], offsets: [Int64] = [], lengths: [Int32] = []
        if absentFirst { offsets.append(0); lengths.append(-1) }
        for v in values {
            offsets.append(Int64(bytes.count))
            lengths.append(Int32(v.utf8.count))
            bytes += Array(v.utf8)
        }
        return StringColumn(bytes: Column(bytes), offsets: Column(offsets), lengths: Column(lengths))
    }
}
