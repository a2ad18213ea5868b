import ArgumentParser
import ParcheckKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan, its Lua scripts and optionally a data submission; print every problem as file:line:col: error: code: message.")

    @Argument(help: "Plan file or directory holding plan.yaml.")
    var plan: String

    @Option(help: "Also validate this data directory against the plan.")
    var data: String?

    @Option(name: .customLong("max-errors"), help: "Print at most this many problems (0 = all).")
    var maxErrors: Int = 0

    func run() throws {
        var run = ValidateRun(plan: plan, data: data)
        run.maxErrors = maxErrors
        try finish(run.run())
    }
}
