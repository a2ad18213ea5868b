import CLua
import LuaRuntime

/// Lua: `sandbox` runs the input as a check script under a small budget, then a known script on the same state
/// (a hostile run must leave the sandbox correct); `patterns` compares the shim's budgeted pattern matcher
/// with stock Lua's lstrlib on the same (pattern, subject), result for result and error for error.
enum LuaHarness {
    nonisolated(unsafe) static var box: LuaSandbox?
    nonisolated(unsafe) static var probe: LuaChunk?
    static let budget = LuaBudget(instructions: 200_000, memoryBytes: 16 << 20, seconds: 2)

    static let sandbox = Harness(name: "lua", setUp: {
        let sandbox = LuaSandbox(budget: budget)
        guard case .success(let chunk) = sandbox.compile(source: "return function(ctx) return ctx.n * 2 end",
                                                         chunkName: "probe.lua") else { Harness.fail("probe") }
        box = sandbox
        probe = chunk
    }) { bytes in
        guard let sandbox = box, let probe else { return }
        let source = String(decoding: bytes, as: UTF8.self)
        if case .success(let chunk) = sandbox.compile(source: source, chunkName: "fuzz.lua") {
            _ = sandbox.run(chunk, context: .table([("n", .integer(1)), ("unit", .table([("id", .string("U1"))]))]))
        }
        let after = sandbox.run(probe, context: .table([("n", .integer(21))]))
        if after.value != .integer(42) { Harness.fail("sandbox unusable after a fuzz run: \(after)") }
    }

    static let patterns = Harness(name: "patterns", setUp: PatternOracle.setUp) { bytes in
        PatternOracle.compare(bytes)
    }
}
