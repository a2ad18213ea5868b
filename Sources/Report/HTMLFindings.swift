import Common
import Engine
import Plan

/// The findings table of the HTML report, its filters, and the waivers.
enum HTMLFindings {
    /// One row per finding; `data-*` values for the filters are ids, never display text.
    static func rows(_ r: RunReport) -> [[String: Any]] {
        let f = r.f
        let names = Dictionary(r.data.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let areas = Dictionary(r.plan.areas.map { ($0.id, r.language == .en ? ($0.titleEn ?? $0.title) : $0.title) },
                               uniquingKeysWith: { a, _ in a })
        return r.findings.map { x in
            let standing = r.waivers.standing(x)
            let status: String
            switch standing {
            case .open: status = r.fails(x) ? "blocking" : "open"
            case .waived: status = "waived"
            case .expired: status = "expired"
            }
            var row: [String: Any] = [
                "id": x.id, "unit": x.unitId ?? "", "unitKey": x.unitId ?? "-",
                "unitName": x.unitId.flatMap { names[$0] } ?? "", "area": r.area(of: x) ?? "-",
                "areaTitle": r.area(of: x).flatMap { areas[$0] } ?? "", "severity": x.severity.rawValue,
                "severityLabel": f.severity(x.severity), "target": x.targetId ?? "", "citation": x.citation ?? "",
                "message": x.message.text(r.language),
                "location": x.location.map { "\($0.file):\($0.line)" } ?? "", "status": status,
                "statusLabel": status == "blocking" ? f.t("chặn cổng", "blocking") : f.standing(standing),
                "isNew": r.comparison?.isNew(x) ?? false,
            ]
            // Mustache renders a section for any present value, "" included: absent keys are how "none" is said.
            if let d = x.dossierId { row["dossier"] = d }
            if let i = standing.waiver {
                let w = r.waivers.waivers[i]
                row["waiver"] = "\(w.by): \(w.reason) (" + f.t("đến", "until") + " \(f.date(w.until)))"
            }
            return row
        }
    }

    /// Choices of the unit, area, severity and status filters: only values that occur, in report order.
    static func filters(_ r: RunReport) -> [String: Any] {
        let f = r.f
        let present = Set(r.findings.map { $0.unitId ?? "-" })
        var units: [[String: Any]] = r.board.units.filter { present.contains($0.unitId) }
            .map { ["value": $0.unitId, "label": "\($0.unitId) — \($0.name)"] }
        let other = present.subtracting(r.board.units.map(\.unitId)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        units += other.map { ["value": $0, "label": $0 == "-" ? f.t("(không thuộc đơn vị)", "(no unit)") : $0] }
        let usedAreas = Set(r.findings.map { r.area(of: $0) ?? "-" })
        var areas: [[String: Any]] = r.plan.areas.filter { usedAreas.contains($0.id) }
            .map { ["value": $0.id, "label": r.language == .en ? ($0.titleEn ?? $0.title) : $0.title] }
        if usedAreas.contains("-") { areas.append(["value": "-", "label": f.t("(không thuộc lĩnh vực)", "(no area)")]) }
        let severities: [[String: Any]] = DiagnosticSeverity.allByRank.filter { s in r.findings.contains { $0.severity == s } }
            .map { ["value": $0.rawValue, "label": f.severity($0)] }
        let statuses: [[String: Any]] = [("blocking", f.t("chặn cổng", "blocking")), ("open", f.standing(.open)),
                                         ("waived", f.standing(.waived(0))), ("expired", f.standing(.expired(0)))]
            .map { ["value": $0.0, "label": $0.1] }
        return ["units": units, "areas": areas, "severities": severities, "statuses": statuses]
    }

    static func waivers(_ r: RunReport) -> [[String: Any]] {
        let f = r.f
        let w = r.waivers
        return w.waivers.indices.map { i in
            let x = w.waivers[i]
            return ["scope": x.scope, "by": x.by, "reason": x.reason, "until": f.date(x.until),
                    "state": w.state(i).rawValue, "stateLabel": f.waiverState(w.state(i)), "matched": f.count(w.matched[i]),
                    "line": "\(x.location.file):\(x.location.line)"] as [String: Any]
        }
    }
}
