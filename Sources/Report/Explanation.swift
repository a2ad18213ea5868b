import Common
import Data
import Engine
import Plan

/// `parcheck explain`: what a target means — text, citation, the threshold and points in force, which plan layer
/// set each key — and, with data, the trace of each unit's decision.
public struct Explanation: Sendable {
    /// One unit's decision.
    public struct UnitTrace: Sendable {
        public var unit: Unit
        public var result: TargetResult
        public var findings: [Finding]
        public init(unit: Unit, result: TargetResult, findings: [Finding]) {
            self.unit = unit
            self.result = result
            self.findings = findings
        }
    }

    public var plan: Plan
    /// The target as loaded (all dated entries), and as it stands on the period's last day (nil: nothing in force).
    public var target: TargetSpec
    public var inForce: TargetSpec?
    public var period: Period
    public var traces: [UnitTrace]

    public init(plan: Plan, target: TargetSpec, period: Period, traces: [UnitTrace]) {
        self.plan = plan
        self.target = target
        self.inForce = target.inForce(on: period.end)
        self.period = period
        self.traces = traces
    }

    /// `metric on_time_rate`, `evidence cchc_plan_date`, `check checks/x.lua`, `ratio a / b`.
    static func describe(_ m: Measure) -> String {
        switch m {
        case .metric(let name): "metric \(name.rawValue)"
        case .indicator(let name): "indicator \(name)"
        case .ratio(let n, let d): "ratio \(n) / \(d)"
        case .violations(let kind): "violations \(kind.rawValue)"
        case .check(let path): "check \(path)"
        case .evidence(let name): "evidence \(name)"
        }
    }

    /// `pass_fail`, `proportional`, `bands >= 98% → 4; >= 95% → 2`, `deduct 0.5 per item, floor 0`.
    static func describe(_ s: ScoringRule) -> String {
        switch s {
        case .passFail: "pass_fail"
        case .proportional: "proportional"
        case .bands(let bands): "bands " + bands.map { "\($0.when.text) → \(NumberText.human($0.points, language: .en))" }.joined(separator: "; ")
        case .deduction(let per, let floor):
            "deduct \(NumberText.human(per, language: .en)) per item, floor \(NumberText.human(floor, language: .en))"
        }
    }

    /// Thresholds as written: `>= 98%`, or `default: >= 30%, department: >= 60%`.
    static func describe(_ set: ExpectationSet?) -> String? {
        guard let set else { return nil }
        if set.byKind.isEmpty { return set.default?.text }
        let kinds = set.byKind.keys.sorted().map { "\($0.rawValue): \(set.byKind[$0]!.text)" }
        return ((set.default.map { ["default: \($0.text)"] } ?? []) + kinds).joined(separator: ", ")
    }

    /// `file:line:col`.
    static func place(_ l: SourceLocation) -> String { "\(l.file):\(l.line):\(l.column)" }
}
