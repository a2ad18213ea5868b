import ArgumentParser
import ParcheckKit

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shard files of a run split with check --shard i/n into the report a single run prints.",
        discussion: "Give the same plan, data, period and previous result as the shards, and any report options of check; the output is byte-identical to a single check run's.")

    @Argument(help: "Shard files written by check --shard i/n (all n of them, any order).")
    var shards: [String]

    @Option(help: "Plan file or directory (default: the data directory's manifest, else the bundled example).")
    var plan: String?

    @OptionGroup var inputs: InputOptions

    @OptionGroup var report: ReportOptions

    @OptionGroup var jobs: JobsOption

    func run() throws {
        let check = try inputs.checkRun(plan: plan, report: report, jobs: jobs)
        try report.deliver(MergeRun(check: check, shards: shards).run())
    }
}
