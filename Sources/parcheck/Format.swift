import ArgumentParser
import ParcheckKit

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Normalise the layout of plan YAML files (indentation, spacing, blank lines) without changing their content.",
        discussion: "Comments, quoting, flow collections and key order are kept. With --check nothing is written: files that are not formatted are listed and the exit code is 1.")

    @Argument(help: "YAML files, or directories searched for *.yaml and *.yml (default: Rules).")
    var paths: [String] = ["Rules"]

    @Flag(help: "Only report files that are not formatted (exit 1 when there are some); for CI.")
    var check = false

    func run() throws {
        var run = FormatRun(paths: paths)
        run.check = check
        try finish(run.run())
    }
}
