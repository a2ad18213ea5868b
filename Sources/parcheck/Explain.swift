import ArgumentParser
import ParcheckKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a target: its text, citation, threshold in force and the layer that set each key; with --data, each unit's decision.")

    @Argument(help: "Plan file or directory holding plan.yaml.")
    var plan: String

    @Argument(help: "Target id, e.g. tthc.on_time.")
    var target: String

    @Option(help: "Data directory: trace the decision for its units.")
    var data: String?

    @Option(help: "Only this unit (an id from the data).")
    var unit: String?

    @Option(help: "Reporting period (as for check). Default: the plan's period.")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Date the overdue rule is judged at (default: end of period).")
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(help: "Language of human text: vi (default) or en.")
    var lang: String = "vi"

    func run() throws {
        var run = ExplainRun(plan: plan, target: target)
        run.data = data
        run.unit = unit
        run.period = period
        run.asOf = asOf
        run.format = try choice(format, "--format")
        run.language = try choice(lang, "--lang")
        try finish(run.run())
    }
}
