import LuaRuntime
import XCTest

/// Infinite loops wherever Lua code can run: each is stopped by the instruction budget, whatever catches errors.
final class LoopTests: XCTestCase {
    func testPlainLoop() {
        assertStopped("while true do end", .timeout, spent(), line: 2)
        assertStopped("local i = 0\nrepeat i = i + 1 until false", .timeout, spent(), line: 3)
        assertStopped("local function f() return f() end\nreturn f()", .timeout, spent(), line: 2)
    }

    func testLoopsInsidePcallCannotOutliveTheBudget() {
        assertStopped("while true do pcall(function() while true do end end) end", .timeout, spent())
        assertStopped("pcall(function() while true do end end)\nreturn 1", .timeout, spent())
        assertStopped("for i = 1, 1e9 do pcall(error, i) end", .timeout, spent())
    }

    /// A message handler runs inside the hook that raised the budget error, where Lua disables hooks: the sandbox
    /// skips the script's handler once the budget is spent, so a looping handler cannot run forever.
    func testLoopingXpcallHandler() {
        assertStopped("return xpcall(function() while true do end end, function() while true do end end)", .timeout, spent())
        assertStopped("return xpcall(function() error('x') end, function() while true do end end)", .timeout, spent())
        XCTAssertEqual(value("return select(2, xpcall(function() error('x', 0) end, function(m) return 'handled ' .. m end))"),
                       .string("handled x"))
    }

    func testLoopsInMetamethods() {
        let loop = "function() while true do end end"
        assertStopped("local t = setmetatable({}, {__index = \(loop)})\nreturn t.x", .timeout, spent(), line: 2)
        assertStopped("local t = setmetatable({}, {__newindex = \(loop)})\nt.x = 1", .timeout, spent(), line: 2)
        assertStopped("return tostring(setmetatable({}, {__tostring = \(loop)}))", .timeout, spent(), line: 2)
        assertStopped("return #setmetatable({}, {__len = \(loop)})", .timeout, spent(), line: 2)
        assertStopped("return setmetatable({}, {__concat = \(loop)}) .. 'x'", .timeout, spent(), line: 2)
        assertStopped("local mt = {__lt = \(loop)}\ntable.sort({setmetatable({}, mt), setmetatable({}, mt)})",
                      .timeout, spent(), line: 2)
        assertStopped("return setmetatable({}, {__call = \(loop)})()", .timeout, spent(), line: 2)
        assertStopped("do local x <close> = setmetatable({}, {__close = \(loop)}) end\nreturn 1", .timeout, spent())
    }

    func testFinalizersAreRefusedBeforeTheyCanLoop() {
        assertStopped("setmetatable({}, {__gc = function() while true do end end})", .forbidden,
                      "forbidden: __gc metamethods are not available in the parcheck sandbox", line: 2)
    }

    func testLoopsInLibraryCallbacks() {
        assertStopped("return ('abc'):gsub('.', function() while true do end end)", .timeout, spent(), line: 2)
        assertStopped("for w in ('a b'):gmatch('%a') do while true do end end", .timeout, spent(), line: 2)
        assertStopped("table.sort({3, 2, 1}, function(a, b) while true do end end)", .timeout, spent(), line: 2)
        assertStopped("return ('x'):gsub('x', setmetatable({}, {__index = function() while true do end end}))",
                      .timeout, spent(), line: 2)
    }

    func testCoroutinesAreNotAvailable() {
        assertStopped("local co = coroutine.wrap(function() while true do end end)\nco()", .forbidden,
                      "forbidden: 'coroutine' is not available in the parcheck sandbox", line: 2)
    }

    /// Loops whose time goes into many short C calls the instruction count undercounts: the wall clock stops them.
    func testWallClockStopsQuadraticConcatenation() {
        let budget = LuaBudget(instructions: 0, memoryBytes: 8 << 20, seconds: 0.2)
        assertStopped("local s = ''\nwhile true do s = s .. 'xxxxxxxxxx' end", .timeout, "time limit exceeded (0.2 s)",
                      budget: budget)
    }
}
