import LuaRuntime
import XCTest

final class ErrorTests: XCTestCase {
    func testSyntaxErrorHasLineAndCleanMessage() {
        let source = "return function(ctx)\n  local x = = 1\nend"
        let expected = LuaError(kind: .syntax, message: "unexpected symbol near '='", file: scriptPath, line: 2)
        XCTAssertEqual(LuaSandbox.checkSyntax(source: source, chunkName: scriptPath), expected)
        guard case .failure(let error) = LuaSandbox().compile(source: source, chunkName: scriptPath) else {
            return XCTFail("compiled")
        }
        XCTAssertEqual(error, expected)
    }

    func testCheckSyntaxAcceptsValidSourceWithoutRunningIt() {
        XCTAssertNil(LuaSandbox.checkSyntax(source: "while true do end", chunkName: scriptPath))
    }

    func testRuntimeErrorHasLine() {
        let result = runScript("return function(ctx)\n  local t = nil\n  return t.x\nend")
        XCTAssertEqual(result.error, LuaError(kind: .runtime, message: "attempt to index a nil value (local 't')",
                                              file: scriptPath, line: 3))
    }

    func testErrorCallsKeepTheirMessage() {
        XCTAssertEqual(runScript("return function(ctx)\n error('bad data')\nend").error,
                       LuaError(kind: .runtime, message: "bad data", file: scriptPath, line: 2))
        // Level 0 adds no position: the line of the innermost Lua frame is used instead.
        XCTAssertEqual(runScript("return function(ctx)\n\n error('plain', 0)\nend").error,
                       LuaError(kind: .runtime, message: "plain", file: scriptPath, line: 3))
        XCTAssertEqual(runScript("return function(ctx) error({}) end").error?.message, "(error object is a table value)")
    }

    func testLongChunkNamesAreStillParsed() {
        let path = "Rules/a-very-long-directory-name/another-long-directory/checks/some_check_script.lua"
        let sandbox = LuaSandbox()
        guard case .success(let chunk) = sandbox.compile(source: "return function(ctx)\n error('x')\nend", chunkName: path) else {
            return XCTFail("compile")
        }
        XCTAssertEqual(sandbox.run(chunk, context: .null).error, LuaError(kind: .runtime, message: "x", file: path, line: 2))
    }

    func testChunkMustReturnAFunction() {
        let result = runScript("return 42")
        XCTAssertEqual(result.error, LuaError(kind: .badScript,
                                              message: "the script must return a function(ctx), but returned a number value",
                                              file: scriptPath, line: nil))
        XCTAssertEqual(runScript("local x = 1").error?.kind, .badScript)
    }

    func testTopLevelErrorsSurfaceAtCompile() {
        guard case .failure(let error) = LuaSandbox().compile(source: "local x = nil\nlocal y = x.z\nreturn function() end",
                                                              chunkName: scriptPath) else { return XCTFail("compiled") }
        XCTAssertEqual(error.kind, .runtime)
        XCTAssertEqual(error.line, 2)
    }

    func testDeepRecursionIsAnErrorNotACrash() {
        let result = runScript("local function f(n) return 1 + f(n + 1) end\nreturn function(ctx) return f(1) end",
                               budget: LuaBudget(instructions: 0))
        XCTAssertEqual(result.error?.kind, .runtime)
        XCTAssertEqual(result.error?.message, "stack overflow")
    }

    func testSandboxIsUsableAfterErrors() {
        let sandbox = LuaSandbox()
        XCTAssertEqual(runScript("return function() error('x') end", in: sandbox).error?.kind, .runtime)
        XCTAssertEqual(runScript("return function() return 1 end", in: sandbox).value, .integer(1))
    }
}
