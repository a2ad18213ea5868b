import Common
import Engine
import Plan
import Scoring

/// The ranking and the per-unit sections of the HTML report.
enum HTMLUnits {
    static func groups(_ r: RunReport) -> [[String: Any]] {
        r.groups().map { g in
            ["title": g.title, "id": g.id ?? "other", "units": g.units.map { row($0, r) }] as [String: Any]
        }
    }

    /// One line of the ranking: rank, index (with a bar), class and the change since the previous run.
    static func row(_ u: UnitScore, _ r: RunReport) -> [String: Any] {
        let f = r.f
        var row: [String: Any] = [
            "id": u.unitId, "anchor": "u\(u.unitIndex)", "name": u.name, "kind": f.unitKind(u.kind),
            "rank": u.rank.map(String.init) ?? "–", "index": u.index.map { f.fixed($0) } ?? "–",
            "indexPct": width(u.index ?? 0, of: 100), "class": u.classLabel?.text(r.language) ?? "–",
            "points": "\(f.decimal(u.earned))/\(f.decimal(u.max))",
        ]
        if let c = r.comparison?.change(of: u.unitId) {
            row["change"] = change(c, f)
        }
        return row
    }

    static func change(_ c: RunComparison.UnitChange, _ f: HumanFormat) -> [String: Any] {
        guard c.wasPresent else { return ["index": f.t("mới", "new"), "rank": "", "trend": "new"] }
        let delta = c.indexChange ?? 0
        let trend = c.indexChange == nil ? "none" : delta > 0.005 ? "up" : delta < -0.005 ? "down" : "same"
        return ["index": c.indexChange.map { f.signed($0) } ?? "–", "rank": c.rankChange.map { f.rankChange($0) } ?? "",
                "before": c.indexBefore.map { f.fixed($0) } ?? "–", "trend": trend]
    }

    /// A unit's printable section: its score, a bar per area, the targets it missed and its findings.
    static func units(_ r: RunReport, findings rows: [[String: Any]]) -> [[String: Any]] {
        let f = r.f
        let byUnit = Dictionary(grouping: rows) { $0["unit"] as? String ?? "" }
        let groupTitles = Dictionary(r.plan.ranking.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        return zip(r.board.units, r.evaluation.units).map { u, e in
            var section = row(u, r)
            section["group"] = u.group.flatMap { groupTitles[$0] } ?? f.t("Đơn vị khác", "Other units")
            section["areas"] = u.areas.filter { $0.max > 0 }.map { a in
                ["title": a.title.text(r.language), "points": "\(f.decimal(a.earned))/\(f.decimal(a.max))",
                 "pct": width(a.earned, of: a.max), "percent": f.percent(a.max > 0 ? a.earned / a.max : 0)] as [String: Any]
            }
            let missed = zip(r.plan.targets, e.targets).filter { $1.status == .fail || $1.status == .error }
                .map { t, res in
                    ["id": t.id, "title": r.language == .en ? (t.titleEn ?? t.title) : t.title, "citation": t.citation,
                     "status": f.status(res.status), "expected": res.expected ?? "–",
                     "points": "\(f.decimal(res.earned))/\(f.decimal(res.max))"] as [String: Any]
                }
            section["missed"] = missed
            section["hasMissed"] = !missed.isEmpty
            let findings = byUnit[u.unitId] ?? []
            section["hasFindings"] = !findings.isEmpty
            section["findings"] = findings
            section["findingCount"] = f.count(findings.count)
            return section
        }
    }

    /// A bar's length in SVG user units (0–100), machine form: the template puts it in an attribute.
    static func width(_ value: Double, of max: Double) -> String {
        guard max > 0, value.isFinite else { return "0" }
        return NumberText.machine((Swift.min(Swift.max(value / max, 0), 1) * 1000).rounded() / 10)
    }
}
