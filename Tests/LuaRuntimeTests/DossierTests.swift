import LuaRuntime
import LuaShim
import XCTest

/// Four hand-built rows: ids, received days, an online flag, a satisfaction score; the view shows rows 3, 0, 2.
private final class Fixture {
    let ids: [UInt8] = Array("D1D2D3".utf8)
    let idOffsets: [Int64] = [0, 2, 4, 0]
    let idLengths: [Int32] = [2, 2, 2, -1]                     // row 3 has no id
    let days: [Int32] = [20_299, Int32.min, 0, -1]            // 2025-07-30, none, 1970-01-01, 1969-12-31
    let online: [UInt8] = [1, 0, 1, 0]
    let score: [UInt8] = [5, 0, 3, 0]
    let longName = "a_field_name_longer_than_forty_bytes_so_it_is_not_interned"
    let rows: [Int32] = [3, 0, 2]

    /// Calls `body` with a view; every pointer stays valid inside it.
    func withView<T>(_ body: (LuaRecordView) -> T) -> T {
        ids.withUnsafeBufferPointer { idb in idOffsets.withUnsafeBufferPointer { ob in idLengths.withUnsafeBufferPointer { lb in
        days.withUnsafeBufferPointer { db in online.withUnsafeBufferPointer { ub in score.withUnsafeBufferPointer { sb in
        rows.withUnsafeBufferPointer { rb in "id".withCString { n1 in "received_at".withCString { n2 in
        "fully_online".withCString { n3 in "satisfaction".withCString { n4 in longName.withCString { n5 in
            var cols = [LSColumn(), LSColumn(), LSColumn(), LSColumn(), LSColumn()]
            cols[0].name = n1; cols[0].kind = Int32(LS_COL_STRING)
            cols[0].bytes = idb.baseAddress; cols[0].offsets = ob.baseAddress; cols[0].lengths = lb.baseAddress
            cols[1].name = n2; cols[1].kind = Int32(LS_COL_DAY); cols[1].days = db.baseAddress
            cols[2].name = n3; cols[2].kind = Int32(LS_COL_BOOL); cols[2].u8 = ub.baseAddress
            cols[3].name = n4; cols[3].kind = Int32(LS_COL_SMALLINT); cols[3].u8 = sb.baseAddress
            cols[4] = cols[2]; cols[4].name = n5
            return cols.withUnsafeBufferPointer { cb in
                var view = LSRecordView(ncols: Int32(cb.count), cols: cb.baseAddress, nrows: Int64(rb.count), rows: rb.baseAddress)
                return withUnsafePointer(to: &view) { body(LuaRecordView($0)) }
            }
        } } } } } } } } } } } }
    }
}

final class DossierTests: XCTestCase {
    private func run(_ body: String) -> LuaRunResult {
        Fixture().withView { runScript("return function(ctx)\n\(body)\nend", records: $0) }
    }

    func testIterationYieldsTheViewRowsInOrderWithTypedFields() {
        let result = run("""
          local out = {}
          for d in dossiers() do
            out[#out + 1] = {id = d.id, received = d.received_at, online = d.fully_online, score = d.satisfaction}
          end
          return {n = #out, count = dossier_count(), rows = out}
        """)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.value, .table([
            ("count", .integer(3)), ("n", .integer(3)),
            ("rows", .list([
                .table([("online", .bool(false)), ("received", .string("1969-12-31"))]),
                .table([("id", .string("D1")), ("online", .bool(true)), ("received", .string("2025-07-30")),
                        ("score", .integer(5))]),
                .table([("id", .string("D3")), ("online", .bool(true)), ("received", .string("1970-01-01")),
                        ("score", .integer(3))]),
            ])),
        ]))
    }

    func testNilCasesUnknownAndLongFieldNames() {
        let result = run("""
          local it = ctx.dossiers()
          local d3, d0, d2 = it(), it(), it()
          return {d3.id == nil, d3.satisfaction == nil, d0.nope == nil, d0[1] == nil,
                  d0.a_field_name_longer_than_forty_bytes_so_it_is_not_interned, it() == nil}
        """)
        XCTAssertEqual(result.value, .list([.bool(true), .bool(true), .bool(true), .bool(true), .bool(true), .bool(true)]))
    }

    func testRecordsAreReadOnlyAndTheirMetatableIsHidden() {
        let write = run("for d in dossiers() do\n d.id = 'X'\nend")
        XCTAssertEqual(write.error?.kind, .runtime)
        XCTAssertEqual(write.error?.message, "dossier records are read-only")
        XCTAssertEqual(write.error?.line, 3)
        XCTAssertEqual(run("return getmetatable(dossiers()())").value, .bool(false))
    }

    func testAFlagFilterYieldsOnlyTheMatchingRowsInViewOrder() {
        let result = run("""
          local on, off, all = {}, 0, 0
          for d in dossiers{fully_online = true} do on[#on + 1] = d.id end
          for d in dossiers{fully_online = false} do off = off + 1 end
          for d in dossiers{} do all = all + 1 end
          return {on = on, off = off, all = all}
        """)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.value, .table([("all", .integer(3)), ("off", .integer(1)),
                                             ("on", .list([.string("D1"), .string("D3")]))]))
    }

    func testAFilterOnAnythingButAFlagIsAnError() {
        XCTAssertEqual(run("for d in dossiers{received_at = true} do end").error?.message,
                       "dossiers: 'received_at' is not a flag (filters test flags such as fee_required)")
        XCTAssertEqual(run("for d in dossiers{nope = true} do end").error?.message,
                       "dossiers: 'nope' is not a flag (filters test flags such as fee_required)")
        XCTAssertEqual(run("for d in dossiers{fully_online = 1} do end").error?.message,
                       "dossiers: the filter value of 'fully_online' must be true or false")
        XCTAssertEqual(run("for d in dossiers{true} do end").error?.message, "dossiers: filter keys must be flag names")
        XCTAssertEqual(run("for d in dossiers('x') do end").error?.kind, .runtime)
    }

    func testFindingWithARecordStoresItsId() {
        let result = run("for d in dossiers() do if d.satisfaction == 5 then finding{dossier = d, message = 'x'} end end")
        XCTAssertEqual(result.findings.first?.fields["dossier"], .string("D1"))
    }

    func testWithoutAViewThereAreNoDossiers() {
        let result = runScript("return function(ctx) local n = 0 for d in dossiers() do n = n + 1 end return {n, dossier_count()} end")
        XCTAssertEqual(result.value, .list([.integer(0), .integer(0)]))
    }

    func testDayHelpers() {
        XCTAssertEqual(value("return {pc.days('2025-07-30'), pc.days('1970-01-01'), pc.days('2024-02-29')}"),
                       .list([.integer(20_299), .integer(0), .integer(19_782)]))
        XCTAssertEqual(value("return {pc.days('2025-02-29') == nil, pc.days('2025-7-30') == nil, pc.days(20250730) == nil, "
                             + "pc.days('2025-13-01') == nil, pc.days('2025-07-30T00:00') == nil}"),
                       .list(Array(repeating: .bool(true), count: 5)))
        XCTAssertEqual(value("return {pc.iso(20299), pc.iso(-1), pc.iso(pc.days('2000-03-01'))}"),
                       .list([.string("2025-07-30"), .string("1969-12-31"), .string("2000-03-01")]))
    }
}
