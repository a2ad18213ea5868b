import Common
import Data
import Engine
import LuaRuntime
import Plan
import Report
import Scoring

/// `parcheck check`: evaluate a plan against data, score the units and report the findings.
public struct CheckRun: Sendable {
    public var plan: String
    public var data: String
    public var period: String?
    public var asOf: String?
    public var format: OutputFormat = .text
    public var failOn: FailOn = .error
    public var language: Language = .vi
    public var perTarget = 5
    public var budget: LuaBudget?
    /// A previous run's JSON result: the baseline of `compare: {previous: …}` targets.
    public var previous: String?

    public init(plan: String, data: String) {
        self.plan = plan
        self.data = data
    }

    public func run() -> Outcome {
        let (loaded, planDiagnostics) = Inputs.plan(plan)
        guard let loaded, !planDiagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(stderr: Inputs.render(planDiagnostics), exitCode: ExitCode.invalid)
        }
        let dataSet: DataSet, window: Period
        switch Inputs.dataAndPeriod(data, period: period, asOf: asOf, plan: loaded) {
        case .failure(let invalid): return invalid.outcome
        case .success(let (d, p)): (dataSet, window) = (d, p)
        }
        var earlier: PreviousResult?
        if let previous {
            switch PreviousResultReader.read(path: previous) {
            case .success(let p): earlier = p
            case .failure(let d): return Outcome(stderr: Inputs.render([d]), exitCode: ExitCode.invalid)
            }
        }
        let evaluation = Evaluator.evaluate(plan: loaded, data: dataSet, period: window,
                                            options: EvaluationOptions(budget: budget, previous: earlier))
        let board = Scorer.score(evaluation, data: dataSet)
        let text: String
        switch format {
        case .json: text = ResultJSON.document(evaluation, board, data: dataSet, language: language).render()
        case .text: text = TextReport(evaluation, board, data: dataSet, language: language, perTarget: perTarget).render()
        }
        let warnings = Inputs.render(planDiagnostics)
        return Outcome(stdout: text, stderr: warnings, exitCode: Self.exitCode(evaluation.findings, failOn: failOn))
    }

    /// 1 when any finding is at or above the threshold, else 0.
    static func exitCode(_ findings: [Finding], failOn: FailOn) -> Int32 {
        let threshold: DiagnosticSeverity
        switch failOn {
        case .never: return ExitCode.ok
        case .error: threshold = .error
        case .warning: threshold = .warning
        }
        return findings.contains { $0.severity >= threshold } ? ExitCode.findings : ExitCode.ok
    }
}
