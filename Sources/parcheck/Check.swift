import ArgumentParser

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

    @Option(help: "Data directory: units.{yaml,json,csv} and dossiers*.{csv,jsonl,json,yaml}.")
    var data: String?

    @Option(help: "Reporting period: 2025-01-01..2025-12-31, 2025, 2025-H1, 2025-Q3, 2025-07, or a name the plan declares. Default: the plan's period.")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Date the overdue rule is judged at (default: end of period).")
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of stdout.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above: error, warning or never.")
    var failOn: String = "error"

    @Option(help: "Language of human text: vi (default) or en.")
    var lang: String = "vi"

    @Option(name: .customLong("max-per-target"), help: "Text format: findings shown per unit and target before summarising (0 = all).")
    var maxPerTarget: Int = 5

    @Option(help: "A previous run's JSON result (check --format json): the baseline of compare: {previous: …} targets.")
    var previous: String?

    @Option(name: .customLong("lua-instructions"), help: "Instruction budget of each Lua check run.")
    var luaInstructions: Int?

    @Option(name: .customLong("lua-memory-mb"), help: "Memory cap of each Lua check run, in MiB.")
    var luaMemoryMB: Int?

    func run() throws {
        var run: CheckRun
        switch CheckRun.resolve(plan: plan, data: data, period: period, previous: previous) {
        case .success(let resolved): run = resolved
        case .failure(let d): try finish(Outcome(stderr: "\(d)\n", exitCode: ParcheckKit.ExitCode.invalid))
        }
        run.asOf = asOf
        run.format = try choice(format, "--format")
        run.failOn = try choice(failOn, "--fail-on")
        run.language = try choice(lang, "--lang")
        run.perTarget = maxPerTarget
        run.budget = Budget.from(instructions: luaInstructions, memoryMB: luaMemoryMB)
        try finish(run.run(), output: output)
    }
}

/// Parses an enum option, or fails as a usage error (exit 2).
func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ name: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        throw ValidationError("\(name) must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
}
