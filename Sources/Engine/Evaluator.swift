import Common
import Data
import LuaRuntime
import Plan

/// Options of one evaluation.
public struct EvaluationOptions: Sendable {
    /// Lua budgets; nil uses the plan's `budgets`, else the runtime's defaults.
    public var budget: LuaBudget?
    /// The previous run's result, the baseline of `compare: {previous: …}` targets.
    public var previous: PreviousResult?
    public init(budget: LuaBudget? = nil, previous: PreviousResult? = nil) {
        self.budget = budget
        self.previous = previous
    }
}

/// The result of evaluating a plan against a data set over a period: prepared once, read by scoring and reports.
public struct Evaluation: Sendable {
    public var plan: Plan
    public var period: Period
    public var metrics: MetricsReport
    /// One entry per assessed unit (a kind the plan assesses), in the data set's unit order.
    public var units: [UnitEvaluation]
    /// Every finding of the run, sorted.
    public var findings: [Finding]
}

/// Evaluates every target of a plan for every assessed unit.
public enum Evaluator {
    public static func evaluate(plan: Plan, data: DataSet, period: Period,
                                options: EvaluationOptions = .init()) -> Evaluation {
        let run = RunContext(plan: plan, data: data, period: period,
                             metrics: MetricsCalculator.compute(data, period: period), previous: options.previous)
        let registry = MeasureRegistry(lua: LuaCheckRunner(run: run, budget: options.budget ?? planBudget(plan)))
        var units: [UnitEvaluation] = []
        var findings = DataFindings.of(data)
        for (index, unit) in data.units.enumerated() where plan.assessedKinds.contains(unit.kind) {
            let typed = IndicatorTyping.type(unit, plan: plan)
            findings += typed.findings
            let context = UnitContext(index: index, unit: unit, metrics: run.metrics.perUnit[index],
                                      indicators: typed.values)
            var results: [TargetResult] = []
            for target in plan.targets {
                let (result, produced) = evaluate(target, context, run, registry)
                results.append(result)
                findings += produced
            }
            units.append(UnitEvaluation(unitIndex: index, targets: results))
        }
        return Evaluation(plan: plan, period: period, metrics: run.metrics, units: units, findings: findings.sorted())
    }

    private static func planBudget(_ plan: Plan) -> LuaBudget {
        var budget = LuaBudget()
        if let spec = plan.budgets {
            if let n = spec.instructions { budget.instructions = n }
            if let mb = spec.memoryMB { budget.memoryBytes = mb << 20 }
        }
        return budget
    }

    private static func evaluate(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext,
                                 _ registry: MeasureRegistry) -> (TargetResult, [Finding]) {
        let kind = unit.unit.kind
        // Thresholds and points that changed over time: the values in force on the period's last day.
        let inForce = target.inForce(on: run.period.end)
        let target = inForce ?? target
        let expectation = target.expect?.forKind(kind) ?? Judge.defaultExpectation(target)
        var result = TargetResult(targetId: target.id, status: .notApplicable, value: nil, numerator: nil,
                                  denominator: nil, current: nil, baseline: nil, expected: expectation?.text,
                                  earned: 0, max: 0, band: nil, findingIds: [])
        result.expectedSource = target.expectSource
        // A task assigned to a body (đơn vị chủ trì) is assessed for the units holding that role only.
        let assigned = target.assignedTo.isEmpty || target.assignedTo.contains { unit.unit.roles.contains($0) }
        guard inForce != nil, assigned, target.appliesTo.contains(kind) else { return (result, []) }
        var m = registry.runner(for: target.measure).measure(target, unit, run)
        if let comparison = target.compare, m.error == nil { m = Baseline.apply(comparison, to: m, unit: unit, previous: run.previous) }
        result.value = m.value
        result.numerator = m.numerator
        result.denominator = m.denominator
        result.current = m.current
        result.baseline = m.baseline
        if let error = m.error {
            result.status = .error
            result.findingIds = [error.id]
            return (result, [error])
        }
        let verdict = Judge.decide(target, kind: kind, value: m.value)
        result.status = verdict.status
        result.earned = verdict.earned
        result.max = verdict.max
        result.band = verdict.band
        var produced = m.findings
        if verdict.status == .fail {
            produced.append(TargetFailure.finding(target, unit: unit.unit, value: m.value, expected: expectation))
        }
        result.findingIds = produced.map(\.id)
        return (result, produced)
    }
}
