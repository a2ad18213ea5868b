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

    @Option(help: "Data directory.")
    var data: String?

    @Option(help: "Reporting period, as for check.")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Date the overdue rule is judged at (default: end of period).")
    var asOf: String?

    @OptionGroup var report: ReportOptions

    @OptionGroup var jobs: JobsOption

    func run() throws {
        var check: CheckRun
        switch CheckRun.resolve(plan: plan, data: data, period: period, previous: report.previous) {
        case .success(let run): check = run
        case .failure(let d): try finish(Outcome(stderr: "\(d)\n", exitCode: ParcheckKit.ExitCode.invalid))
        }
        check.asOf = asOf
        try report.apply(to: &check)
        if let n = jobs.jobs { check.workers = n }
        try report.deliver(MergeRun(check: check, shards: shards).run())
    }
}
