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
    /// Threads computing the metrics (`--jobs`); the output is the same for any count.
    public var workers = Parallel.defaultWorkers

    public init(data: String, period: String) {
        self.data = data
        self.period = period
    }

    public func run() -> Outcome {
        let dataSet: DataSet, window: Period
        switch Inputs.dataAndPeriod(data, period: period, asOf: asOf, plan: nil, workers: workers) {
        case .failure(let invalid): return invalid.outcome
        case .success(let (d, p)): (dataSet, window) = (d, p)
        }
        Timings.mark("inputs")
        let report = MetricsCalculator.compute(dataSet, period: window, workers: workers)
        Timings.mark("metrics")
        defer {
            ExitTeardown.keep((dataSet, report))
            Timings.mark("render")
        }
        switch format {
        case .json: return Outcome(stdoutBytes: MetricsJSON.render(dataSet, report, period: window, workers: workers))
        case .text: return Outcome(stdout: MetricsText.render(dataSet, report, period: window, language: language))
        }
    }
}
