import ArgumentParser
import Foundation
import ParcheckKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a plan against dossier and unit data; print the scoreboard and the findings.",
        discussion: """
            Without PLAN, the plan (and default period) named by DIR/parcheck.yaml is used. With no PLAN and no --data, \
            in the repository root, runs the bundled example: \(Inputs.defaultPlan) against \(Inputs.defaultData).
            """)

    @Argument(help: "Plan file or directory holding plan.yaml.")
    var plan: String?

    @OptionGroup var inputs: InputOptions

    @OptionGroup var report: ReportOptions

    @Option(help: "Evaluate only shard I of N (units split by position; 1/4 … 4/4) and print a shard file for parcheck merge.")
    var shard: String?

    @OptionGroup var jobs: JobsOption

    @Option(name: .customLong("lua-instructions"), help: "Instruction budget of each Lua check run (default 20000000, or the plan's budgets.instructions).")
    var luaInstructions: Int?

    @Option(name: .customLong("lua-memory-mb"), help: "Memory cap of each Lua check run, in MiB (default 64, or the plan's budgets.memory_mb).")
    var luaMemoryMB: Int?

    @Option(name: .customLong("lua-seconds"), help: "Wall-clock limit of each Lua check run, in seconds (default 10, or the plan's budgets.seconds).")
    var luaSeconds: Double?

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/4") }
        if let luaSeconds, !(luaSeconds > 0 && luaSeconds.isFinite) { throw ValidationError("--lua-seconds must be greater than 0") }
    }

    func run() throws {
        var run = try inputs.checkRun(plan: plan, report: report, jobs: jobs)
        run.budget = BudgetOverrides(instructions: luaInstructions, memoryMB: luaMemoryMB, seconds: luaSeconds)
        if let shard = shard.flatMap(Shard.init) {
            try finish(ShardRun(check: run, shard: shard).run(), output: report.output)
        }
        try report.deliver(run.run())
    }
}

/// Colours only for a terminal, and not when NO_COLOR is set or the terminal says it is dumb.
enum Terminal {
    static func wantsColour(fileDescriptor: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(fileDescriptor) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }
}

/// Parses an enum option, or fails as a usage error (exit 2).
func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ name: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw ValidationError("\(name) must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
}
