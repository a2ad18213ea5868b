import Common
import Data
import Engine
import Plan
import Scoring

/// Whether a run lets a submission through: the findings that fail it under the chosen policy.
public struct Gate: Sendable {
    /// What fails the gate (`--fail-on`).
    public enum Policy: Sendable, Equatable {
        /// Any finding at or above this severity.
        case severity(DiagnosticSeverity)
        /// Nothing: report only.
        case never
        /// Only regressions: an error-severity finding the previous run did not have, or one whose waiver expired.
        case new
    }

    public var policy: Policy
    /// The findings that fail the gate, sorted; actively waived findings never do.
    public var failing: [Finding]
    public var passed: Bool { failing.isEmpty }

    public static func judge(_ findings: [Finding], policy: Policy, waivers: WaiverReview,
                             comparison: RunComparison?) -> Gate {
        let failing = findings.filter { f in
            let standing = waivers.standing(f)
            if case .waived = standing { return false }
            switch policy {
            case .never: return false
            case .severity(let threshold): return f.severity >= threshold
            case .new:
                if case .expired = standing, f.severity >= .error { return true }
                return f.severity >= .error && (comparison?.isNew(f) ?? true)
            }
        }
        return Gate(policy: policy, failing: failing)
    }

    /// `error`, `warning`, `never` or `new`, as on the command line.
    public var policyName: String {
        switch policy {
        case .severity(let s): s.rawValue
        case .never: "never"
        case .new: "new"
        }
    }
}

/// Everything a report is made from: the run, its scores, how the waivers applied, what changed since the last run,
/// and the gate's verdict. Every format renders from this one value, so they never disagree.
public struct RunReport: Sendable {
    public var evaluation: Evaluation
    public var board: Scoreboard
    public var data: DataSet
    public var language: Language
    public var waivers: WaiverReview
    public var comparison: RunComparison?
    public var gate: Gate

    public init(_ evaluation: Evaluation, _ board: Scoreboard, data: DataSet, language: Language,
                waivers: WaiverReview, comparison: RunComparison?, policy: Gate.Policy) {
        self.evaluation = evaluation
        self.board = board
        self.data = data
        self.language = language
        self.waivers = waivers
        self.comparison = comparison
        self.gate = Gate.judge(evaluation.findings, policy: policy, waivers: waivers, comparison: comparison)
        self.targets = Dictionary(evaluation.plan.targets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.failingIds = Set(gate.failing.map(\.id))
    }

    /// Targets by id, for the area and title of a finding.
    let targets: [String: TargetSpec]
    let failingIds: Set<String>

    public var plan: Plan { evaluation.plan }
    public var findings: [Finding] { evaluation.findings }
    var f: HumanFormat { HumanFormat(language: language) }

    /// The plan area of a finding's target, if any.
    func area(of finding: Finding) -> String? { finding.targetId.flatMap { targets[$0]?.area } }

    /// Whether the finding fails the gate.
    public func fails(_ finding: Finding) -> Bool { failingIds.contains(finding.id) }

    /// The unit's data record, for findings that have no location of their own.
    func unitRecord(_ id: String?) -> Unit? {
        guard let id else { return nil }
        return data.units.first { $0.id == id }
    }

    /// Units of each ranking group, best rank first, then the units in no group.
    func groups() -> [(id: String?, title: String, units: [UnitScore])] {
        var result: [(id: String?, title: String, units: [UnitScore])] = plan.ranking.map { g in
            (id: g.id, title: g.title, units: board.units.filter { $0.group == g.id }.sorted(by: TextReport.byRank))
        }
        let other = board.units.filter { $0.group == nil }
        if !other.isEmpty { result.append((id: nil, title: f.t("Đơn vị khác", "Other units"), units: other)) }
        return result.filter { !$0.units.isEmpty }
    }
}
