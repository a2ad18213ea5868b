import ArgumentParser
import ParcheckKit

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run rule tests (tests/*.yaml next to each plan): expected target results and findings on small fixture data.")

    @Argument(help: "Test files, or directories searched for tests/*.yaml (default: Rules).")
    var paths: [String] = ["Rules"]

    @Option(name: .customLong("min-coverage"), help: "Exit 1 when a plan's tests assert fewer than this percentage of its targets.")
    var minCoverage: Double?

    @Flag(help: "List the targets, bands and per-kind thresholds no test covers.")
    var coverage = false

    func run() throws {
        var run = TestRun(paths: paths)
        run.minCoverage = minCoverage
        run.coverageDetail = coverage
        try finish(run.run())
    }
}
