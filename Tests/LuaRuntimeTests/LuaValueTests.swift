import LuaRuntime
import XCTest

final class LuaValueTests: XCTestCase {
    func testScalarReturns() {
        XCTAssertEqual(value("return nil"), .null)
        XCTAssertEqual(value("return"), .null)
        XCTAssertEqual(value("return true"), .bool(true))
        XCTAssertEqual(value("return 1 < 0"), .bool(false))
        XCTAssertEqual(value("return 40 + 2"), .integer(42))
        XCTAssertEqual(value("return 7 / 2"), .number(3.5))
        XCTAssertEqual(value("return 2^53"), .number(9_007_199_254_740_992))
        XCTAssertEqual(value("return 'Sở Nội vụ'"), .string("Sở Nội vụ"))
    }

    func testSequenceBecomesList() {
        XCTAssertEqual(value("return {10, 'a', false}"), .list([.integer(10), .string("a"), .bool(false)]))
        XCTAssertEqual(value("return {}"), .list([]))
    }

    func testOtherTablesHaveSortedStringKeys() {
        XCTAssertEqual(value("return {zeta = 1, alpha = {x = 1.5}, [3] = 'c', [1.5] = true}"),
                       .table([("1.5", .bool(true)), ("3", .string("c")), ("alpha", .table([("x", .number(1.5))])),
                               ("zeta", .integer(1))]))
        XCTAssertEqual(value("return {[2] = 'b'}"), .table([("2", .string("b"))]))
    }

    func testContextArrivesAsTablesAndOneBasedLists() {
        let ctx: LuaValue = .table([("unit", .table([("id", .string("U1"))])),
                                    ("limits", .list([.integer(5), .number(2.5)])), ("flag", .bool(true)),
                                    ("missing", .null)])
        let got = value("return {ctx.unit.id, #ctx.limits, ctx.limits[1] + ctx.limits[2], ctx.flag, ctx.missing == nil}",
                        context: ctx)
        XCTAssertEqual(got, .list([.string("U1"), .integer(2), .number(7.5), .bool(true), .bool(true)]))
    }

    func testContextRoundTripsThroughReturn() {
        let ctx: LuaValue = .table([("a", .list([.string("x"), .table([("k", .integer(-3))])])), ("b", .number(0.25))])
        XCTAssertEqual(value("return {a = ctx.a, b = ctx.b}", context: ctx), ctx)
    }

    func testFunctionReturnIsBadScript() {
        let result = runScript("return function(ctx) return tostring end")
        XCTAssertEqual(result.error?.kind, .badScript)
        XCTAssertEqual(result.error?.message, "unsupported return type function")
        XCTAssertEqual(result.value, .null)
    }

    func testCyclicTableIsBadScript() {
        let result = runScript("return function(ctx) local t = {} t.self = t return t end")
        XCTAssertEqual(result.error?.kind, .badScript)
        XCTAssertEqual(result.error?.message, "table nested deeper than 100 levels")
    }

    func testHelpers() {
        let v: LuaValue = .table([("n", .integer(3)), ("x", .number(0.5)), ("s", .string("t")), ("l", .list([.bool(true)]))])
        XCTAssertEqual(v["n"]?.doubleValue, 3)
        XCTAssertEqual(v["x"]?.doubleValue, 0.5)
        XCTAssertEqual(v["s"]?.stringValue, "t")
        XCTAssertNil(v["n"]?.stringValue)
        XCTAssertNil(v["absent"])
        XCTAssertEqual(v["l"]?[0]?.boolValue, true)
        XCTAssertNotEqual(LuaValue.integer(1), .number(1))
        XCTAssertNotEqual(LuaValue.table([("a", .null), ("b", .null)]), .table([("b", .null), ("a", .null)]))
    }
}
