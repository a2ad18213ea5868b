import LuaRuntime
import XCTest

/// Deep recursion in Lua, through C (metamethods, library callbacks) and in values handed back: each is an error
/// with a clear message, never a crash of the host's C stack.
final class RecursionTests: XCTestCase {
    func testLuaStackOverflow() {
        let budget = LuaBudget(instructions: 0, memoryBytes: 64 << 20, seconds: 10)
        assertStopped("local function f(n) return 1 + f(n + 1) end\nreturn f(1)", .runtime, "stack overflow", line: 2,
                      budget: budget)
        assertStopped("local t = setmetatable({}, {__index = function(t, k) return t[k] end})\nreturn t.x",
                      .runtime, "stack overflow", line: 2, budget: budget)
    }

    func testCStackOverflowThroughLibraryCallbacks() {
        assertStopped("local t = setmetatable({}, {__tostring = function(s) return tostring(s) end})\nreturn tostring(t)",
                      .runtime, "stack overflow", line: 2)
        assertStopped("local function f(s) return (s:gsub('.', f)) end\nreturn f('ab')", .runtime, "stack overflow", line: 2)
        assertStopped("local function f(a, b) table.sort({2, 1}, f) return a < b end\ntable.sort({2, 1}, f)",
                      .runtime, "stack overflow", line: 2)
    }

    /// pcall catches the overflow at the deepest level; the chain then unwinds normally.
    func testRecursionThroughPcallCompletes() {
        XCTAssertEqual(value("local function f() return pcall(f) end\nreturn f()"), .bool(true))
    }

    func testPatternRecursionIsBounded() {
        assertStopped("return (('a'):rep(250)):match(('a?'):rep(250))", .runtime, "pattern too complex", line: 2)
    }

    func testDeepOrCyclicResultsAreRefused() {
        assertStopped("local t = {}\nlocal c = t\nfor i = 1, 200 do c.x = {} c = c.x end\nreturn t", .badScript,
                      "table nested deeper than 100 levels")
        assertStopped("local t = {}\nt.t = t\nreturn t", .badScript, "table nested deeper than 100 levels")
        assertStopped("local t = {}\nt.t = t\nfinding(t)", .runtime, "finding: table nested deeper than 16 levels", line: 4)
    }

    func testDeeplyNestedSourceIsASyntaxError() {
        let source = "return " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
        let error = LuaSandbox.checkSyntax(source: source, chunkName: scriptPath)
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.message, "stack overflow")
    }
}
