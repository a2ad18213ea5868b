import Common
import LocatedYAML

/// Reads units from a YAML tree (JSON units are converted to the same tree): a sequence of unit mappings,
/// or a mapping whose `units` key holds that sequence.
enum UnitTree {
    private static let unitKeys: Set<String> = ["id", "name", "kind", "parent", "roles", "indicators"]

    /// Reads every unit of `root`; a diagnostic when the document has neither accepted shape.
    static func read(_ root: YAMLNode?, into ingest: inout UnitIngest) -> Diagnostic? {
        guard let root else { return nil }
        guard let items = root.sequence ?? root["units"]?.sequence ?? (root["units"]?.isNull == true ? [] : nil) else {
            return Diagnostic(root.location, code: "bad-shape",
                              "expected a sequence of units or a mapping with 'units:', found \(root.kindDescription)")
        }
        if let pairs = root.mapping {
            for pair in pairs where pair.key.scalar != "units" {
                ingest.warn(pair.key.location, "unknown-key", "key '\(pair.key.scalar ?? "?")' is not part of a units file; ignored")
            }
        }
        for item in items { ingest.add(draft(item, &ingest)) }
        return nil
    }

    /// One unit mapping as a draft; shape problems become the draft's problems or warnings.
    private static func draft(_ node: YAMLNode, _ ingest: inout UnitIngest) -> UnitDraft {
        var d = UnitDraft(location: node.location)
        guard let pairs = node.mapping else {
            d.problems.add("unit", "not-a-record", "the unit is \(node.kindDescription), not a mapping")
            return d
        }
        var seen: Set<String> = []
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard seen.insert(key).inserted else {
                d.problems.add(key, "duplicate-key", "\(key) is given more than once")
                continue
            }
            guard unitKeys.contains(key) else {
                ingest.warn(pair.key.location, "unknown-key", "unit key '\(key)' is not id, name, kind, parent, roles or indicators; ignored")
                continue
            }
            if key == "indicators" {
                d.indicators = indicators(pair.value, &ingest)
                continue
            }
            if key == "roles", let items = pair.value.sequence {
                d.roles = items.compactMap(YAMLDossiers.text)
                if d.roles.count != items.count { d.problems.add(key, "bad-value", "roles must be a list of names") }
                continue
            }
            guard let text = YAMLDossiers.text(of: pair.value) else {
                d.problems.add(key, "bad-value", "\(key) is \(pair.value.kindDescription), not a single value")
                continue
            }
            switch key {
            case "id": d.id = text
            case "name": d.name = text
            case "kind": d.kind = text
            case "roles": d.roles = UnitCSV.roles(text)
            default: d.parent = text
            }
        }
        return d
    }

    /// The `indicators:` mapping: each value a scalar or `{value: X, evidence: {number:, date:}}`.
    private static func indicators(_ node: YAMLNode, _ ingest: inout UnitIngest) -> [String: IndicatorValue] {
        var out: [String: IndicatorValue] = [:]
        if node.isNull { return out }
        guard let pairs = node.mapping else {
            ingest.warn(node.location, "bad-indicators", "indicators is \(node.kindDescription), not a mapping; ignored")
            return out
        }
        for pair in pairs {
            let name = (pair.key.scalar ?? "").trimmingSpacesAndTabs()
            let v = pair.value
            guard out[name] == nil else {
                ingest.warn(pair.key.location, "duplicate-key", "indicator '\(name)' is given more than once; the first is used")
                continue
            }
            if let text = YAMLDossiers.text(of: v) {
                out[name] = IndicatorValue(raw: text, location: v.location)
            } else if v.mapping != nil, let value = v["value"].map({ YAMLDossiers.text(of: $0) }) ?? "" {
                let e = v["evidence"]
                if let e, e.mapping == nil, !e.isNull {
                    ingest.warn(e.location, "bad-evidence", "evidence of indicator '\(name)' is not a mapping of number and date; ignored")
                }
                let evidence = ingest.evidence(number: e?["number"].flatMap(YAMLDossiers.text),
                                               dateText: e?["date"].flatMap(YAMLDossiers.text),
                                               at: e?.location ?? v.location, indicator: name)
                out[name] = IndicatorValue(raw: value, location: v["value"]?.location ?? v.location, evidence: evidence)
                for key in (v.mapping ?? []).compactMap(\.key.scalar) where key != "value" && key != "evidence" {
                    ingest.warn(v.location, "unknown-key", "indicator '\(name)': key '\(key)' is not value or evidence; ignored")
                }
            } else {
                ingest.warn(v.location, "bad-indicator", "indicator '\(name)' is \(v.kindDescription), not a value; ignored")
                out[name] = IndicatorValue(raw: nil, location: v.location)
            }
        }
        return out
    }
}
