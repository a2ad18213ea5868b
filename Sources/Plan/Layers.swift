import Foundation
import Common
import LocatedYAML

/// Resolves `extends:` — a plan built on other plan files or on libraries of templates (`parcheck: layer/1`) —
/// into one root mapping whose nodes keep the locations of the layer that wrote them.
///
/// Paths in `extends` are relative to the file that writes them; a directory means its `plan.yaml`. Layers are
/// applied in the order written, each after the layers it extends itself, and the plan last.
struct LayerResolver {
    let ctx: ReadContext
    /// Every file merged, parents before children, the plan last.
    private(set) var files: [String] = []

    init(ctx: ReadContext) { self.ctx = ctx }

    /// The plan's root with every layer it extends merged under it.
    mutating func resolve(_ root: YAMLNode, file: String) -> YAMLNode {
        resolve(root, file: file, chain: [file])
    }

    private mutating func resolve(_ root: YAMLNode, file: String, chain: [String]) -> YAMLNode {
        var merged: YAMLNode?
        for entry in extendsEntries(root) {
            guard let path = ctx.string(entry, what: "an 'extends' entry") else { continue }
            let parentFile = Self.normalized(PlanLoader.planFile(for: ScriptLoader.join(PlanLoader.directory(of: file), path)))
            if chain.contains(parentFile) {
                ctx.error(entry.location, "extends-cycle", "'\(parentFile)' extends itself through "
                          + (chain + [parentFile]).joined(separator: " → "))
                continue
            }
            guard let parentRoot = load(parentFile, at: entry) else { continue }
            let parent = resolve(parentRoot, file: parentFile, chain: chain + [parentFile])
            merged = merged.map { LayerMerge.merge($0, parent, ctx: ctx) } ?? parent
        }
        if !files.contains(file) { files.append(file) }
        return merged.map { LayerMerge.merge($0, root, ctx: ctx) } ?? root
    }

    /// The path with `.` and `name/..` removed, so one file has one name in cycles and provenance
    /// (lexically: a symbolic link followed by `..` is not resolved).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `extends: path` or `extends: [path, …]`.
    private func extendsEntries(_ root: YAMLNode) -> [YAMLNode] {
        guard let node = root["extends"], !node.isNull else { return [] }
        if node.scalar != nil { return [node] }
        return ctx.list(node, what: "'extends'") ?? []
    }

    /// A layer file's root mapping; parse errors are reported where they are, plus where the layer is named.
    private func load(_ file: String, at entry: YAMLNode) -> YAMLNode? {
        guard let data = FileManager.default.contents(atPath: file) else {
            ctx.error(entry.location, "missing-layer", "plan layer '\(file)' not found")
            return nil
        }
        switch YAMLParser.parse(bytes: [UInt8](data), file: file) {
        case .failure(let d):
            ctx.bag.add(d)
            ctx.error(entry.location, "bad-layer", "plan layer '\(file)' has a YAML error")
            return nil
        case .success(nil):
            ctx.error(entry.location, "bad-layer", "plan layer '\(file)' is empty")
            return nil
        case .success(let node?):
            guard node.mapping != nil else {
                ctx.error(node.location, "expected-mapping", "a plan layer must be a mapping, found \(node.kindDescription)")
                return nil
            }
            let format = node["parcheck"]?.scalar
            if format != PlanReader.formatTag, format != Templates.layerTag {
                ctx.error(node["parcheck"]?.location ?? node.location, "bad-format",
                          "plan layer '\(file)' must say 'parcheck: \(PlanReader.formatTag)' or 'parcheck: \(Templates.layerTag)'")
                return nil
            }
            return node
        }
    }
}
