import Common
import Engine

/// What the gate says on stderr: waivers that lapsed or match nothing (as warnings at their line in the waivers file),
/// and one closing line with the verdict and what was written.
public enum GateNotes {
    public static func diagnostics(_ r: RunReport) -> [Diagnostic] {
        let w = r.waivers
        let f = HumanFormat(language: .en)
        return w.waivers.indices.compactMap { i in
            let x = w.waivers[i]
            switch w.state(i) {
            case .active: return nil
            case .expired:
                return Diagnostic(x.location, .warning, code: "waiver-expired",
                                  "waiver (\(x.scope)) expired on \(isoDate(x.until)); its \(f.count(w.matched[i])) "
                                  + "finding(s) count again")
            case .unmatched:
                return Diagnostic(x.location, .warning, code: "waiver-unmatched",
                                  "waiver (\(x.scope)) matches no finding of this run; remove it or fix its fields")
            }
        }
    }

    /// `parcheck: không đạt (--fail-on error): 12 phát hiện chặn; 3 được miễn trừ; …; đã ghi 6 tệp vào out`.
    public static func line(_ r: RunReport, files: [String], directory: String?, palette: Palette) -> String {
        let f = r.f
        var parts = ["\(f.count(r.gate.failing.count)) " + f.t("phát hiện chặn", "blocking findings")]
        if !r.waivers.waivers.isEmpty {
            parts.append("\(f.count(r.waivers.waivedCount)) " + f.t("được miễn trừ", "waived"))
            parts.append("\(f.count(r.waivers.expiredCount)) " + f.t("miễn trừ hết hạn", "with an expired waiver"))
        }
        if let c = r.comparison {
            parts.append(f.t("so với kỳ trước", "since the previous run") + ": \(f.count(c.newIds.count)) "
                         + f.t("mới", "new") + ", \(f.count(c.resolved.count)) " + f.t("đã khắc phục", "resolved"))
        }
        if let directory {
            parts.append(f.t("đã ghi", "wrote") + " \(files.joined(separator: ", ")) " + f.t("vào", "to") + " \(directory)")
        }
        let verdict = r.gate.passed ? palette.green(f.t("đạt", "passed")) : palette.red(f.t("không đạt", "failed"))
        return "parcheck: \(verdict) (--fail-on \(r.gate.policyName)): " + parts.joined(separator: "; ") + "\n"
    }
}

/// The marks the text report puts after a finding.
public enum TextMarks {
    public static func marks(_ x: Finding, _ r: RunReport) -> String {
        let f = r.f
        var out = ""
        if let c = r.comparison, c.isNew(x) { out += " [" + f.t("mới", "new") + "]" }
        let standing = r.waivers.standing(x)
        if let i = standing.waiver {
            let w = r.waivers.waivers[i]
            out += " [\(f.standing(standing)): \(w.by), " + f.t("đến", "until") + " \(f.date(w.until))]"
        }
        return out
    }
}
