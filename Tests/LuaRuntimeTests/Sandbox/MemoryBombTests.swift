import LuaRuntime
import XCTest

/// Memory bombs stop at the cap (8 MiB here) as `.memory`, the heap never passes it, and the state is collected
/// back to its baseline afterwards (assertStopped checks both).
final class MemoryBombTests: XCTestCase {
    let capped = "memory limit exceeded (8388608 bytes)"

    func testStringRep() {
        assertStopped("return #string.rep('x', 1 << 30)", .memory, capped)
        assertStopped("return #string.rep('xy', 1 << 28, ',')", .memory, capped)
        assertStopped("return #utf8.char(0x10FFFF):rep(1 << 28)", .memory, capped)
    }

    func testTableGrowth() {
        assertStopped("local t = {}\nfor i = 1, 1e9 do t[i] = i end", .memory, capped)
        assertStopped("local t = {}\nwhile true do table.insert(t, {}) end", .memory, capped)
        assertStopped("local t = {}\nfor i = 1, 1e9 do t['k' .. i] = true end", .memory, capped)
    }

    func testConcatenationInLoops() {
        assertStopped("local s = 'x'\nwhile true do s = s .. s end", .memory, capped)
        assertStopped("local s = ''\nwhile true do s = s .. ('x'):rep(65536) end", .memory, capped)
        assertStopped("local parts = {}\nfor i = 1, 1e9 do parts[i] = ('y'):rep(100) end\nreturn table.concat(parts)",
                      .memory, capped)
    }

    /// Widths and precisions are two digits at most; many fields at once are a memory bomb like any other.
    func testHugeFormatWidths() {
        assertStopped("return string.format('%099999d', 1)", .runtime, "invalid conversion specification: '%099999d'",
                      line: 2)
        XCTAssertEqual(value("return #string.format('%99.99f', -1e308)"), .integer(410))
        assertStopped("local args = {}\nfor i = 1, 100000 do args[i] = i end\nreturn string.format(('%99d'):rep(100000), table.unpack(args))",
                      .memory, capped)
        assertStopped("return ('%s'):format(('x'):rep(1 << 23))", .memory, capped)
    }

    func testCatchingTheMemoryErrorDoesNotHelp() {
        assertStopped("for i = 1, 100 do pcall(string.rep, 'x', 1 << 30) end\nreturn 1", .memory, capped)
        assertStopped("local ok = pcall(function() local t = {} while true do t[#t + 1] = {} end end)\nreturn ok",
                      .memory, capped)
    }

    func testLongSourceHitsTheCapAtCompile() {
        let sandbox = LuaSandbox(budget: hostileBudget)
        let source = "return function() return '" + String(repeating: "x", count: 9 << 20) + "' end"
        guard case .failure(let error) = sandbox.compile(source: source, chunkName: scriptPath) else {
            return XCTFail("a 9 MiB literal compiled under an 8 MiB cap")
        }
        XCTAssertEqual(error, LuaError(kind: .memory, message: capped, file: scriptPath, line: nil))
        assertUsable(sandbox)
    }

    /// Garbage alone (collected as it goes) never trips the cap.
    func testGarbageIsCollectedNotCounted() {
        let result = runScript("return function(ctx) local n = 0 for i = 1, 20000 do n = n + #(('z'):rep(1000)) end return n end",
                               budget: hostileBudget)
        XCTAssertEqual(result.value, .integer(20_000_000))
        XCTAssertLessThanOrEqual(result.memoryPeak, 8 << 20)
    }
}
