import Common
import Data
import LuaRuntime
import Plan

/// Options of one evaluation.
public struct EvaluationOptions: Sendable {
    /// Lua budgets replacing the plan's entirely; nil resolves them field by field (see `overrides`).
    public var budget: LuaBudget?
    /// Command-line budget values: each replaces the plan's value of its own field only.
    public var overrides = BudgetOverrides()
    /// The previous run's result, the baseline of `compare: {previous: …}` targets.
    public var previous: PreviousResult?
    /// Evaluate only this shard's units (`--shard i/n`); nil evaluates all.
    public var shard: Shard?
    /// Threads evaluating units (each with its own Lua state); the result is the same for any count.
    public var workers: Int = Parallel.defaultWorkers
    /// Told (units done, units in all) after each unit, from worker threads; for a progress line, never the result.
    public var progress: (@Sendable (Int, Int) -> Void)?
    public init(budget: LuaBudget? = nil, previous: PreviousResult? = nil, shard: Shard? = nil,
                workers: Int = Parallel.defaultWorkers) {
        self.budget = budget
        self.previous = previous
        self.shard = shard
        self.workers = max(1, workers)
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
                             metrics: MetricsCalculator.compute(data, period: period, workers: options.workers), previous: options.previous)
        Timings.mark("evaluate: metrics")
        let workers = UnitWorkers(run: run, budget: options.budget ?? options.overrides.applied(to: plan.budgets), workers: options.workers)
        let dataFindings = options.shard.map { $0.ownsDataFindings } ?? true ? DataFindings.of(data) : []
        let assessed = data.units.indices.filter { index in
            plan.assessedKinds.contains(data.units[index].kind) && (options.shard?.owns(index) ?? true)
        }
        Timings.mark("evaluate: data findings")
        let done = DoneCounter()
        // Units in parallel; results joined in unit order, so the evaluation never depends on the thread count.
        let evaluated = workers.map(assessed) { index, registry -> (UnitEvaluation, [Finding]) in
            defer { if let progress = options.progress { progress(done.increment(), assessed.count) } }
            let unit = data.units[index]
            let typed = IndicatorTyping.type(unit, plan: plan)
            var found = typed.findings
            let context = UnitContext(index: index, unit: unit, metrics: run.metrics.perUnit[index],
                                      indicators: typed.values)
            var results: [TargetResult] = []
            for target in plan.targets {
                let (result, produced) = evaluate(target, context, run, registry)
                results.append(result)
                found += produced
            }
            // Here, on the worker: each unit's findings sorted in parallel.
            return (UnitEvaluation(unitIndex: index, targets: results), found.sortedByOrder())
        }
        Timings.mark("evaluate: units")
        defer { Timings.mark("evaluate: join") }
        return Evaluation(plan: plan, period: period, metrics: run.metrics, units: evaluated.map(\.0),
                          findings: joinSorted(dataFindings.sortedByOrder(), evaluated.map(\.1)))
    }

    /// All findings in order, from the data's findings and each unit's (each list sorted). A unit's findings all
    /// carry its id, so the unit lists only need ordering by unit id, and the data's findings (which name units
    /// too) are merged in; sorting the whole run again cost more than evaluating a province (perf, 2M dossiers).
    /// Should a unit's list ever hold another unit's finding, the check below notices and everything is sorted.
    static func joinSorted(_ first: [Finding], _ lists: [[Finding]]) -> [Finding] {
        let keyed = lists.filter { !$0.isEmpty }.map { ($0[0].unitId ?? "", $0) }
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var units: [Finding] = []
        units.reserveCapacity(keyed.reduce(0) { $0 + $1.1.count })
        for (_, list) in keyed { units += list }
        let all = merge(first, units)
        let sorted = all.withUnsafeBufferPointer { b in b.indices.dropFirst().allSatisfy { !(b[$0] < b[$0 - 1]) } }
        return sorted ? all : all.sortedByOrder()
    }

    /// Two sorted lists as one sorted list (ties: `a` first, as a stable sort of `a + b` would give).
    static func merge(_ a: [Finding], _ b: [Finding]) -> [Finding] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [Finding] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if b[j] < a[i] { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
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
