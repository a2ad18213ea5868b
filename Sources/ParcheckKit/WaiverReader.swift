import Common
import Foundation
import LocatedYAML
import Report

/// Reads `waivers.yaml`: a list (or `waivers:` holding a list) of entries naming what they match (`finding`, `target`,
/// `unit`, `dossier` — at least one), who accepted it (`by`), why (`reason`) and the last day it holds (`until`).
/// Every problem is reported, with its line, not only the first.
public enum WaiverReader {
    /// The file a data directory's waivers live in when `--waivers` is not given.
    public static let fileName = "waivers.yaml"
    static let matchKeys = ["finding", "target", "unit", "dossier"]
    static let keys = ["id"] + matchKeys + ["by", "reason", "until"]

    /// The waivers, or every problem found in the file (then no waiver is used: a half-read file would let the gate
    /// pass or fail for the wrong reason).
    public static func read(path: String) -> (waivers: [Waiver], problems: [Diagnostic]) {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(at, code: "io-error", "cannot read the waivers file '\(path)'")])
        }
        let root: YAMLNode?
        switch YAMLParser.parse(bytes: Array(bytes), file: path) {
        case .failure(let d): return ([], [d])
        case .success(let node): root = node
        }
        guard let root else { return ([], []) }
        let list = root.sequence ?? root["waivers"]?.sequence
        guard let list, root.sequence != nil || root.mapping?.count == 1 else {
            return ([], [Diagnostic(root.location, code: "bad-waivers", "expected a list of waivers, or 'waivers:' holding one")])
        }
        var bag = DiagnosticBag()
        let waivers = list.compactMap { entry($0, &bag) }
        return bag.hasErrors ? ([], bag.sorted) : (waivers, [])
    }

    static func entry(_ node: YAMLNode, _ bag: inout DiagnosticBag) -> Waiver? {
        guard let pairs = node.mapping else {
            bag.error(node.location, "bad-waiver", "a waiver is a mapping of \(keys.joined(separator: ", "))")
            return nil
        }
        var fields: [String: String] = [:]
        let before = bag.all.count
        for pair in pairs {
            guard let key = pair.key.scalar, keys.contains(key) else {
                bag.error(pair.key.location, "unknown-key",
                          "unknown key '\(pair.key.scalar ?? "?")' in a waiver (expected \(keys.joined(separator: ", ")))")
                continue
            }
            guard let value = pair.value.scalar, !pair.value.isNull, !value.isEmpty else {
                bag.error(pair.value.location, "bad-value", "'\(key)' must be a non-empty text")
                continue
            }
            if fields[key] != nil { bag.error(pair.key.location, "duplicate-key", "'\(key)' is given twice") }
            fields[key] = value
        }
        for key in ["by", "reason", "until"] where fields[key] == nil && !pairs.contains(where: { $0.key.scalar == key }) {
            bag.error(node.location, "missing-key", "a waiver needs '\(key)' (who accepted it, why, and until which day)")
        }
        if !matchKeys.contains(where: { fields[$0] != nil }) {
            bag.error(node.location, "waiver-matches-everything",
                      "a waiver must name at least one of \(matchKeys.joined(separator: ", "))")
        }
        var until: DayNumber?
        if let text = fields["until"] {
            if let d = DateValue.parse(text), !d.hasTime { until = d.day } else {
                let at = pairs.first { $0.key.scalar == "until" }?.value.location ?? node.location
                bag.error(at, "bad-date", "until '\(text)' is not a date (YYYY-MM-DD or D/M/YYYY)")
            }
        }
        guard bag.all.count == before, let until, let by = fields["by"], let reason = fields["reason"] else { return nil }
        return Waiver(id: fields["id"], target: fields["target"], unit: fields["unit"], dossier: fields["dossier"],
                      finding: fields["finding"], by: by, reason: reason, until: until, location: node.location)
    }
}
