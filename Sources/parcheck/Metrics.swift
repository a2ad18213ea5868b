import ArgumentParser

import ParcheckKit

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The nine standard dossier metrics and three violation lists of the data contract, without a plan.")

    @Option(help: "Data directory: units.{yaml,json,csv} and dossiers*.{csv,jsonl,json,yaml}.")
    var data: String

    @Option(help: "Reporting period: 2025-01-01..2025-12-31, 2025, 2025-H1, 2025-Q3, 2025-07.")
    var period: String

    @Option(name: .customLong("as-of"), help: "Date the overdue rule is judged at (default: end of period).")
    var asOf: String?

    @Option(help: "Output format: json (default) or text.")
    var format: String = "json"

    @Option(help: "Write the result to this file instead of stdout.")
    var output: String?

    @Option(help: "Language of human text: vi (default) or en.")
    var lang: String = "vi"

    @OptionGroup var jobs: JobsOption

    func run() throws {
        var run = MetricsRun(data: data, period: period)
        if let n = jobs.jobs { run.workers = n }
        run.asOf = asOf
        run.format = try choice(format, "--format")
        run.language = try choice(lang, "--lang")
        try finish(run.run(), output: output)
    }
}
