import LuaRuntime
import XCTest

/// The chunk name every test script gets, as a plan would give it.
let scriptPath = "Rules/x/checks/a.lua"

/// Compiles and runs `source` once; a compile failure is returned as the run's error.
func runScript(_ source: String, context: LuaValue = .table([]), in sandbox: LuaSandbox = LuaSandbox(),
               records: LuaRecordView? = nil, budget: LuaBudget? = nil) -> LuaRunResult {
    switch sandbox.compile(source: source, chunkName: scriptPath) {
    case .failure(let error): return LuaRunResult(value: .null, findings: [], error: error, memoryPeak: 0)
    case .success(let chunk): return sandbox.run(chunk, context: context, records: records, budget: budget)
    }
}

/// Runs `body` (the inside of `function(ctx) … end`) and returns its value, failing the test on an error.
func value(_ body: String, context: LuaValue = .table([]), file: StaticString = #filePath, line: UInt = #line) -> LuaValue {
    let result = runScript("return function(ctx)\n\(body)\nend", context: context)
    if let error = result.error { XCTFail("unexpected error: \(error)", file: file, line: line) }
    return result.value
}
