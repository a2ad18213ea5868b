import Common
import Engine
import Plan
import Scoring

/// A summary fit for a merge-request comment: the gate's verdict, counts, the ranking, and the findings that block,
/// new ones first. Long lists are cut to `limit` rows so the comment stays within hosting limits.
public enum MarkdownReport {
    public static func render(_ r: RunReport, limit: Int = 25) -> String {
        let f = r.f
        let p = r.evaluation.period
        var out = "## parcheck — \(cell(r.plan.title))\n\n"
        out += verdict(r) + "\n\n"
        out += f.t("Kỳ đánh giá", "Period") + " \(f.date(p.start)) – \(f.date(p.end)) · "
            + "\(f.count(r.board.summary.unitCount)) " + f.t("đơn vị", "units")
        if let avg = r.board.summary.averageIndex { out += " · " + f.t("Chỉ số CCHC bình quân", "Average PAR index") + " \(f.decimal(avg))" }
        out += "\n\n| | " + DiagnosticSeverity.allByRank.map { f.severity($0).capitalizedFirst }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: 3) + "\n"
        out += "| " + f.t("Phát hiện", "Findings") + " | "
            + DiagnosticSeverity.allByRank.map { s in f.count(r.findings.filter { $0.severity == s }.count) }.joined(separator: " | ") + " |\n"
        if let c = r.comparison {
            out += "\n" + f.t("So với kỳ trước", "Since the previous run") + " (`\(cell(c.previous.result.file))`): "
                + "**\(f.count(c.newIds.count))** " + f.t("mới", "new") + ", \(f.count(c.resolved.count)) "
                + f.t("đã khắc phục", "resolved") + ", \(f.count(c.persisting)) " + f.t("còn tồn tại", "persisting") + ".\n"
        }
        for group in r.groups() { out += ranking(group.title, group.units, r) }
        out += blocking(r, limit: limit)
        out += MarkdownDetails.waivers(r)
        out += MarkdownDetails.resolved(r, limit: limit)
        return out
    }

    static func verdict(_ r: RunReport) -> String {
        let f = r.f
        var s = r.gate.passed ? "✅ **" + f.t("Đạt", "Passed") + "**" : "❌ **" + f.t("Không đạt", "Failed") + "**"
        s += " (`--fail-on \(r.gate.policyName)`): \(f.count(r.gate.failing.count)) " + f.t("phát hiện chặn", "blocking findings")
        if !r.waivers.waivers.isEmpty {
            s += ", \(f.count(r.waivers.waivedCount)) " + f.t("được miễn trừ", "waived") + ", \(f.count(r.waivers.expiredCount)) "
                + f.t("miễn trừ hết hạn", "with an expired waiver")
        }
        return s + "."
    }

    static func ranking(_ title: String, _ units: [UnitScore], _ r: RunReport) -> String {
        let f = r.f
        var out = "\n### " + f.t("Xếp hạng", "Ranking") + " — \(cell(title))\n\n| " + f.t("Hạng", "Rank") + " | "
            + f.t("Đơn vị", "Unit") + " | " + f.t("Chỉ số", "Index") + " | " + f.t("Xếp loại", "Class") + " |"
        out += r.comparison == nil ? "\n|---:|---|---:|---|\n" : " " + f.t("Thay đổi", "Change") + " |\n|---:|---|---:|---|---|\n"
        for u in units {
            out += "| \(u.rank.map(String.init) ?? "–") | \(cell(u.name)) (`\(cell(u.unitId))`) | "
                + (u.index.map { f.fixed($0) } ?? "–") + " | \(cell(u.classLabel?.text(r.language) ?? "–")) |"
            if let c = r.comparison?.change(of: u.unitId) { out += " \(MarkdownDetails.change(c, f)) |" }
            out += "\n"
        }
        return out
    }

    static func blocking(_ r: RunReport, limit: Int) -> String {
        let f = r.f
        guard !r.gate.failing.isEmpty else { return "" }
        let ordered = r.gate.failing.filter { r.comparison?.isNew($0) ?? false } + r.gate.failing.filter { !(r.comparison?.isNew($0) ?? false) }
        var out = "\n### " + f.t("Phát hiện chặn cổng", "Blocking findings") + "\n\n| " + f.t("Mức độ", "Severity") + " | "
            + f.t("Đơn vị", "Unit") + " | " + f.t("Chỉ tiêu", "Target") + " | " + f.t("Mục", "Section") + " | "
            + f.t("Nội dung", "Message") + " |\n|---|---|---|---|---|\n"
        for x in ordered.prefix(limit) {
            var marks = ""
            if r.comparison?.isNew(x) == true { marks += " 🆕" }
            if case .expired = r.waivers.standing(x) { marks += " ⌛" }
            out += "| \(f.severity(x.severity))\(marks) | \(cell(x.unitId ?? "–")) | \(cell(x.targetId ?? "–")) | "
                + "\(cell(x.citation ?? "–")) | \(cell(x.message.text(r.language))) |\n"
        }
        if ordered.count > limit {
            out += "\n… " + f.t("và \(f.count(ordered.count - limit)) phát hiện khác (xem báo cáo HTML hoặc SARIF)",
                                "and \(f.count(ordered.count - limit)) more (see the HTML or SARIF report)") + "\n"
        }
        return out
    }

    /// A table cell: pipes and line breaks would break the table, and markup from data must not render.
    static func cell(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`": out += "'"
            default: out.append(c)
            }
        }
        return out
    }
}

extension String {
    /// "Lỗi" from "lỗi".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
