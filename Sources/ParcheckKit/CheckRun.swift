import Common
import Data
import Engine
import Foundation
import LuaRuntime
import Plan
import Report
import Scoring

/// `parcheck check`: evaluate a plan against data, score the units, apply waivers, compare with the previous run,
/// and report in one or several formats with the gate's exit code.
public struct CheckRun: Sendable {
    public var plan: String
    public var data: String
    public var period: String?
    public var asOf: String?
    /// Formats to produce; more than one (or `csv`, which writes two files) needs `outputDirectory`.
    public var formats: [ReportFormat] = [.text]
    public var failOn: FailOn = .error
    public var language: Language = .vi
    public var perTarget = 5
    /// Lua budgets from the command line, each over the plan's value of the same field.
    public var budget = BudgetOverrides()
    /// A previous run's JSON result: the baseline of `compare: {previous: …}` targets and of the run comparison.
    public var previous: String?
    /// The waivers file; nil: the data directory's `waivers.yaml` when there is one.
    public var waivers: String?
    /// The day waivers are judged on; nil: today in Vietnam.
    public var today: DayNumber?
    /// A Mustache template replacing the bundled HTML one.
    public var template: String?
    /// Where the reports go as files; nil: the single format goes to stdout.
    public var outputDirectory: String?
    /// Colours in the text report (a terminal) and in the gate line on stderr (a terminal).
    public var colour = false
    public var stderrColour = false
    /// Nothing on stderr but errors that stop the run; the exit code carries the verdict.
    public var quiet = false
    /// Show a progress line on stderr while reading and evaluating (the CLI sets it when stderr is a terminal).
    public var progress = false
    /// Shard files of this run (`check --shard i/n`): merged instead of evaluating, so the report is a single run's.
    public var shards: [String]?
    /// Threads reading data and evaluating units (`--jobs`); the output is the same bytes for any count.
    public var workers = Parallel.defaultWorkers

    /// The single format (the first, when several are set).
    public var format: ReportFormat {
        get { formats.first ?? .text }
        set { formats = [newValue] }
    }

    public init(plan: String, data: String) {
        self.plan = plan
        self.data = data
    }

    public func run() -> Outcome {
        if let usage = usageProblem() { return Outcome(stderr: "error: \(usage)\n", exitCode: ExitCode.invalid) }
        let (loaded, planDiagnostics) = Inputs.plan(plan)
        guard let loaded, !planDiagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(stderr: Inputs.render(planDiagnostics), exitCode: ExitCode.invalid)
        }
        Timings.mark("plan (parse, compile)")
        let line = progress && !quiet ? ProgressLine(language: language) : nil
        defer { line?.finish() }
        line?.stage(vi: "đang đọc dữ liệu…", en: "reading data…")
        let inputs: CheckInputs
        switch CheckInputs.load(self, plan: loaded) {
        case .failure(let invalid): return invalid.outcome
        case .success(let i): inputs = i
        }
        Timings.mark("inputs")
        let evaluation: Evaluation
        switch evaluate(loaded, inputs, progress: line) {
        case .failure(let invalid): return invalid.outcome
        case .success(let e): evaluation = e
        }
        Timings.mark("evaluate")
        let board = Scorer.score(evaluation, data: inputs.data)
        let review = WaiverReview.apply(inputs.waivers, file: inputs.waiverFile, to: evaluation.findings,
                                        today: today ?? Today.vietnam())
        let comparison = inputs.previous.map { RunComparison.compare(evaluation.findings, board, with: $0) }
        let report = RunReport(evaluation, board, data: inputs.data, language: language, waivers: review,
                               comparison: comparison, policy: policy)
        Timings.mark("score + report")
        var outcome = render(report, template: inputs.template)
        Timings.mark("render")
        outcome.stderr = (quiet ? "" : Inputs.render(planDiagnostics + GateNotes.diagnostics(report)))
            + (quiet ? "" : GateNotes.line(report, files: outcome.files.map(\.name), directory: outputDirectory,
                                           palette: Palette(enabled: stderrColour)))
        outcome.exitCode = report.gate.passed ? ExitCode.ok : ExitCode.findings
        ExitTeardown.keep((inputs, report))
        return outcome
    }

    /// The evaluation: computed, or merged from the shard files of this run.
    func evaluate(_ plan: Plan, _ inputs: CheckInputs, progress: ProgressLine? = nil) -> Result<Evaluation, Inputs.Invalid> {
        guard let shards else {
            var options = evaluationOptions(previous: inputs.previous?.result)
            if let progress { options.progress = { progress.units($0, of: $1) } }
            return .success(Evaluator.evaluate(plan: plan, data: inputs.data, period: inputs.period, options: options))
        }
        let here = SourceLocation(file: "<command line>", line: 1)
        var parts: [ShardFile] = []
        for path in shards {
            guard let bytes = FileManager.default.contents(atPath: path),
                  let part = try? JSONDecoder().decode(ShardFile.self, from: bytes), part.schema == "parcheck.shard/1" else {
                let at = SourceLocation(file: path, line: 1, column: 1)
                return .failure(Inputs.Invalid(diagnostics: [Diagnostic(at, code: "bad-shard", "'\(path)' is not a parcheck shard file")]))
            }
            parts.append(part)
        }
        return Evaluator.merge(parts, plan: plan, data: inputs.data, period: inputs.period).mapError { problems in
            Inputs.Invalid(diagnostics: problems.messages.map { Diagnostic(here, code: "bad-shards", $0) })
        }
    }

    /// How the evaluation uses the machine and the Lua budgets: the same for a whole run and for each shard.
    func evaluationOptions(previous: PreviousResult? = nil, shard: Shard? = nil) -> EvaluationOptions {
        var options = EvaluationOptions(previous: previous, shard: shard, workers: workers)
        options.overrides = budget
        return options
    }

    /// Options that cannot work together, found before anything is read.
    func usageProblem() -> String? {
        if outputDirectory == nil, formats.count > 1 {
            return "several formats (\(formats.map(\.rawValue).joined(separator: ","))) need --output-dir"
        }
        if outputDirectory == nil, formats.contains(.csv) {
            return "--format csv writes two files (scoreboard.csv, findings.csv) and needs --output-dir"
        }
        if failOn == .new, previous == nil { return "--fail-on new needs --previous (the result of the run to compare with)" }
        return nil
    }

    /// 1 when any finding is at or above the threshold, else 0 (for callers without waivers or a previous run;
    /// `new` has nothing to compare with there, so every error counts).
    static func exitCode(_ findings: [Finding], failOn: FailOn) -> Int32 {
        let threshold: DiagnosticSeverity
        switch failOn {
        case .never: return ExitCode.ok
        case .error, .new: threshold = .error
        case .warning: threshold = .warning
        }
        return findings.contains { $0.severity >= threshold } ? ExitCode.findings : ExitCode.ok
    }

    var policy: Gate.Policy {
        switch failOn {
        case .error: .severity(.error)
        case .warning: .severity(.warning)
        case .never: .never
        case .new: .new
        }
    }

    /// Each format's text, as files in the output directory or the single format on stdout.
    func render(_ report: RunReport, template: HTMLTemplate?) -> Outcome {
        var files: [OutputFile] = []
        for format in formats {
            let texts = ReportRendering.texts(format, report, template: template, perTarget: perTarget,
                                              palette: Palette(enabled: colour && outputDirectory == nil), workers: workers)
            files += zip(format.fileNames, texts).map { OutputFile(name: $0, bytes: $1) }
        }
        guard outputDirectory != nil else { return Outcome(stdoutBytes: files.first?.bytes ?? []) }
        return Outcome(files: files)
    }
}
