import Common
import Engine

/// The findings section of the text report, grouped by unit and target.
struct FindingsText {
    let findings: [Finding]
    let f: HumanFormat
    let perTarget: Int
    var palette = Palette.off
    var marks: (Finding) -> String = { _ in "" }

    func render() -> String {
        guard !findings.isEmpty else { return "\n" + f.t("Không có phát hiện nào.", "No findings.") + "\n" }
        let counts = DiagnosticSeverity.allByRank.map { sev in
            "\(findings.filter { $0.severity == sev }.count) \(label(sev))"
        }
        var out = "\n" + f.t("PHÁT HIỆN", "FINDINGS") + " (\(f.count(findings.count)): " + counts.joined(separator: ", ") + ")\n"
        // Findings are sorted by unit then target, so each (unit, target) group is contiguous: cap it in place.
        var group: [String] = []
        var shown = 0
        var hidden: [String] = []
        for finding in findings {
            let key = [finding.unitId ?? "", finding.targetId ?? ""]
            if key != group {
                out += more(hidden)
                group = key
                shown = 0
                hidden = []
            }
            if perTarget > 0, shown >= perTarget {
                hidden.append(line(finding))
            } else {
                shown += 1
                out += line(finding)
            }
        }
        return out + more(hidden)
    }

    /// One hidden line is shown rather than summarised: "1 more" would take the same room.
    private func more(_ hidden: [String]) -> String {
        if hidden.count <= 1 { return hidden.joined() }
        return "  … " + f.t("và \(hidden.count) phát hiện khác (xem --format json)",
                            "and \(hidden.count) more (see --format json)") + "\n"
    }

    private func line(_ x: Finding) -> String {
        var head = "[\(paint(x.severity, label(x.severity)))]"
        if let u = x.unitId { head += " \(u)" }
        if let t = x.targetId { head += " \(t)" }
        if let c = x.citation { head += " (\(f.t("mục", "section")) \(c))" }
        var out = head + ": " + x.message.text(f.language) + marks(x) + "\n"
        if let l = x.location { out += "    ↳ \(l)\n" }
        return out
    }

    private func paint(_ s: DiagnosticSeverity, _ text: String) -> String {
        s == .error ? palette.red(text) : s == .warning ? palette.yellow(text) : palette.dim(text)
    }

    private func label(_ s: DiagnosticSeverity) -> String {
        switch s {
        case .error: f.t("lỗi", "error")
        case .warning: f.t("cảnh báo", "warning")
        case .note: f.t("ghi chú", "note")
        }
    }
}
