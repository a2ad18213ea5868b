import LuaRuntime
import XCTest

/// One check cannot change what another check sees: every run gets a fresh environment over read-only shared
/// libraries, and the string metatable cannot be written. Each test runs a tampering check, then a witness check
/// in the same sandbox (as the Engine does, one sandbox per worker for all targets).
final class CheckIsolationTests: XCTestCase {
    let witness = """
        return function(ctx)
          return {x == nil, type(string.upper), ('a'):upper(), math.pi, tostring(pairs ~= nil), ctx.unit.id,
                  rawget(_ENV, 'string') == nil, string.format('%d', 7), math.random(1000)}
        end
        """

    private func assertWitnessUnchanged(after tampering: [String], file: StaticString = #filePath, line: UInt = #line) {
        let clean = runScript(witness, context: Self.context)
        XCTAssertNil(clean.error, file: file, line: line)
        let sandbox = LuaSandbox(budget: hostileBudget)
        for body in tampering {
            _ = runScript("return function(ctx)\n\(body)\nend", context: Self.context, in: sandbox)
        }
        XCTAssertEqual(runScript(witness, context: Self.context, in: sandbox).value, clean.value, file: file, line: line)
    }

    static let context: LuaValue = .table([("unit", .table([("id", .string("U1"))]))])

    func testGlobalsDoNotLeak() {
        assertWitnessUnchanged(after: ["x = 1", "_G.x = 2", "_ENV.x = 3", "string = {upper = function() return 'pwned' end}",
                                       "pairs = nil", "rawset(_ENV, 'x', 4)", "setmetatable(_G, nil)"])
    }

    func testLibrariesAreReadOnly() {
        assertWitnessUnchanged(after: ["string.upper = function() return 'pwned' end", "math.pi = 3",
                                       "rawset(math, 'pi', 3)", "table.insert(string, 'x')", "local s = string\ns.format = nil",
                                       "for k in pairs(string) do string[k] = nil end"])
        let result = runScript("return function(ctx) string.upper = tostring end")
        XCTAssertEqual(result.error?.message, "forbidden: 'string.upper' is read-only in the parcheck sandbox")
    }

    func testStringMetatableIsNotWritable() {
        assertWitnessUnchanged(after: ["getmetatable('').__index = {upper = function() return 'pwned' end}",
                                       "setmetatable('', {__index = {}})", "rawset(getmetatable(''), '__index', {})"])
    }

    func testContextAndRandomStateAreFreshEachRun() {
        assertWitnessUnchanged(after: ["ctx.unit.id = 'U9'", "math.randomseed(42)\nmath.random()",
                                       "local t = {}\nfor i = 1, 1000 do t[i] = math.random() end"])
    }

    func testTopLevelStateOfTheSameScriptIsFreshEachRun() {
        let sandbox = LuaSandbox()
        guard case .success(let chunk) = sandbox.compile(source: """
            local cache = {}
            return function(ctx) cache[#cache + 1] = ctx.n; return #cache end
            """, chunkName: scriptPath) else { return XCTFail("compile") }
        XCTAssertEqual(sandbox.run(chunk, context: .table([("n", .integer(1))])).value, .integer(1))
        XCTAssertEqual(sandbox.run(chunk, context: .table([("n", .integer(2))])).value, .integer(1))
    }
}
