import Foundation
import Common
import LocatedYAML

/// Finds and reads the Lua check scripts a plan names, once per path.
/// Compiling them is the Lua runtime's job; here they only have to exist and be UTF-8 text.
final class ScriptLoader {
    let ctx: ReadContext
    let directory: String
    private(set) var scripts: [String: ScriptSource] = [:]

    init(ctx: ReadContext, directory: String) {
        self.ctx = ctx
        self.directory = directory
    }

    /// Reads `path` (relative to the plan file) unless already read; false after a located error.
    func load(_ path: String, node: YAMLNode) -> Bool {
        if scripts[path] != nil { return true }
        let shown = Self.join(directory, path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: shown) else {
            ctx.error(node.location, "missing-script", "check script '\(path)' not found (looked for '\(shown)')")
            return false
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            ctx.error(node.location, "bad-encoding", "check script '\(shown)' is not UTF-8 text")
            return false
        }
        scripts[path] = ScriptSource(path: shown, text: text)
        return true
    }

    /// `dir/path`, leaving absolute paths alone and not prefixing "./".
    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
