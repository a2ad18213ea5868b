import ArgumentParser
import Foundation
import ParcheckKit

/// What a run reads besides the plan: shared by `check` and `merge`, which must be given the same.
struct InputOptions: ParsableArguments {
    @Option(help: "Data directory: units.{yaml,json,csv} and dossiers*.{csv,jsonl,json,yaml}.")
    var data: String?

    @Option(help: "Reporting period: 2025-01-01..2025-12-31, 2025, 2025-H1, 2025-Q3, 2025-07, or a name the plan declares. Default: the plan's period.")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Date the overdue rule is judged at (default: end of period).")
    var asOf: String?

    /// The run for `plan` (or the data directory's manifest), with the report options applied.
    func checkRun(plan: String?, report: ReportOptions, jobs: JobsOption) throws -> CheckRun {
        var run: CheckRun
        switch CheckRun.resolve(plan: plan, data: data, period: period, previous: report.previous) {
        case .success(let resolved): run = resolved
        case .failure(let d): try finish(Outcome(stderr: "\(d)\n", exitCode: ParcheckKit.ExitCode.invalid))
        }
        run.asOf = asOf
        try report.apply(to: &run)
        if let n = jobs.jobs { run.workers = n }
        return run
    }
}

/// How a run is reported and gated: shared by `check` and `merge`, whose output must be the same bytes.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format: text, json, html, csv, sarif, junit or markdown; several, comma-separated, with --output-dir.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of stdout.")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Write each format's file(s) into this directory (report.html, result.sarif, junit.xml, …).")
    var outputDir: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above: error, warning, never; or new (only regressions since --previous).")
    var failOn: String = "error"

    @Option(help: "Waivers file (default: DIR/waivers.yaml when present).")
    var waivers: String?

    @Option(help: "Day waivers are judged on (default: today in Vietnam, UTC+07:00).")
    var today: String?

    @Option(help: "Mustache template replacing the bundled HTML report template.")
    var template: String?

    @Flag(help: "Print nothing but errors that stop the run; the exit code tells the verdict.")
    var quiet = false

    @Option(help: "Language of human text: vi (default) or en.")
    var lang: String = "vi"

    @Option(name: .customLong("max-per-target"), help: "Text format: findings shown per unit and target before summarising (0 = all).")
    var maxPerTarget: Int = 5

    @Option(help: "A previous run's JSON result (check --format json): new, resolved and persisting findings, index and rank changes, and the baseline of compare: {previous: …} targets.")
    var previous: String?

    func validate() throws {
        if output != nil, outputDir != nil { throw ValidationError("give --output or --output-dir, not both") }
    }

    /// Sets the run's report and gate settings.
    func apply(to run: inout CheckRun) throws {
        guard let formats = ReportFormat.list(format) else {
            throw ValidationError("--format must be one or more of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        run.formats = formats
        run.outputDirectory = outputDir
        run.failOn = try choice(failOn, "--fail-on")
        run.waivers = waivers
        if let today {
            guard let day = Today.parse(today) else { throw ValidationError("--today must be a date (YYYY-MM-DD or D/M/YYYY)") }
            run.today = day
        }
        run.template = template
        run.quiet = quiet
        run.colour = output == nil && Terminal.wantsColour(fileDescriptor: 1)
        run.stderrColour = Terminal.wantsColour(fileDescriptor: 2)
        run.progress = isatty(2) == 1
        run.language = try choice(lang, "--lang")
        run.perTarget = maxPerTarget
    }

    /// Writes the outcome's files and prints it, exiting with its code.
    func deliver(_ outcome: Outcome) throws {
        if let outputDir, outcome.exitCode != ParcheckKit.ExitCode.invalid {
            do { try outcome.write(into: outputDir) } catch {
                try finish(Outcome(stderr: "error: cannot write the reports into \(outputDir): \(error)\n",
                                            exitCode: ParcheckKit.ExitCode.invalid))
            }
        }
        try finish(outcome, output: output)
    }
}

/// Threads used by a run: never changes the output, only how soon it comes.
struct JobsOption: ParsableArguments {
    @Option(name: .customLong("jobs"), help: "Threads reading data and evaluating units (default: one per processor). The output is the same for any count.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }
}
