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

    /// Reads `path` unless already read, returning its key in `Plan.scripts`; nil after a located error.
    /// The path is relative to the file that writes it: the plan, or a layer the plan extends (then the key is
    /// the joined path, so two layers' `checks/x.lua` stay apart).
    func load(_ path: String, node: YAMLNode) -> String? {
        let written = node.location.file
        let base = written == ctx.file ? directory : PlanLoader.directory(of: written)
        let shown = Self.join(base, path)
        let key = base == directory ? path : shown
        if scripts[key] != nil { return key }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: shown) else {
            ctx.error(node.location, "missing-script", "check script '\(path)' not found (looked for '\(shown)')")
            return nil
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            ctx.error(node.location, "bad-encoding", "check script '\(shown)' is not UTF-8 text")
            return nil
        }
        scripts[key] = ScriptSource(path: shown, text: text)
        return key
    }

    /// `dir/path`, leaving absolute paths alone and not prefixing "./".
    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
