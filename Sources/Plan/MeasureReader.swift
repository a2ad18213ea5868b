import Common
import LocatedYAML

/// What a measure yields, so thresholds can be checked against it before anything runs.
enum MeasureValueKind: Equatable {
    /// A rate 0…1 (metrics, percent indicators): `>= 98` instead of `>= 98%` is caught.
    case fraction
    case number, date, bool, text
    /// A Lua check: whatever the script returns.
    case any

    init(_ type: IndicatorType) {
        switch type {
        case .percent: self = .fraction
        case .number, .count: self = .number
        case .date: self = .date
        case .bool: self = .bool
        case .text: self = .text
        }
    }
}

extension TargetReader {
    static let measureKeys = ["metric", "indicator", "ratio", "violations", "check", "evidence"]

    /// `measure`: a mapping with exactly one of the measure keys.
    func measure(_ node: YAMLNode, what: String) -> (Measure, MeasureValueKind)? {
        let mwhat = "'measure' of \(what)"
        guard let f = Fields(node, what: mwhat, allowed: Self.measureKeys, ctx: ctx) else { return nil }
        let present = Self.measureKeys.filter { f.has($0) }
        guard present.count == 1, let key = present.first, let value = f.value(key) else {
            let found = present.isEmpty ? "none" : present.joined(separator: ", ")
            ctx.error(node.location, "bad-measure", "\(mwhat) needs exactly one of \(Self.measureKeys.joined(separator: ", ")) (found \(found))")
            return nil
        }
        switch key {
        case "metric":
            guard let name = ctx.string(value, what: f.describe(key)) else { return nil }
            guard let metric = MetricName(rawValue: name) else {
                ctx.error(value.location, "unknown-metric", "unknown metric '\(name)'"
                          + Suggest.hintOrList(for: name, among: MetricName.allCases.map(\.rawValue)))
                return nil
            }
            return (.metric(metric), .fraction)
        case "indicator":
            guard let spec = indicator(value, what: f.describe(key)) else { return nil }
            return (.indicator(spec.name), MeasureValueKind(spec.type))
        case "ratio":
            return ratio(value, what: f.describe(key))
        case "evidence":
            guard let spec = indicator(value, what: f.describe(key)) else { return nil }
            if !spec.evidence {
                ctx.error(value.location, "bad-measure", "\(f.describe(key)): indicator '\(spec.name)' is not declared "
                          + "with 'evidence: true'")
                return nil
            }
            return (.evidence(spec.name), .date)
        case "violations":
            guard let name = ctx.string(value, what: f.describe(key)) else { return nil }
            guard let kind = ViolationKind(rawValue: name) else {
                ctx.error(value.location, "unknown-violation", "unknown violation '\(name)'"
                          + Suggest.hintOrList(for: name, among: ViolationKind.allCases.map(\.rawValue)))
                return nil
            }
            return (.violations(kind), .number)
        default:
            guard let path = ctx.string(value, what: f.describe(key)), let key = scripts.load(path, node: value) else { return nil }
            return (.check(path: key), .any)
        }
    }

    /// A declared indicator by name.
    func indicator(_ node: YAMLNode, what: String) -> IndicatorSpec? {
        guard let name = ctx.string(node, what: what) else { return nil }
        if let spec = indicators.first(where: { $0.name == name }) { return spec }
        if ctx.writtenIndicators.contains(name) { return nil }
        let known = indicators.map(\.name)
        let hint = known.isEmpty ? " (the plan declares no indicators)" : Suggest.hint(for: name, among: known)
        ctx.error(node.location, "unknown-indicator", "unknown indicator '\(name)' in \(what)" + hint)
        return nil
    }

