import Common
import Engine

/// The findings section of the text report, grouped by unit and target.
struct FindingsText {
    let findings: [Finding]
    let f: HumanFormat
    let perTarget: Int

    func render() -> String {
        guard !findings.isEmpty else { return "\n" + f.t("Không có phát hiện nào.", "No findings.") + "\n" }
        let counts = DiagnosticSeverity.allByRank.map { sev in
            "\(findings.filter { $0.severity == sev }.count) \(label(sev))"
        }
        var out = "\n" + f.t("PHÁT HIỆN", "FINDINGS") + " (\(f.count(findings.count)): " + counts.joined(separator: ", ") + ")\n"
        var shown: [String: Int] = [:]
        for finding in findings {
            let key = [finding.unitId ?? "", finding.targetId ?? "", finding.kind.rawValue].joined(separator: "|")
            let n = shown[key, default: 0]
            shown[key] = n + 1
            if perTarget > 0, n >= perTarget {
                continue
            }
            out += line(finding)
        }
        for (key, n) in shown.sorted(by: { $0.key < $1.key }) where perTarget > 0 && n > perTarget {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false)
            out += "  … " + f.t("và \(n - perTarget) phát hiện khác", "and \(n - perTarget) more") + " ["
                + [parts[0], parts[1]].filter { !$0.isEmpty }.joined(separator: " ") + "] "
                + f.t("(xem --format json)", "(see --format json)") + "\n"
        }
        return out
    }

    private func line(_ x: Finding) -> String {
        var head = "[\(label(x.severity))]"
        if let u = x.unitId { head += " \(u)" }
        if let t = x.targetId { head += " \(t)" }
        if let c = x.citation { head += " (\(f.t("mục", "section")) \(c))" }
        var out = head + ": " + x.message.text(f.language) + "\n"
        if let l = x.location { out += "    ↳ \(l)\n" }
        return out
    }

    private func label(_ s: DiagnosticSeverity) -> String {
        switch s {
        case .error: f.t("lỗi", "error")
        case .warning: f.t("cảnh báo", "warning")
        case .note: f.t("ghi chú", "note")
        }
    }
}
