import Common
import Engine
import Plan

extension Explanation {
    /// The explanation for people: Vietnamese by default, English on request.
    public func text(language: Language) -> String {
        let f = HumanFormat(language: language)
        let t = inForce ?? target
        var lines = ["\(t.id) — \(language == .en ? (t.titleEn ?? t.title) : t.title)"]
        func row(_ vi: String, _ en: String, _ value: String?) {
            guard let value else { return }
            lines.append("  " + f.t(vi, en).padding(toLength: 14, withPad: " ", startingAt: 0) + value)
        }
        row("Trích dẫn", "Citation", "\(t.citation) — \(plan.document.number)")
        row("Nguyên văn", "Quote", t.quote.map { "“\($0)”" })
        row("Mẫu", "Template", t.template)
        row("Đo", "Measures", Self.describe(t.measure))
        row("So sánh", "Compared", t.compare.map { "\($0.mode.rawValue) vs \($0.baseline)" })
        row("Áp dụng", "Applies to", t.appliesTo.map(\.rawValue).joined(separator: ", "))
        let day = f.date(period.end)
        if inForce == nil {
            row("Ngưỡng", "Threshold", f.t("không có giá trị hiệu lực ngày \(day)", "none in force on \(day)"))
        } else {
            let source = inForce?.expectSource.map { f.t(", theo \($0)", ", set by \($0)") } ?? ""
            row("Ngưỡng", "Threshold", Self.describe(t.expect).map { "\($0)\(source) (\(f.t("hiệu lực ngày", "in force on")) \(day))" })
        }
        for e in target.expectSchedule {
            row("", "", "\(e.rangeText): \(Self.describe(e.value) ?? "?")\(e.source.map { " — \($0)" } ?? "")")
        }
        row("Điểm", "Points", "\(f.decimal(t.points)) — \(Self.describe(t.scoring))")
        row("Thiếu số liệu", "When missing", t.whenMissing.rawValue)
        lines.append(f.t("  Lớp đặt từng khoá:", "  Layer that set each key:"))
        for origin in target.origins {
            lines.append("    " + origin.key.padding(toLength: 14, withPad: " ", startingAt: 0) + Self.place(origin.location))
        }
        for trace in traces { lines += traceLines(trace, f) }
        return lines.joined(separator: "\n") + "\n"
    }

    func traceLines(_ trace: UnitTrace, _ f: HumanFormat) -> [String] {
        let r = trace.result
        // Metrics and percentage thresholds read as percentages (90%), not fractions.
        let percent = r.expected?.contains("%") ?? false
        var lines = ["", "\(trace.unit.id) — \(trace.unit.name) (\(trace.unit.kind.rawValue)): \(status(r.status, f))"]
        if let n = r.numerator, let d = r.denominator {
            lines.append("  " + f.t("tử số / mẫu số", "numerator / denominator") + ": \(f.decimal(n)) / \(f.decimal(d))")
        }
        if let current = r.current {
            lines.append("  " + f.t("hiện tại", "current") + ": \(human(current, f, percent)); " + f.t("mốc", "baseline") + ": "
                         + (r.baseline.map { f.decimal($0, digits: 4) } ?? "—"))
        }
        lines.append("  " + f.t("giá trị", "value") + ": " + (r.value.map { human($0, f, percent) } ?? "—")
                     + (r.expected.map { "; " + f.t("yêu cầu", "expected") + " \($0)" } ?? ""))
        let band = r.band.map { "; " + f.t("mức", "band") + " \($0)" } ?? ""
        lines.append("  " + f.t("điểm", "points") + ": \(f.decimal(r.earned)) / \(f.decimal(r.max))\(band)")
        for finding in trace.findings {
            lines.append("  - [\(finding.severity.rawValue)] \(f.language == .en ? finding.message.en : finding.message.vi)")
        }
        return lines
    }

    func status(_ s: TargetStatus, _ f: HumanFormat) -> String {
        switch s {
        case .pass: f.t("đạt", "pass")
        case .fail: f.t("không đạt", "fail")
        case .notApplicable: f.t("không áp dụng", "not applicable")
        case .error: f.t("lỗi kiểm tra", "check error")
        }
    }

    func human(_ v: MeasuredValue, _ f: HumanFormat, _ percent: Bool) -> String {
        switch v {
        case .number(let n): percent ? f.percent(n) : f.decimal(n, digits: 4)
        case .date(let d): f.date(d)
        case .bool(let b): b ? f.t("có", "yes") : f.t("không", "no")
        case .text(let s): s
        }
    }
}
