import LuaRuntime
import XCTest

final class FindingTests: XCTestCase {
    func testFindingsKeepFieldsAndCallerLine() {
        let source = """
        return function(ctx)
          finding{message = "late", value = 12, expected = 10}
          local n = 0
          ctx.finding{message = "nested", severity = "warning", value = {a = 1}}
          return 2
        end
        """
        let result = runScript(source)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.value, .integer(2))
        XCTAssertEqual(result.findings, [
            LuaFindingRecord(fields: .table([("expected", .integer(10)), ("message", .string("late")),
                                             ("value", .integer(12))]), line: 2),
            LuaFindingRecord(fields: .table([("message", .string("nested")), ("severity", .string("warning")),
                                             ("value", .table([("a", .integer(1))]))]), line: 4),
        ])
    }

    func testFindingCopiesTheTableAtCallTime() {
        let result = runScript("return function(ctx)\n local t = {message = 'a'}\n finding(t)\n t.message = 'b'\nend")
        XCTAssertEqual(result.findings.first?.fields["message"], .string("a"))
    }

    func testFindingsFromHelperFunctionsReportTheCallLine() {
        let source = "local function flag(m)\n  finding{message = m}\nend\nreturn function(ctx)\n  flag('x')\nend"
        XCTAssertEqual(runScript(source).findings.map(\.line), [2])
    }

    func testFindingsDoNotLeakIntoTheNextRun() {
        let sandbox = LuaSandbox()
        guard case .success(let chunk) = sandbox.compile(source: "return function(ctx) if ctx.flag then finding{message = 'x'} end end",
                                                         chunkName: scriptPath) else { return XCTFail("compile") }
        XCTAssertEqual(sandbox.run(chunk, context: .table([("flag", .bool(true))])).findings.count, 1)
        XCTAssertEqual(sandbox.run(chunk, context: .table([])).findings.count, 0)
    }

    func testUnsupportedFieldTypeIsARuntimeErrorAtTheCall() {
        let result = runScript("return function(ctx)\n\n  finding{message = 'x', f = tostring}\nend")
        XCTAssertEqual(result.error?.kind, .runtime)
        XCTAssertEqual(result.error?.line, 3)
        XCTAssertEqual(result.error?.message, "finding: field 'f' has unsupported type function")
        XCTAssertEqual(result.findings, [], "a failed run reports no findings")
    }

    func testFindingRequiresATable() {
        let result = runScript("return function(ctx) finding('oops') end")
        XCTAssertEqual(result.error?.kind, .runtime)
        XCTAssertEqual(result.error?.line, 1)
        XCTAssertTrue(result.error?.message.contains("table expected, got string") ?? false, "\(String(describing: result.error))")
    }
}
