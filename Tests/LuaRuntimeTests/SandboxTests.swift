import LuaRuntime
import XCTest

final class SandboxTests: XCTestCase {
    private func forbidden(_ body: String, _ message: String, line: UInt = #line) {
        let result = runScript("return function(ctx)\n\(body)\nend")
        XCTAssertEqual(result.error, LuaError(kind: .forbidden, message: message, file: scriptPath, line: 2), line: line)
    }

    func testDangerousGlobalsAreForbidden() {
        forbidden("os.execute('x')", "forbidden: 'os' is not available in the parcheck sandbox")
        forbidden("io.open('/etc/passwd')", "forbidden: 'io' is not available in the parcheck sandbox")
        forbidden("require('x')", "forbidden: 'require' is not available in the parcheck sandbox")
        forbidden("load('return 1')", "forbidden: 'load' is not available in the parcheck sandbox")
        forbidden("string.dump(tostring)", "forbidden: 'string.dump' is not available in the parcheck sandbox")
        forbidden("return debug", "forbidden: 'debug' is not available in the parcheck sandbox")
        forbidden("collectgarbage()", "forbidden: 'collectgarbage' is not available in the parcheck sandbox")
        XCTAssertEqual(value("return {undefined_name == nil, string.nope == nil}"), .list([.bool(true), .bool(true)]))
    }

    func testForbiddenAtTopLevelFailsCompile() {
        guard case .failure(let error) = LuaSandbox().compile(source: "local x = os.time()\nreturn function() end",
                                                              chunkName: scriptPath) else { return XCTFail("compiled") }
        XCTAssertEqual(error.kind, .forbidden)
        XCTAssertEqual(error.line, 1)
    }

    func testBinaryChunksAreRefused() {
        let result = runScript("\u{1B}LuaT\u{0}\u{19}\u{93}\r\n\u{1A}\n")
        XCTAssertEqual(result.error, LuaError(kind: .forbidden, message:
            "forbidden: precompiled (binary) chunks are not accepted; give Lua source text", file: scriptPath, line: nil))
    }

    func testGlobalsDoNotSurviveARun() {
        let sandbox = LuaSandbox()
        guard case .success(let chunk) = sandbox.compile(source: """
            counter = counter or 0
            local calls = 0
            return function(ctx) counter = counter + 1; calls = calls + 1; seen = (seen or 0) + 1; return {counter, calls, seen} end
            """, chunkName: scriptPath) else { return XCTFail("compile") }
        let first = sandbox.run(chunk, context: .null).value
        XCTAssertEqual(first, .list([.integer(1), .integer(1), .integer(1)]))
        XCTAssertEqual(sandbox.run(chunk, context: .null).value, first)
        XCTAssertEqual(runScript("return function() return seen == nil and counter == nil end", in: sandbox).value, .bool(true))
    }

    func testLibrariesAreReadOnly() {
        forbidden("string.upper = nil", "forbidden: 'string.upper' is read-only in the parcheck sandbox")
        forbidden("rawset(math, 'pi', 3)", "forbidden: rawset on a read-only parcheck sandbox table")
        forbidden("table.insert(string, 'x')", "forbidden: 'string.1' is read-only in the parcheck sandbox")
        let tamper = runScript("return function() return pcall(setmetatable, string, nil) end")
        XCTAssertEqual(tamper.value, .bool(false))
        XCTAssertEqual(value("return getmetatable('')"), .bool(false))
        XCTAssertEqual(value("return ('abc'):upper() .. string.upper('d')"), .string("ABCD"))
    }

    func testPairsOverALibraryDoesNotExposeTheRealTable() {
        XCTAssertEqual(value("local f, t = pairs(math) local n = 0 for k in pairs(math) do n = n + 1 end return {t == math, n > 20}"),
                       .list([.bool(true), .bool(true)]))
    }

    func testFinalizersAreRefused() {
        forbidden("setmetatable({}, {__gc = function() while true do end end})",
                  "forbidden: __gc metamethods are not available in the parcheck sandbox")
        XCTAssertEqual(value("return getmetatable(setmetatable({}, {__index = {a = 1}})).__index.a"), .integer(1))
    }

    func testGlobalEnvironmentIsFreshAndSelfReferential() {
        XCTAssertEqual(value("x = 5 return {_G.x, _ENV == _G}"), .list([.integer(5), .bool(true)]))
    }

    func testMathRandomIsDeterministic() {
        let body = "return {math.random(1000000), math.random(1000000)}"
        XCTAssertEqual(value(body), value(body))
    }
}