    /// `ratio: {numerator: <indicator>, denominator: <indicator>}`, both numeric.
    func ratio(_ node: YAMLNode, what: String) -> (Measure, MeasureValueKind)? {
        guard let f = Fields(node, what: what, allowed: ["numerator", "denominator"], ctx: ctx) else { return nil }
        let parts = ["numerator", "denominator"].map { key -> IndicatorSpec? in
            guard let n = f.value(key, required: true), let spec = indicator(n, what: f.describe(key)) else { return nil }
            if !spec.type.isNumeric {
                ctx.error(n.location, "bad-measure", "\(f.describe(key)) must be a number, count or percent indicator; "
                          + "'\(spec.name)' is \(spec.type.rawValue)")
                return nil
            }
            return spec
        }
        guard let numerator = parts[0], let denominator = parts[1] else { return nil }
        return (.ratio(numerator: numerator.name, denominator: denominator.name), .number)
    }

    /// `compare: {baseline: <numeric indicator>, as: difference | relative}`; the measure must be numeric too.
    func comparison(_ node: YAMLNode, what: String, measured: (Measure, MeasureValueKind)?) -> Comparison? {
        guard let f = Fields(node, what: what, allowed: ["baseline", "previous", "as"], ctx: ctx) else { return nil }
        let mode = f.has("as") ? f.choice("as", Comparison.Mode.self) : .difference
        if f.has("previous") {
            if f.has("baseline") {
                ctx.error(node.location, "bad-compare", "\(what) takes 'baseline' (a reported figure) or 'previous' "
                          + "(a target of the previous result), not both")
                return nil
            }
            guard let target = f.id("previous"), let mode else { return nil }
            if let kind = measured?.1, ![.number, .fraction, .any].contains(kind) {
                ctx.error(node.location, "bad-compare", "\(what) needs a numeric measure")
                return nil
            }
            return Comparison(source: .previous(target: target), mode: mode, location: node.location)
        }
        guard let b = f.value("baseline", required: true), let spec = indicator(b, what: f.describe("baseline")) else { return nil }
        guard spec.type.isNumeric else {
            ctx.error(b.location, "bad-compare", "\(f.describe("baseline")) must be a number, count or percent indicator; "
                      + "'\(spec.name)' is \(spec.type.rawValue)")
            return nil
        }
        if let kind = measured?.1, ![.number, .fraction, .any].contains(kind) {
            ctx.error(node.location, "bad-compare", "\(what) needs a numeric measure")
            return nil
        }
        guard let mode else { return nil }
        return Comparison(baseline: spec.name, mode: mode, location: node.location)
    }

    /// Reports a threshold that can never be compared with what the measure yields.
    func check(_ e: Expectation, against kind: MeasureValueKind, measure: Measure) {
        let subject = Self.describe(measure)
        switch (kind, e.value) {
        case (.any, _), (.number, .number), (.date, .date), (.bool, .bool):
            return
        case (.fraction, .number(let x)):
            guard x > 1 else { return }
            let percent = NumberFormat.short(x) + "%"
            ctx.error(e.location, "bad-expectation", "bad expectation '\(e.text)': \(subject) is a fraction from 0 to 1; "
                      + "did you mean '\(e.op.rawValue) \(percent)'?")
        case (.text, _):
            ctx.error(e.location, "bad-expectation", "bad expectation '\(e.text)': \(subject) is text, which cannot be compared")
        default:
            let wanted = kind == .date ? "a date" : kind == .bool ? "true or false" : "a number"
            ctx.error(e.location, "bad-expectation", "bad expectation '\(e.text)': \(subject) gives \(wanted), "
                      + "not a \(e.value.typeName)")
        }
    }

    static func describe(_ m: Measure) -> String {
        switch m {
        case .metric(let name): "metric '\(name.rawValue)'"
        case .indicator(let name): "indicator '\(name)'"
        case .ratio(let n, let d): "ratio '\(n)/\(d)'"
        case .violations(let v): "violations '\(v.rawValue)'"
        case .check(let path): "check '\(path)'"
        case .evidence(let name): "evidence of '\(name)'"
        }
    }
}
