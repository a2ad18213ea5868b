import LuaRuntime
import XCTest

final class BudgetTests: XCTestCase {
    func testInfiniteLoopTimesOutAndTheSandboxStaysUsable() {
        let sandbox = LuaSandbox(budget: LuaBudget(instructions: 1_000_000))
        let result = runScript("return function(ctx)\n  while true do end\nend", in: sandbox)
        XCTAssertEqual(result.error, LuaError(kind: .timeout, message: "instruction budget exceeded (1000000)",
                                              file: scriptPath, line: 2))
        XCTAssertEqual(runScript("return function(ctx) return ctx.n * 2 end", context: .table([("n", .integer(21))]),
                                 in: sandbox).value, .integer(42))
    }

    func testCatchingTheTimeoutWithPcallDoesNotHelp() {
        let result = runScript("return function(ctx)\n  while true do pcall(function() while true do end end) end\nend",
                               budget: LuaBudget(instructions: 100_000))
        XCTAssertEqual(result.error?.kind, .timeout)
        let swallowed = runScript("return function(ctx)\n  pcall(function() while true do end end)\n  return 1\nend",
                                  budget: LuaBudget(instructions: 100_000))
        XCTAssertEqual(swallowed.error?.kind, .timeout)
    }

    func testPerRunBudgetOverridesTheSandboxBudget() {
        let source = "return function(ctx) local s = 0 for i = 1, 100000 do s = s + i end return s end"
        XCTAssertEqual(runScript(source).value, .integer(5_000_050_000))
        XCTAssertEqual(runScript(source, budget: LuaBudget(instructions: 10_000)).error?.kind, .timeout)
    }

    func testWallClockSafetyNet() {
        let result = runScript("return function(ctx) while true do end end", budget: LuaBudget(instructions: 0, seconds: 0.05))
        XCTAssertEqual(result.error?.kind, .timeout)
        XCTAssertEqual(result.error?.message, "time limit exceeded (0.05 s)")
    }

    func testTableGrowthHitsTheMemoryCap() {
        let sandbox = LuaSandbox(budget: LuaBudget(memoryBytes: 8 << 20))
        let result = runScript("return function(ctx)\n local t = {}\n while true do t[#t + 1] = string.rep('x', 1024) end\nend",
                               in: sandbox)
        XCTAssertEqual(result.error?.kind, .memory)
        XCTAssertEqual(result.error?.message, "memory limit exceeded (8388608 bytes)")
        XCTAssertGreaterThan(result.memoryPeak, 7 << 20)
        XCTAssertLessThanOrEqual(result.memoryPeak, 8 << 20)
        XCTAssertLessThan(sandbox.memoryInUse, 1 << 20, "a full collection follows the error")
        XCTAssertEqual(runScript("return function() return #string.rep('y', 1000) end", in: sandbox).value, .integer(1000))
    }

    func testStringDoublingHitsTheMemoryCap() {
        let result = runScript("return function(ctx)\n local s = 'x'\n while true do s = s .. s end\nend")
        XCTAssertEqual(result.error?.kind, .memory)
        XCTAssertEqual(result.error?.message, "memory limit exceeded (67108864 bytes)")
    }

    func testCaughtMemoryErrorIsStillReported() {
        let result = runScript("return function(ctx) pcall(string.rep, 'x', 1 << 30) return 1 end")
        XCTAssertEqual(result.error?.kind, .memory)
    }

    func testPatternBacktrackingSpendsTheBudget() {
        let slow = runScript("return function(ctx) return string.find(('a'):rep(30), ('a*'):rep(9) .. 'b') end")
        XCTAssertEqual(slow.error?.kind, .timeout)
        XCTAssertEqual(slow.error?.message, "instruction budget exceeded (20000000) in string.find")
        XCTAssertEqual(value("local y, m, d = ('2025-07-30'):match('^(%d+)%-(%d+)%-(%d+)$') return {y, m, d}"),
                       .list([.string("2025"), .string("07"), .string("30")]), "escaped '-' is not a quantifier")
        XCTAssertEqual(value("return (('*'):rep(20)):find(('*'):rep(10), 1, true)"), .integer(1), "plain find is not a pattern")
        XCTAssertEqual(value("return select(2, ('a*b'):gsub('[%*-]', '.'))"), .integer(1))
    }

    func testLibraryLoopsThatNeverAllocateAreBounded() {
        XCTAssertEqual(value("return #string.rep('', 1 << 62)"), .integer(0))
        let move = runScript("return function(ctx) table.move({}, 1, 1 << 40, 1, {}) end")
        XCTAssertEqual(move.error?.message, "forbidden: table.move over more than 8388608 elements")
        let insert = runScript("return function(ctx) table.insert(setmetatable({}, {__len = function() return 1 << 40 end}), 1, 'x') end")
        XCTAssertEqual(insert.error?.kind, .forbidden)
    }
}
