import Common
import Data
import Plan

/// The finding raised when a unit misses a target.
enum TargetFailure {
    static func finding(_ target: TargetSpec, unit: Unit, value: MeasuredValue?, expected: Expectation?) -> Finding {
        let percent = expected?.text.contains("%") ?? false
        let (vi, en): (String, String)
        switch (value, target.measure) {
        case (nil, _):
            (vi, en) = ("không có số liệu", "no value reported")
        case (.number(let n)?, .violations):
            (vi, en) = ("có \(NumberText.human(n)) hồ sơ vi phạm", "\(NumberText.human(n, language: .en)) dossiers in violation")
        case (.number(let n)?, _) where target.compare != nil:
            let change = target.compare?.mode == .relative || percent
                ? NumberText.percent(n, language: .vi) : NumberText.human(n)
            let changeEn = target.compare?.mode == .relative || percent
                ? NumberText.percent(n, language: .en) : NumberText.human(n, language: .en)
            if case .previous(let t)? = target.compare?.source {
                (vi, en) = ("thay đổi \(change) so với kết quả kỳ trước (\(t))",
                            "changed by \(changeEn) against the previous result (\(t))")
            } else {
                (vi, en) = ("thay đổi \(change) so với mốc \(target.compare?.baseline ?? "")",
                            "changed by \(changeEn) against baseline \(target.compare?.baseline ?? "")")
            }
        case (let v?, _):
            (vi, en) = ("đạt " + human(v, percent: percent, .vi), "got " + human(v, percent: percent, .en))
        }
        let source = target.expectSource.map { ", theo \($0)" } ?? ""
        let sourceEn = target.expectSource.map { ", set by \($0)" } ?? ""
        let want = expected.map { " (yêu cầu \(text($0, .vi))\(source))" } ?? ""
        let wantEn = expected.map { " (expected \(text($0, .en))\(sourceEn))" } ?? ""
        return Finding(kind: .targetFailed, severity: target.severity, targetId: target.id, unitId: unit.id,
                       location: unit.location,
                       message: LocalizedText(vi: "\(target.title): \(vi)\(want)",
                                              en: "\(target.titleEn ?? target.title): \(en)\(wantEn)"),
                       value: value?.isoText, expected: expected?.text, citation: target.citation)
    }

    /// An expectation as people read it; dates in the language's form (`<= 30/07/2025`).
    static func text(_ e: Expectation, _ language: Language) -> String {
        guard case .date(let d) = e.value else { return e.text }
        return "\(e.op.rawValue) " + (language == .vi ? vnDate(d) : isoDate(d))
    }

    /// A value as people read it: 98,5%, 30/07/2025, có/không.
    static func human(_ value: MeasuredValue, percent: Bool, _ language: Language) -> String {
        switch value {
        case .number(let n): percent ? NumberText.percent(n, language: language) : NumberText.human(n, language: language)
        case .date(let d): language == .vi ? vnDate(d) : isoDate(d)
        case .bool(let b): language == .vi ? (b ? "có" : "không") : (b ? "yes" : "no")
        case .text(let s): s
        }
    }
}

/// Findings about the data itself: rejected records and dossiers whose dates disagree.
enum DataFindings {
    static func of(_ data: DataSet) -> [Finding] {
        let rejected = data.rejected.map { r in
            Finding(kind: .rejectedRecord, severity: .warning, dossierId: r.id,
                    subject: "\(r.location.file):\(r.location.line)", location: r.location,
                    message: LocalizedText(vi: "bản ghi bị loại (\(r.fields.joined(separator: ", "))): \(r.reason)",
                                           en: "record rejected (\(r.fields.joined(separator: ", "))): \(r.reason)"))
        }
        let quality = data.quality.map { q in
            let unitId = data.units[Int(data.dossiers.unit[q.row])].id
            return Finding(kind: .dataQuality, severity: .warning, unitId: unitId, dossierId: q.dossierId,
                           subject: q.kind.rawValue, location: q.location,
                           message: QualityText.message(q.kind, dossier: q.dossierId))
        }
        // Problems that reject nothing (an unknown key, a malformed evidence date) are still shown.
        let warnings = data.warnings.map { d in
            Finding(kind: .dataQuality, severity: d.severity, subject: d.code, location: d.location,
                    message: LocalizedText(vi: d.message, en: d.message))
        }
        return rejected + quality + warnings
    }
}

/// Wording of the data-quality issues.
enum QualityText {
    static func message(_ kind: QualityIssue.Kind, dossier: String) -> LocalizedText {
        switch kind {
        case .resolvedBeforeReceived:
            LocalizedText(vi: "hồ sơ \(dossier) có ngày có kết quả trước ngày tiếp nhận",
                          en: "dossier \(dossier) was resolved before it was received")
        case .dueBeforeReceived:
            LocalizedText(vi: "hồ sơ \(dossier) có ngày hẹn trả trước ngày tiếp nhận",
                          en: "dossier \(dossier) is due before it was received")
        }
    }
}
