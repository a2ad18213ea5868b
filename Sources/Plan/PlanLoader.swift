import Foundation
import Common
import LocatedYAML

/// Loads a plan file (plan format v1, see Rules/README.md) into a `Plan`, collecting every error.
public enum PlanLoader {
    /// Loads `path`: a plan file, or a directory containing `plan.yaml`.
    ///
    /// Diagnostics come sorted by location. `plan` is nil only when errors prevent building it (unreadable file,
    /// YAML syntax, wrong format tag, missing id, title or document); otherwise elements with errors are left out,
    /// so a caller must not evaluate a plan whose diagnostics contain errors.
    public static func load(path: String) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let file = planFile(for: path)
        guard let data = FileManager.default.contents(atPath: file) else {
            let d = Diagnostic(SourceLocation(file: file, line: 1), code: "io-error", "cannot read the plan file '\(file)'")
            return (nil, [d])
        }
        return load(bytes: [UInt8](data), file: file)
    }

    /// Loads plan text as if read from `file`; check scripts are looked up next to `file`.
    public static func load(text: String, file: String) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        load(bytes: Array(text.utf8), file: file)
    }

    static func load(bytes: [UInt8], file: String) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        let root: YAMLNode
        switch YAMLParser.parse(bytes: bytes, file: file) {
        case .failure(let d):
            return (nil, [withQuotingHint(d, bytes: bytes)])
        case .success(nil):
            return (nil, [Diagnostic(SourceLocation(file: file, line: 1), code: "expected-mapping", "the plan file is empty")])
        case .success(let node?):
            root = node
        }
        let ctx = ReadContext(file: file)
        var layers = LayerResolver(ctx: ctx)
        let merged = Templates.expand(layers.resolve(root, file: file), ctx: ctx)
        var plan = PlanReader(ctx: ctx, file: file, directory: directory(of: file)).read(merged)
        plan?.layers = layers.files
        return (plan, ctx.bag.sorted)
    }

    /// The plan file for a path: the path itself, or `plan.yaml` inside it when it is a directory.
    static func planFile(for path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return path }
        return path.hasSuffix("/") ? path + "plan.yaml" : path + "/plan.yaml"
    }

    /// The directory part of a path, "." when there is none.
    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    /// `expect: >= 98%` is a YAML block-scalar header and `expect: != 0` a tag; say so next to libyaml's message.
    static func withQuotingHint(_ d: Diagnostic, bytes: [UInt8]) -> Diagnostic {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard d.location.line >= 1, d.location.line <= lines.count else { return d }
        let line = String(decoding: lines[d.location.line - 1], as: UTF8.self)
        guard line.contains(": >=") || line.contains(": >") || line.contains(": !=") else { return d }
        var hinted = d
        hinted.message += "; quote expectations that start with '>' or '!', e.g. expect: \">= 98%\""
        return hinted
    }
}
