import Common
import Data
import Engine
import Plan
import Report

/// `parcheck explain PLAN TARGET [--unit ID] [--data DIR]`: what a target means and, with data, how each unit's
/// decision was reached.
public struct ExplainRun: Sendable {
    public var plan: String
    public var target: String
    public var unit: String?
    public var data: String?
    public var period: String?
    public var asOf: String?
    public var format: OutputFormat = .text
    public var language: Language = .vi

    public init(plan: String, target: String) {
        self.plan = plan
        self.target = target
    }

    public func run() -> Outcome {
        let (loaded, diagnostics) = Inputs.plan(plan)
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(stderr: Inputs.render(diagnostics), exitCode: ExitCode.invalid)
        }
        guard let spec = loaded.target(target) else {
            return invalid("unknown-target", "plan '\(loaded.id)' has no target '\(target)'"
                           + Self.suggestion(target, among: loaded.targets.map(\.id)))
        }
        let explanation: Explanation
        switch traced(loaded, spec) {
        case .success(let e): explanation = e
        case .failure(let invalid): return invalid.outcome
        }
        let text = format == .json ? explanation.json(language: language).render() : explanation.text(language: language)
        return Outcome(stdout: text)
    }

    /// The explanation, evaluated against the data when there is some.
    func traced(_ plan: Plan, _ spec: TargetSpec) -> Result<Explanation, Inputs.Invalid> {
        guard let data else {
            return Inputs.period(period, asOf: asOf, plan: plan)
                .map { Explanation(plan: plan, target: spec, period: $0, traces: []) }
                .mapError { Inputs.Invalid(diagnostics: [$0]) }
        }
        let dataSet: DataSet, window: Period
        switch Inputs.dataAndPeriod(data, period: period, asOf: asOf, plan: plan) {
        case .failure(let invalid): return .failure(invalid)
        case .success(let (d, p)): (dataSet, window) = (d, p)
        }
        if let unit, !dataSet.units.contains(where: { $0.id == unit }) {
            let here = SourceLocation(file: "<command line>", line: 1)
            return .failure(Inputs.Invalid(diagnostics: [Diagnostic(here, code: "unknown-unit", "no unit '\(unit)' in '\(data)'"
                + Self.suggestion(unit, among: dataSet.units.map(\.id)))]))
        }
        let evaluation = Evaluator.evaluate(plan: plan, data: dataSet, period: window)
        let index = plan.targets.firstIndex { $0.id == spec.id }!
        let byId = Dictionary(evaluation.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let traces = evaluation.units.compactMap { u -> Explanation.UnitTrace? in
            let owner = dataSet.units[u.unitIndex]
            guard unit == nil || owner.id == unit, unit != nil || spec.appliesTo.contains(owner.kind) else { return nil }
            let result = u.targets[index]
            return Explanation.UnitTrace(unit: owner, result: result, findings: result.findingIds.compactMap { byId[$0] })
        }
        return .success(Explanation(plan: plan, target: spec, period: window, traces: traces))
    }

    func invalid(_ code: String, _ message: String) -> Outcome {
        let d = Diagnostic(SourceLocation(file: "<command line>", line: 1), code: code, message)
        return Outcome(stderr: Inputs.render([d]), exitCode: ExitCode.invalid)
    }

    /// `; did you mean 'x'?` for a likely typo, else nothing.
    static func suggestion(_ word: String, among names: [String]) -> String {
        Suggest.hint(for: word, among: names)
    }
}
