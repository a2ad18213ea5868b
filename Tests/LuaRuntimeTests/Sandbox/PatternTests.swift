import LuaRuntime
import XCTest

/// Pattern matching runs in C, where no hook reaches; the shim's matcher charges each step to the instruction
/// budget, so catastrophic backtracking ends as a timeout naming the function, like any runaway loop.
final class PatternTests: XCTestCase {
    let subject = "local s = ('a'):rep(40)\n"
    let bomb = "(('a*'):rep(12) .. 'b')"

    func testBacktrackingSpendsTheInstructionBudget() {
        assertStopped(subject + "return s:find(\(bomb))", .timeout, spent(in: "string.find"), line: 3)
        assertStopped(subject + "return string.match(s, \(bomb))", .timeout, spent(in: "string.match"), line: 3)
        assertStopped(subject + "for x in s:gmatch(\(bomb)) do end", .timeout, spent(in: "string.gmatch"), line: 3)
        assertStopped(subject + "return s:gsub(\(bomb), 'x')", .timeout, spent(in: "string.gsub"), line: 3)
        assertStopped("return (('x'):rep(3000)):find('.-.-.-y')", .timeout, spent(in: "string.find"), line: 2)
        assertStopped("return (('a'):rep(5000)):find('(a*)%1b')", .timeout, spent(in: "string.find"), line: 2)
        assertStopped("return (('('):rep(5000)):find('%b()')", .timeout, spent(in: "string.find"), line: 2)
    }

    func testCatchingThePatternTimeoutDoesNotHelp() {
        assertStopped(subject + "pcall(string.find, s, \(bomb))\nreturn 1", .timeout, spent(in: "string.find"))
        assertStopped(subject + "for i = 1, 100 do pcall(string.find, s, \(bomb)) end", .timeout, spent(in: "string.find"))
    }

    /// With the instruction count off, the matcher still reads the clock.
    func testWallClockReachesInsideTheMatcher() {
        assertStopped(subject + "return s:find(\(bomb))", .timeout, "time limit exceeded (0.05 s) in string.find",
                      line: 3, budget: LuaBudget(instructions: 0, memoryBytes: 8 << 20, seconds: 0.05))
    }

    func testOrdinaryPatternsAreUnrestricted() {
        // Nine quantifiers and a long pattern: refused by the old heuristic guard, fine with a step budget.
        XCTAssertEqual(value("return {('2025-07-30T10:05'):match('^%s*(%d+)%-(%d+)%-(%d+)T?(%d*):?(%d*)%s*$')}"),
                       .list(["2025", "07", "30", "10", "05"].map { .string($0) }))
        XCTAssertEqual(value("return #(('x'):rep(400)):match(('x'):rep(300))"), .integer(300))
        XCTAssertEqual(value("return select(2, ('a,b;;c'):gsub('[,;]', '|'))"), .integer(3))
        XCTAssertEqual(value("local n = 0 for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do n = n + v end return n"),
                       .integer(3))
        XCTAssertEqual(value("return {('THE (quick) fox'):find('%f[%a]%a+', 5)}"), .list([.integer(6), .integer(10)]))
        XCTAssertEqual(value("return {('f(a(b)c) g'):match('%b()')}"), .list([.string("(a(b)c)")]))
    }

    /// A plain search is linear (two-way search): the naive O(n·m) worst case finishes within the budget.
    func testPlainFindIsLinear() {
        XCTAssertEqual(value("local s = ('a'):rep(1000000) return s:find(('a'):rep(100000) .. 'b', 1, true)"), .null)
        XCTAssertEqual(value("return ('x.-y'):find('.-', 1, true)"), .integer(2))
    }

    func testMalformedPatternsAreRuntimeErrors() {
        assertStopped("return ('x'):find('%')", .runtime, "malformed pattern (ends with '%')", line: 2)
        assertStopped("return ('x'):find('[a')", .runtime, "malformed pattern (missing ']')", line: 2)
        assertStopped("return ('x'):match('(()')", .runtime, "unfinished capture", line: 2)
        assertStopped("return ('x'):gsub('x', '%2')", .runtime, "invalid capture index %2", line: 2)
        assertStopped("return (('a'):rep(250)):match(('a?'):rep(250))", .runtime, "pattern too complex", line: 2)
        assertStopped("return ('x'):match(('()'):rep(33))", .runtime, "too many captures", line: 2)
    }
}
