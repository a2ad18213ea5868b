import Dispatch
import LuaRuntime
import XCTest

/// Collects per-thread results; every access holds the lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: LuaValue] = [:]
    func set(_ i: Int, _ v: LuaValue) { lock.lock(); values[i] = v; lock.unlock() }
    var all: [Int: LuaValue] { lock.lock(); defer { lock.unlock() }; return values }
}

final class IsolationTests: XCTestCase {
    func testOneSandboxPerThreadRunsIndependently() {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let sandbox = LuaSandbox(budget: LuaBudget(instructions: 200_000))
            var last: LuaValue = .null
            for round in 0..<26 {
                // Every other run times out; the state must stay correct for the next one.
                let body = round % 2 == 0 ? "while true do end" : "local s = 0 for i = 1, ctx.n do s = s + i end return s"
                last = runScript("return function(ctx)\n\(body)\nend", context: .table([("n", .integer(Int64(100 + worker)))]),
                                 in: sandbox).value
            }
            results.set(worker, last)
        }
        XCTAssertEqual(results.all, [0: .integer(5050), 1: .integer(5151), 2: .integer(5253), 3: .integer(5356)])
    }

    func testChunkFromAnotherSandboxIsRefused() {
        guard case .success(let chunk) = LuaSandbox().compile(source: "return function() return 1 end", chunkName: scriptPath)
        else { return XCTFail("compile") }
        let result = LuaSandbox().run(chunk, context: .null)
        XCTAssertEqual(result.error, LuaError(kind: .badScript, message: "the chunk was compiled by another sandbox",
                                              file: scriptPath, line: nil))
    }

    func testMetamethodRecursionIsAStackOverflowError() {
        let result = runScript("""
            return function(ctx)
              local t = setmetatable({}, {__index = function(t, k) return t[k] end})
              return t.x
            end
            """)
        XCTAssertEqual(result.error?.kind, .runtime)
        XCTAssertEqual(result.error?.message, "stack overflow")
    }

    func testSuccessfulRunReportsItsMemoryPeak() {
        let sandbox = LuaSandbox()
        let before = sandbox.memoryInUse
        let result = runScript("return function() local t = {} for i = 1, 10000 do t[i] = i end return #t end", in: sandbox)
        XCTAssertEqual(result.value, .integer(10000))
        XCTAssertGreaterThan(result.memoryPeak, before + 160_000, "10k array slots of 16 bytes were live at the peak")
    }
}
