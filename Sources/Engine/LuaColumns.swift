import Common
import Data
import Foundation
import LuaShim

/// The dossier store as C columns a Lua check reads through one light-userdata handle per row.
/// Built once per evaluation; buffers are owned here and freed in `deinit`, so pointers stay valid for every run.
final class LuaColumns {
    private(set) var columns = UnsafeMutableBufferPointer<LSColumn>(start: nil, count: 0)
    private var owned: [UnsafeMutableRawPointer] = []

    init(_ data: DataSet) {
        let store = data.dossiers
        var cols: [LSColumn] = []
        func add(_ name: String, _ make: (inout LSColumn) -> Void) {
            var c = LSColumn()
            c.name = UnsafePointer(keep(strdup(name)))
            make(&c)
            cols.append(c)
        }
        func text(_ name: String, _ column: StringColumn) {
            add(name) { c in
                c.kind = Int32(LS_COL_STRING)
                c.bytes = UnsafePointer(copy(column.bytes))
                c.offsets = UnsafePointer(copy(column.offsets))
                c.lengths = UnsafePointer(copy(column.lengths))
            }
        }
        func day(_ name: String, _ column: DateColumn) {
            add(name) { c in c.kind = Int32(LS_COL_DAY); c.days = UnsafePointer(copy(column.days)) }
        }
        func flag(_ name: String, _ values: [UInt8], kind: Int32 = Int32(LS_COL_BOOL)) {
            add(name) { c in c.kind = kind; c.u8 = UnsafePointer(copy(values)) }
        }
        text("id", store.ids)
        text("unit_id", Self.unitIds(data))
        text("procedure_id", store.procedureId)
        text("field", store.field)
        day("received_at", store.received)
        day("due_at", store.due)
        day("resolved_at", store.resolved)
        day("closed_at", store.closed)
        text("channel", Self.channels(store))
        flag("fully_online", store.fullyOnline)
        flag("digitized", store.digitized)
        flag("e_result", store.eResult)
        flag("data_reused", store.dataReused)
        flag("fee_required", store.feeRequired)
        flag("paid_online", store.paidOnline)
        flag("synced_to_portal", store.synced)
        flag("apology_issued", store.apology)
        flag("satisfaction", store.satisfaction, kind: Int32(LS_COL_SMALLINT))
        for (name, column) in store.extras { text(name, column) }
        columns = .allocate(capacity: cols.count)
        _ = columns.initialize(from: cols)
    }

    deinit {
        columns.deallocate()
        for p in owned { free(p) }
    }

    private func keep<T>(_ p: UnsafeMutablePointer<T>?) -> UnsafeMutablePointer<T>? {
        if let p { owned.append(UnsafeMutableRawPointer(p)) }
        return p
    }

    private func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>(OpaquePointer(malloc(Swift.max(1, values.count * MemoryLayout<T>.stride))!))
        values.withUnsafeBufferPointer { b in if let base = b.baseAddress { p.initialize(from: base, count: b.count) } }
        owned.append(UnsafeMutableRawPointer(p))
        return p
    }

    /// Each row's unit id, as spans into one buffer of all unit ids.
    private static func unitIds(_ data: DataSet) -> StringColumn {
        var bytes: [UInt8] = []
        var starts: [Int64] = []
        var lengths: [Int32] = []
        for unit in data.units {
            starts.append(Int64(bytes.count))
            lengths.append(Int32(unit.id.utf8.count))
            bytes += Array(unit.id.utf8)
        }
        let rows = data.dossiers.unit.map { Int($0) }
        return StringColumn(bytes: bytes, offsets: rows.map { starts[$0] }, lengths: rows.map { lengths[$0] })
    }

    /// The channel codes as their contract names.
    private static func channels(_ store: DossierStore) -> StringColumn {
        let names: [UInt8: (Int64, Int32)] = [1: (0, 6), 2: (6, 6), 3: (12, 6)]
        let spans = store.channel.map { names[$0] ?? (0, -1) }
        return StringColumn(bytes: Array("onlinedirectpostal".utf8), offsets: spans.map(\.0), lengths: spans.map(\.1))
    }
}
