import Common
import LocatedYAML

/// Merges the root mappings of plan layers (`extends:`), at the level of located YAML nodes, so every value keeps
/// the file, line and column of the layer that wrote it and the typed readers see one ordinary plan.
///
/// - `indicators` (by `name`), `areas` and `targets` (by `id`): an item with a known key replaces the keys it
///   writes and keeps the others; `drop: true` removes the inherited item; new items are appended.
/// - `periods`, `templates` and `roles`: entries by name, a later one replacing an earlier one whole.
/// - every other key: the later layer's value replaces the earlier one's whole.
enum LayerMerge {
    /// The lists merged item by item, with the key naming an item.
    static let keyedLists: [String: String] = ["indicators": "name", "areas": "id", "targets": "id"]
    /// The mappings merged entry by entry.
    static let keyedMaps: Set<String> = ["periods", "templates", "roles"]

    /// `over` laid on `base`; both are root mappings. `extends` itself is never inherited.
    static func merge(_ base: YAMLNode, _ over: YAMLNode, ctx: ReadContext) -> YAMLNode {
        guard let basePairs = base.mapping, let overPairs = over.mapping else { return over }
        var result = basePairs.filter { $0.key.scalar != "extends" }
        for pair in overPairs {
            guard let key = pair.key.scalar, let i = result.firstIndex(where: { $0.key.scalar == key }) else {
                result.append(pair)
                continue
            }
            if let idKey = keyedLists[key] {
                result[i] = YAMLPair(key: pair.key, value: mergeList(result[i].value, pair.value, idKey: idKey, section: key, ctx: ctx))
            } else if keyedMaps.contains(key), pair.value.mapping != nil, result[i].value.mapping != nil {
                result[i] = YAMLPair(key: pair.key, value: overlay(result[i].value, pair.value))
            } else {
                result[i] = pair
            }
        }
        return YAMLNode(kind: .mapping(result), location: over.location, tag: over.tag)
    }

    /// Items of `over` merged into `base` by `idKey`.
    static func mergeList(_ base: YAMLNode, _ over: YAMLNode, idKey: String, section: String, ctx: ReadContext) -> YAMLNode {
        guard var items = base.sequence, let overItems = over.sequence else { return over }
        for item in overItems {
            let id = item[idKey]?.scalar
            let drop = item["drop"]?.scalar == "true"
            if drop, let extra = item.mapping?.first(where: { $0.key.scalar != idKey && $0.key.scalar != "drop" }) {
                // A dropped item's other keys would be silently thrown away with it: the author meant something else.
                ctx.error(extra.key.location, "drop-with-keys",
                          "'\(extra.key.scalar ?? "?")' beside 'drop: true' has no effect: a dropped \(singular(section)) takes only '\(idKey)' and 'drop'")
            }
            guard let id, let i = items.firstIndex(where: { $0[idKey]?.scalar == id }) else {
                if drop {
                    ctx.error(item.location, "drop-unknown",
                              "nothing to drop: no inherited \(singular(section)) '\(id ?? "?")' in the layers this plan extends")
                } else {
                    items.append(item)
                }
                continue
            }
            if drop {
                items.remove(at: i)
            } else {
                items[i] = overlay(items[i], item)
            }
        }
        return YAMLNode(kind: .sequence(items), location: over.location, tag: over.tag)
    }

    /// A mapping whose keys are `base`'s, each replaced whole by `over`'s when `over` writes it, then `over`'s new keys.
    static func overlay(_ base: YAMLNode, _ over: YAMLNode) -> YAMLNode {
        guard var pairs = base.mapping, let overPairs = over.mapping else { return over }
        for pair in overPairs {
            if let i = pairs.firstIndex(where: { $0.key.scalar != nil && $0.key.scalar == pair.key.scalar }) {
                pairs[i] = pair
            } else {
                pairs.append(pair)
            }
        }
        return YAMLNode(kind: .mapping(pairs), location: over.location, tag: over.tag)
    }

    private static func singular(_ section: String) -> String {
        section == "indicators" ? "indicator" : section == "areas" ? "area" : "target"
    }
}
