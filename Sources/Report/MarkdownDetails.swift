import Common
import Engine

/// The collapsible parts of the Markdown summary: waivers and resolved findings.
enum MarkdownDetails {
    static func waivers(_ r: RunReport) -> String {
        let f = r.f
        let w = r.waivers
        guard !w.waivers.isEmpty else { return "" }
        var out = "\n<details><summary>" + f.t("Miễn trừ", "Waivers") + " (\(w.waivers.count), "
            + f.t("xét ngày", "judged on") + " \(f.date(w.today)))</summary>\n\n| " + f.t("Phạm vi", "Scope") + " | "
            + f.t("Người chấp thuận", "By") + " | " + f.t("Lý do", "Reason") + " | " + f.t("Đến ngày", "Until") + " | "
            + f.t("Trạng thái", "State") + " | " + f.t("Khớp", "Matched") + " |\n|---|---|---|---|---|---:|\n"
        for (i, x) in w.waivers.enumerated() {
            out += "| `\(MarkdownReport.cell(x.scope))` | \(MarkdownReport.cell(x.by)) | \(MarkdownReport.cell(x.reason)) | "
                + "\(f.date(x.until)) | \(f.waiverState(w.state(i))) | \(f.count(w.matched[i])) |\n"
        }
        return out + "\n</details>\n"
    }

    static func resolved(_ r: RunReport, limit: Int) -> String {
        let f = r.f
        guard let c = r.comparison, !c.resolved.isEmpty else { return "" }
        var out = "\n<details><summary>" + f.t("Đã khắc phục so với kỳ trước", "Resolved since the previous run")
            + " (\(f.count(c.resolved.count)))</summary>\n\n"
        for x in c.resolved.prefix(limit) {
            out += "- \(MarkdownReport.cell(x.unit ?? "–")) \(MarkdownReport.cell(x.target ?? "")): \(MarkdownReport.cell(x.message))\n"
        }
        if c.resolved.count > limit { out += "- … \(f.count(c.resolved.count - limit))\n" }
        return out + "\n</details>\n"
    }

    /// `+1,25 (▲2)` — index points and places gained; `mới` for a unit the previous run did not have.
    static func change(_ c: RunComparison.UnitChange, _ f: HumanFormat) -> String {
        guard c.wasPresent else { return f.t("mới", "new") }
        let index = c.indexChange.map { f.signed($0) } ?? "–"
        return c.rankChange.map { "\(index) (\(f.rankChange($0)))" } ?? index
    }
}
