import Common
import Data
import Engine
import Report

/// `parcheck metrics`: the nine standard metrics and three violation lists of the data contract, without a plan.
public struct MetricsRun: Sendable {
    public var data: String
    public var period: String
    public var asOf: String?
    public var format: OutputFormat = .json
    public var language: Language = .vi

    public init(data: String, period: String) {
        self.data = data
        self.period = period
    }

    public func run() -> Outcome {
        let dataSet: DataSet
        switch Inputs.data(data) {
        case .failure(let f): return Outcome(stderr: Inputs.render(f.diagnostics), exitCode: ExitCode.invalid)
        case .success(let d): dataSet = d
        }
        let window: Period
        switch Inputs.period(period, asOf: asOf, plan: nil) {
        case .failure(let d): return Outcome(stderr: Inputs.render([d]), exitCode: ExitCode.invalid)
        case .success(let p): window = p
        }
        let report = MetricsCalculator.compute(dataSet, period: window)
        switch format {
        case .json: return Outcome(stdout: MetricsJSON.document(dataSet, report, period: window).render())
        case .text: return Outcome(stdout: MetricsText.render(dataSet, report, period: window, language: language))
        }
    }
}
