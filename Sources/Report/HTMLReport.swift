import Common
import Engine
import Plan
import Scoring

/// The HTML report an inspector can email: one self-contained file (inline CSS, SVG and a small script; no network),
/// rendered from a Mustache template with the context built here. Every number and date is formatted here, in the
/// report's language, so a province's own template only arranges text.
public enum HTMLReport {
    public static func render(_ r: RunReport, template: HTMLTemplate = .bundled()) -> String {
        template.render(context(r))
    }

    /// The template's context; its keys are documented in README.md (Reports → HTML template).
    public static func context(_ r: RunReport) -> [String: Any] {
        let f = r.f
        let d = r.plan.document
        let p = r.evaluation.period
        let rows = HTMLFindings.rows(r)
        var c: [String: Any] = [
            "lang": r.language.rawValue,
            "labels": HTMLLabels.labels(f),
            "title": r.plan.title,
            "planId": r.plan.id,
            "document": "\(d.number), \(f.date(d.date)), \(d.issuer)",
            "period": "\(f.date(p.start)) – \(f.date(p.end))",
            "asOf": f.date(p.asOf.day),
            "generator": "parcheck \(SARIFReport.toolVersion)",
            "summary": summary(r),
            "gate": gate(r),
            "groups": HTMLUnits.groups(r),
            "units": HTMLUnits.units(r, findings: rows),
            "findings": rows,
            "hasFindings": !rows.isEmpty,
            "filters": HTMLFindings.filters(r),
            "findingCount": f.count(r.findings.count),
            "hasWaivers": !r.waivers.waivers.isEmpty,
            "waivers": HTMLFindings.waivers(r),
            "waiversJudgedOn": f.date(r.waivers.today),
            "hasComparison": r.comparison != nil,
        ]
        if let cmp = r.comparison { c["comparison"] = comparison(cmp, f) }
        return c
    }

    static func summary(_ r: RunReport) -> [String: Any] {
        let f = r.f
        let s = r.board.summary
        let i = r.data.inputs
        return [
            "units": f.count(s.unitCount),
            "average": s.averageIndex.map { f.fixed($0) } ?? "–",
            "classes": s.classCounts.map { ["label": $0.label.text(r.language), "count": f.count($0.count)] },
            "pass": f.count(s.targetCounts[.pass] ?? 0), "fail": f.count(s.targetCounts[.fail] ?? 0),
            "notApplicable": f.count(s.targetCounts[.notApplicable] ?? 0), "error": f.count(s.targetCounts[.error] ?? 0),
            "errors": f.count(r.findings.filter { $0.severity == .error }.count),
            "warnings": f.count(r.findings.filter { $0.severity == .warning }.count),
            "notes": f.count(r.findings.filter { $0.severity == .note }.count),
            "dossiersRead": f.count(i.dossiersRead), "dossiersAccepted": f.count(i.accepted),
            "dossiersRejected": f.count(i.rejected),
        ]
    }

    static func gate(_ r: RunReport) -> [String: Any] {
        let f = r.f
        return [
            "passed": r.gate.passed,
            "verdict": r.gate.passed ? f.t("Đạt", "Passed") : f.t("Không đạt", "Failed"),
            "policy": r.gate.policyName,
            "failing": f.count(r.gate.failing.count),
            "waived": f.count(r.waivers.waivedCount),
            "expired": f.count(r.waivers.expiredCount),
        ]
    }

    static func comparison(_ c: RunComparison, _ f: HumanFormat) -> [String: Any] {
        [
            "file": c.previous.result.file,
            "period": c.previous.result.period,
            "new": f.count(c.newIds.count),
            "resolved": f.count(c.resolved.count),
            "persisting": f.count(c.persisting),
            "resolvedFindings": c.resolved.map { x in
                ["unit": x.unit ?? "–", "target": x.target ?? "–", "message": x.message, "severity": x.severity] as [String: Any]
            },
            "hasResolved": !c.resolved.isEmpty,
        ]
    }
}
