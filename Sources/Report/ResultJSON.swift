import Common
import Data
import Engine
import Plan
import Scoring

/// The versioned machine result of `parcheck check` (`"schema": "parcheck.result/1"`).
public enum ResultJSON {
    public static let schema = "parcheck.result/1"

    /// `findings` replaces the plain findings list (the run report passes its decorated one, built once).
    public static func document(_ e: Evaluation, _ board: Scoreboard, data: DataSet, language: Language,
                                findings: [JSONValue]? = nil) -> JSONValue {
        let plan = e.plan
        let d = plan.document
        return .object([
            ("schema", .string(schema)),
            ("plan", .object([("id", .string(plan.id)), ("title", .string(plan.title)), ("file", .string(plan.file)),
                              ("document", .object([("number", .string(d.number)), ("date", .string(isoDate(d.date))),
                                                    ("issuer", .string(d.issuer)), ("year", .int(d.year))]))])),
            ("period", InputsJSON.period(e.period)),
            ("language", .string(language.rawValue)),
            ("inputs", InputsJSON.inputs(data)),
            ("rejected", InputsJSON.rejected(data)),
            ("summary", summary(board, e.findings, language)),
            ("units", .array(zip(board.units, e.units).map { unit($0, $1, plan, e.metrics, language) })),
            ("findings", .array(findings ?? e.findings.map { finding($0, language) })),
        ])
    }

    static func summary(_ board: Scoreboard, _ findings: [Finding], _ language: Language) -> JSONValue {
        let s = board.summary
        return .object([
            ("units", .int(s.unitCount)),
            ("average_index", .optional(s.averageIndex)),
            ("classes", .array(s.classCounts.map { .object([("class", .string($0.label.text(language))), ("units", .int($0.count))]) })),
            ("targets", statusCounts(s.targetCounts)),
            ("findings", .object(DiagnosticSeverity.allByRank.map { sev in
                (sev.rawValue, .int(findings.filter { $0.severity == sev }.count)) })),
        ])
    }

    static func statusCounts(_ counts: [TargetStatus: Int]) -> JSONValue {
        .object([TargetStatus.pass, .fail, .notApplicable, .error].map { ($0.rawValue, .int(counts[$0] ?? 0)) })
    }

    static func unit(_ s: UnitScore, _ e: UnitEvaluation, _ plan: Plan, _ metrics: MetricsReport,
                     _ language: Language) -> JSONValue {
        let targets = zip(plan.targets, e.targets).map { target, r in
            JSONValue.object([
                ("id", .string(target.id)), ("area", .string(target.area)), ("citation", .string(target.citation)),
                ("status", .string(r.status.rawValue)), ("value", r.value.map(value) ?? .null),
                ("numerator", .optional(r.numerator)), ("denominator", .optional(r.denominator)),
                ("current", r.current.map(value) ?? .null), ("baseline", .optional(r.baseline)),
                ("expected", .optional(r.expected)), ("expected_source", .optional(r.expectedSource)),
                ("points", .object([("earned", .number(r.earned)), ("max", .number(r.max))])),
                ("band", .optional(r.band)), ("findings", .array(r.findingIds.map(JSONValue.string))),
            ])
        }
        return .object([
            ("id", .string(s.unitId)), ("name", .string(s.name)), ("kind", .string(s.kind.rawValue)),
            ("score", .object([("earned", .number(s.earned)), ("max", .number(s.max)), ("index", .optional(s.index))])),
            ("class", .optional(s.classLabel?.text(language))), ("group", .optional(s.group)), ("rank", .optional(s.rank)),
            ("areas", .array(s.areas.map { .object([("id", .string($0.id)), ("title", .string($0.title.text(language))),
                                                    ("earned", .number($0.earned)), ("max", .number($0.max))]) })),
            ("targets", .array(targets)),
        ])
    }

    static func value(_ v: MeasuredValue) -> JSONValue {
        switch v {
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        case .date, .text: .string(v.isoText)
        }
    }

    static func finding(_ f: Finding, _ language: Language) -> JSONValue {
        .object([
            ("id", .string(f.id)), ("kind", .string(f.kind.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("target", .optional(f.targetId)), ("unit", .optional(f.unitId)), ("dossier", .optional(f.dossierId)),
            ("subject", .optional(f.subject)), ("location", InputsJSON.location(f.location)),
            ("message", .string(f.message.text(language))), ("value", .optional(f.value)),
            ("expected", .optional(f.expected)), ("citation", .optional(f.citation)),
        ])
    }
}

extension DiagnosticSeverity {
    /// Most severe first.
    static let allByRank: [DiagnosticSeverity] = [.error, .warning, .note]
}
