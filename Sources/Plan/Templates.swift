import Common
import LocatedYAML

/// Target templates (mẫu chỉ tiêu): what several plans say alike, written once under `templates:` — in the plan or in
/// a layer it extends — and used by a target with `template: NAME`. The target's own keys win; every key keeps the
/// location of the file that wrote it, so `parcheck explain` can show which layer set each value.
enum Templates {
    /// The format tag of a file that only lends templates and declarations to the plans that extend it.
    static let layerTag = "layer/1"

    /// The root with each `template:` target expanded; unknown templates are located errors.
    static func expand(_ root: YAMLNode, ctx: ReadContext) -> YAMLNode {
        let templates = read(root, ctx: ctx)
        guard let pairs = root.mapping,
              let t = pairs.firstIndex(where: { $0.key.scalar == "targets" }),
              let items = pairs[t].value.sequence else { return root }
        let expanded = items.map { item -> YAMLNode in
            guard let nameNode = item["template"], let name = nameNode.scalar, !nameNode.isNull else { return item }
            guard let template = templates[name] else {
                ctx.error(nameNode.location, "unknown-template", "unknown template '\(name)'"
                          + Suggest.hintOrList(for: name, among: templates.keys.sorted()))
                return item
            }
            return LayerMerge.overlay(template, item)
        }
        var result = pairs
        result[t] = YAMLPair(key: pairs[t].key, value: YAMLNode(kind: .sequence(expanded), location: pairs[t].value.location))
        return YAMLNode(kind: .mapping(result), location: root.location, tag: root.tag)
    }

    /// The `templates` mapping: name → a partial target mapping (no `id`, no nested `template`).
    static func read(_ root: YAMLNode, ctx: ReadContext) -> [String: YAMLNode] {
        guard let node = root["templates"], !node.isNull,
              let pairs = ctx.uniquePairs(node, what: "'templates'") else { return [:] }
        var result: [String: YAMLNode] = [:]
        for (name, pair) in pairs {
            guard pair.value.mapping != nil else {
                ctx.error(pair.value.location, "expected-mapping",
                          "template '\(name)' must be a mapping of target keys, found \(pair.value.kindDescription)")
                continue
            }
            for key in ["id", "template"] {
                if let bad = pair.value.mapping?.first(where: { $0.key.scalar == key }) {
                    ctx.error(bad.key.location, "bad-template", "template '\(name)' must not set '\(key)'")
                }
            }
            // Checked here too, not only where a target uses the template: a library's template that no plan uses
            // yet must not hide a typo until the day one does.
            // The unknown key is then left out, so the targets using the template do not report it again.
            var known: [YAMLPair] = []
            for key in pair.value.mapping ?? [] {
                if let k = key.key.scalar, !TargetReader.keys.contains(k) {
                    ctx.error(key.key.location, "unknown-key", "unknown key '\(k)' in template '\(name)'"
                              + Suggest.hint(for: k, among: TargetReader.keys))
                } else {
                    known.append(key)
                }
            }
            result[name] = YAMLNode(kind: .mapping(known), location: pair.value.location, tag: pair.value.tag)
        }
        return result
    }
}
