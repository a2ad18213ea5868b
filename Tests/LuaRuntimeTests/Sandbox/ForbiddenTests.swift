import LuaRuntime
import XCTest

/// Every way out of the sandbox a script might try: each is refused with `.forbidden` naming what was refused, or
/// finds nothing there (nil / a locked metatable) — never the real thing.
final class ForbiddenTests: XCTestCase {
    private func refused(_ name: String, _ use: String, file: StaticString = #filePath, at: UInt = #line) {
        assertStopped(use, .forbidden, "forbidden: '\(name)' is not available in the parcheck sandbox", line: 2,
                      file: file, at: at)
    }

    func testHostAccess() {
        refused("io", "io.open('/etc/passwd')")
        refused("io", "io.popen('id')")
        refused("os", "os.execute('touch /tmp/parcheck-pwned')")
        refused("os", "return os.getenv('HOME')")
        refused("os", "return os.time()")
        refused("print", "print('x')")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/parcheck-pwned"))
    }

    func testLoadingCode() {
        refused("require", "require('os')")
        refused("package", "return package.loaded.os")
        refused("load", "load('return 1')()")
        refused("loadstring", "loadstring('return 1')()")
        refused("dofile", "dofile('/etc/passwd')")
        refused("loadfile", "loadfile('/etc/passwd')")
        refused("debug", "debug.sethook()")
        refused("debug", "return debug.getregistry()")
    }

    /// Bytecode can be neither made (string.dump) nor loaded (load, or a binary chunk as the script itself).
    func testBytecode() {
        refused("string.dump", "local f = string.dump(function() end)\nreturn load(f)")
        assertStopped("return ('').dump(function() end)", .runtime, "attempt to call a nil value (field 'dump')", line: 2)
        let binary = runScript("\u{1B}Lua\u{54}\u{0}\u{19}\u{93}\r\n\u{1A}\nreturn function() end")
        XCTAssertEqual(binary.error?.kind, .forbidden)
        XCTAssertEqual(binary.error?.message, "forbidden: precompiled (binary) chunks are not accepted; give Lua source text")
    }

    func testCollectgarbageAbuse() {
        for mode in ["'stop'", "'collect'", "'count'", "'step', 1e9", "'incremental', 0, 0", "'generational'"] {
            refused("collectgarbage", "collectgarbage(\(mode))")
        }
    }

    func testMetatablesOfSharedValuesAreLocked() {
        XCTAssertEqual(value("return getmetatable('')"), .bool(false))
        assertStopped("getmetatable('').__index = {}", .runtime, "attempt to index a boolean value", line: 2)
        assertStopped("return setmetatable('', {})", .runtime, "bad argument #1 to 'setmetatable' (table expected, got string)",
                      line: 2)
        assertStopped("return setmetatable(_ENV, nil)", .runtime, "cannot change a protected metatable", line: 2)
        assertStopped("return setmetatable(string, {})", .runtime, "cannot change a protected metatable", line: 2)
        XCTAssertEqual(value("return {getmetatable(_ENV), getmetatable(math), rawget(_ENV, 'os'), rawget(string, 'upper')}"),
                       .list([.bool(false), .bool(false)]), "nils end the list: both rawgets found nothing")
    }
}
