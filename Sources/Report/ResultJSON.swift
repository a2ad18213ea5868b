import Common
import Data
import Engine
import Plan
import Scoring

/// The versioned machine result of `parcheck check` (`"schema": "parcheck.result/1"`).
public enum ResultJSON {
    public static let schema = "parcheck.result/1"

    /// The result document's text. Streamed, the units and findings on `workers` threads; the text is the same
    /// for any thread count.
    public static func render(_ r: RunReport, workers: Int = 1) -> [UInt8] {
        let e = r.evaluation, plan = e.plan, d = plan.document
        var out = JSONStream(capacity: 1 << 20)
        out.beginObject()
        out.member("schema", schema)
        out.key("plan")
        out.value(.object([("id", .string(plan.id)), ("title", .string(plan.title)), ("file", .string(plan.file)),
                           ("document", .object([("number", .string(d.number)), ("date", .string(isoDate(d.date))),
                                                 ("issuer", .string(d.issuer)), ("year", .int(d.year))]))]))
        out.key("period")
        out.value(InputsJSON.period(e.period))
        out.member("language", r.language.rawValue)
        out.key("inputs")
        out.value(InputsJSON.inputs(r.data))
        out.key("rejected")
        out.value(InputsJSON.rejected(r.data))
        out.key("summary")
        out.value(summary(r.board, e.findings, r.language))
        out.key("units")
        out.beginArray()
        out.items(e.units.count, workers: workers) { unit(r.board.units[$0], e.units[$0], plan, r.language, &$1) }
        out.endArray()
        out.key("findings")
        out.beginArray()
        findings(r, &out, workers: workers)
        out.endArray()
        out.key("gate")
        out.value(gate(r))
        out.key("waivers")
        out.value(waivers(r))
        out.key("comparison")
        out.value(r.comparison.map { comparison($0, r) } ?? .null)
        out.endObject()
        out.newline()
        return out.finish()
    }

    /// Findings of a severity, read in place (a loop over copies retained every field of 40k findings).
    static func count(_ findings: [Finding], _ severity: DiagnosticSeverity) -> Int {
        findings.withUnsafeBufferPointer { b in b.indices.reduce(0) { b[$1].severity == severity ? $0 + 1 : $0 } }
    }

    /// The findings array's items, each finding with the gate's members. The report is lent to the workers, never
    /// copied per finding (a closure per finding capturing it copied the whole report each time: perf).
    static func findings(_ r: RunReport, _ out: inout JSONStream, workers: Int) {
        let language = r.language
        r.findings.withUnsafeBufferPointer { list in
            out.items(list.count, workers: workers) { i, s in
                s.beginObject()
                members(list[i], language, &s)
                decorate(list[i], r, &s)
                s.endObject()
            }
        }
    }

    static func summary(_ board: Scoreboard, _ findings: [Finding], _ language: Language) -> JSONValue {
        let s = board.summary
        return .object([
            ("units", .int(s.unitCount)),
            ("average_index", .optional(s.averageIndex)),
            ("classes", .array(s.classCounts.map { .object([("class", .string($0.label.text(language))), ("units", .int($0.count))]) })),
            ("targets", statusCounts(s.targetCounts)),
            ("findings", .object(DiagnosticSeverity.allByRank.map { sev in
                (sev.rawValue, .int(count(findings, sev))) })),
        ])
    }

    static func statusCounts(_ counts: [TargetStatus: Int]) -> JSONValue {
        .object([TargetStatus.pass, .fail, .notApplicable, .error].map { ($0.rawValue, .int(counts[$0] ?? 0)) })
    }

    static func unit(_ s: UnitScore, _ e: UnitEvaluation, _ plan: Plan, _ language: Language, _ out: inout JSONStream) {
        out.beginObject()
        out.member("id", s.unitId)
        out.member("name", s.name)
        out.member("kind", s.kind.rawValue)
        out.key("score")
        out.value(.object([("earned", .number(s.earned)), ("max", .number(s.max)), ("index", .optional(s.index))]))
        out.member("class", s.classLabel?.text(language))
        out.member("group", s.group)
        out.key("rank")
        out.int(s.rank)
        out.key("areas")
        out.value(.array(s.areas.map { .object([("id", .string($0.id)), ("title", .string($0.title.text(language))),
                                                ("earned", .number($0.earned)), ("max", .number($0.max))]) }))
        out.key("targets")
        out.beginArray()
        for (target, r) in zip(plan.targets, e.targets) {
            out.item()
            out.beginObject()
            out.member("id", target.id)
            out.member("area", target.area)
            out.member("citation", target.citation)
            out.member("status", r.status.rawValue)
            out.key("value")
            out.value(r.value.map(value) ?? .null)
            out.key("numerator")
            out.number(r.numerator)
            out.key("denominator")
            out.number(r.denominator)
            out.key("current")
            out.value(r.current.map(value) ?? .null)
            out.key("baseline")
            out.number(r.baseline)
            out.member("expected", r.expected)
            out.member("expected_source", r.expectedSource)
            out.key("points")
            out.beginObject()
            out.key("earned")
            out.number(r.earned)
            out.key("max")
            out.number(r.max)
            out.endObject()
        out.key("band")
        out.int(r.band)
            out.key("findings")
            out.beginArray()
            for id in r.findingIds {
                out.item()
                out.string(id)
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }

    static func value(_ v: MeasuredValue) -> JSONValue {
        switch v {
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        case .date, .text: .string(v.isoText)
        }
    }

    /// A finding as the result lists it (what `parcheck explain` shows, too).
    static func finding(_ f: Finding, _ language: Language) -> JSONValue {
        .written { out in
            out.beginObject()
            members(f, language, &out)
            out.endObject()
        }
    }

    /// The finding's own members (the result adds the gate's after them).
    static func members(_ f: Finding, _ language: Language, _ out: inout JSONStream) {
        out.member("id", f.id)
        out.member("kind", f.kind.rawValue)
        out.member("severity", f.severity.rawValue)
        out.member("target", f.targetId)
        out.member("unit", f.unitId)
        out.member("dossier", f.dossierId)
        out.member("subject", f.subject)
        out.key("location")
        if let l = f.location {
            out.beginObject()
            out.member("file", l.file)
            out.key(l.isRecordIndex ? "record" : "line")
            out.int(l.line)
            if l.column > 0 {
                out.key("column")
                out.int(l.column)
            }
            out.endObject()
        } else {
            out.null()
        }
        out.member("message", f.message.text(language))
        out.member("value", f.value)
        out.member("expected", f.expected)
        out.member("citation", f.citation)
    }
}

extension DiagnosticSeverity {
    /// Most severe first.
    static let allByRank: [DiagnosticSeverity] = [.error, .warning, .note]
}
