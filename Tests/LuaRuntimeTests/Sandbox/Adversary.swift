import LuaRuntime
import XCTest

/// The budget of the adversarial cases: small, so a runaway script stops within milliseconds.
let hostileBudget = LuaBudget(instructions: 1_000_000, memoryBytes: 8 << 20, seconds: 10)

/// What `instructions` runs out as, when the last of it went into Lua code or into a named library function.
func spent(_ budget: LuaBudget = hostileBudget, in function: String? = nil) -> String {
    "instruction budget exceeded (\(budget.instructions))" + (function.map { " in \($0)" } ?? "")
}

/// Runs `body` (the inside of `function(ctx) … end`, starting on line 2) in a fresh sandbox and asserts the run
/// failed with exactly `kind` and `message` (and `line`, when given), produced no finding and no value, kept the
/// Lua heap under the cap, and left the sandbox able to run a good check.
func assertStopped(_ body: String, _ kind: LuaError.Kind, _ message: String, line: Int? = nil,
                   budget: LuaBudget = hostileBudget, file: StaticString = #filePath, at: UInt = #line) {
    let sandbox = LuaSandbox(budget: budget)
    let result = runScript("return function(ctx)\n\(body)\nend", in: sandbox)
    XCTAssertEqual(result.error?.kind, kind, "\(result.error.map(String.init(describing:)) ?? "no error")",
                   file: file, line: at)
    XCTAssertEqual(result.error?.message, message, file: file, line: at)
    XCTAssertEqual(result.error?.file, scriptPath, file: file, line: at)
    if let line { XCTAssertEqual(result.error?.line, line, file: file, line: at) }
    XCTAssertEqual(result.findings, [], file: file, line: at)
    XCTAssertEqual(result.value, .null, file: file, line: at)
    if budget.memoryBytes > 0 { XCTAssertLessThanOrEqual(result.memoryPeak, budget.memoryBytes, file: file, line: at) }
    assertUsable(sandbox, file: file, at: at)
}

/// The sandbox still runs a check correctly, and a failed run left no garbage behind (a full collection ran).
func assertUsable(_ sandbox: LuaSandbox, file: StaticString = #filePath, at: UInt = #line) {
    XCTAssertLessThan(sandbox.memoryInUse, 1 << 20, "heap after the failed run", file: file, line: at)
    let probe = runScript("return function(ctx) finding{message = 'ok'} return ctx.n * 2 end",
                          context: .table([("n", .integer(21))]), in: sandbox)
    XCTAssertNil(probe.error, file: file, line: at)
    XCTAssertEqual(probe.value, .integer(42), file: file, line: at)
    XCTAssertEqual(probe.findings.count, 1, file: file, line: at)
}
