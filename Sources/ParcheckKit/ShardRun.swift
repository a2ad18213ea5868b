import Common
import Data
import Engine
import Foundation
import Plan
import Report
import Scoring

/// `check --shard i/n`: evaluates one part of the units and writes a shard file for `parcheck merge`.
public struct ShardRun: Sendable {
    public var check: CheckRun
    public var shard: Shard

    public init(check: CheckRun, shard: Shard) {
        self.check = check
        self.shard = shard
    }

    public func run() -> Outcome {
        let (loaded, diagnostics) = Inputs.plan(check.plan)
        guard let loaded, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(stderr: Inputs.render(diagnostics), exitCode: ExitCode.invalid)
        }
        // The same inputs as the whole run (the previous result is the baseline of compare: targets), so that
        // a problem with any of them stops every shard as it would stop the single run.
        switch CheckInputs.load(check, plan: loaded) {
        case .failure(let invalid): return invalid.outcome
        case .success(let inputs):
            let data = inputs.data
            let evaluation = Evaluator.evaluate(plan: loaded, data: data, period: inputs.period,
                                                options: check.evaluationOptions(previous: inputs.previous?.result,
                                                                                 shard: shard))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let bytes = try? encoder.encode(ShardFile(evaluation, shard: shard, data: data)) else {
                return Outcome(stderr: "error: cannot encode the shard\n", exitCode: ExitCode.invalid)
            }
            return Outcome(stdoutBytes: Array(bytes) + [UInt8(ascii: "\n")])
        }
    }
}

/// `parcheck merge SHARD…`: the shards' results scored and reported as one run — byte for byte what a single
/// `check` of the same plan, data and period prints, in every format.
public struct MergeRun: Sendable {
    public var check: CheckRun

    public init(check: CheckRun, shards: [String]) {
        self.check = check
        self.check.shards = shards
    }

    public func run() -> Outcome { check.run() }
}
