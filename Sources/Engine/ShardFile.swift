import Common
import Data
import Plan

/// What one shard of a run decided (`check --shard i/n`), written for `parcheck merge`: its units' results and
/// findings, with enough identity (plan, period, data counts) that a merge refuses mismatched parts.
public struct ShardFile: Sendable, Codable {
    public var schema = "parcheck.shard/1"
    public var shard: String
    public var plan: String
    public var period: String
    /// `read/accepted/rejected` dossier counts of the data the shard saw, to catch shards of different data.
    public var data: String
    public var units: [UnitEvaluation]
    public var findings: [Finding]

    /// The shard part of `evaluation`.
    public init(_ evaluation: Evaluation, shard: Shard, data: DataSet) {
        self.shard = shard.text
        plan = evaluation.plan.id
        period = Self.period(evaluation.period)
        self.data = Self.fingerprint(data)
        units = evaluation.units
        findings = evaluation.findings
    }

    static func period(_ p: Period) -> String { "\(isoDate(p.start))..\(isoDate(p.end)) as of \(p.asOf.day)" }

    static func fingerprint(_ d: DataSet) -> String {
        "\(d.inputs.dossiersRead)/\(d.inputs.accepted)/\(d.inputs.rejected) units \(d.units.count)"
    }
}

extension Evaluator {
    /// The run the shards make together: every unit's results in data-set order and every finding, sorted —
    /// the same evaluation a single run gives. Problems (a missing, repeated or foreign shard) are messages.
    public static func merge(_ shards: [ShardFile], plan: Plan, data: DataSet, period: Period) -> Result<Evaluation, MergeProblems> {
        var problems: [String] = []
        let counts = Set(shards.compactMap { Shard($0.shard)?.count })
        if counts.count != 1 { problems.append("shards disagree on how many parts the run has: \(shards.map(\.shard).sorted())") }
        if let n = counts.first, counts.count == 1 {
            let seen = shards.compactMap { Shard($0.shard)?.index }.sorted()
            if seen != Array(1...n) { problems.append("expected shards 1/\(n) … \(n)/\(n) once each, got \(shards.map(\.shard).sorted())") }
        }
        for s in shards {
            if s.plan != plan.id { problems.append("shard \(s.shard) is of plan '\(s.plan)', not '\(plan.id)'") }
            if s.period != ShardFile.period(period) { problems.append("shard \(s.shard) covers \(s.period), not \(ShardFile.period(period))") }
            if s.data != ShardFile.fingerprint(data) { problems.append("shard \(s.shard) saw other data (\(s.data))") }
        }
        guard problems.isEmpty else { return .failure(MergeProblems(messages: problems)) }
        let units = shards.flatMap(\.units).sorted { $0.unitIndex < $1.unitIndex }
        return .success(Evaluation(plan: plan, period: period, metrics: MetricsCalculator.compute(data, period: period),
                                   units: units, findings: shards.flatMap(\.findings).sorted()))
    }
}

/// Why shards cannot be merged: each problem in words.
public struct MergeProblems: Error, Sendable {
    public var messages: [String]
}
