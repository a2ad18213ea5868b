import Common
import Plan

/// Outcome of one target for one unit.
public enum TargetStatus: String, Sendable, Codable {
    case pass, fail
    /// The target does not apply to this unit, or what it measures does not exist (a rate with no dossiers).
    case notApplicable = "not_applicable"
    /// The check could not run; the target is left out of the score and a `check_error` finding says why.
    case error
}

/// The trace of one decision: what was read, what it gave, how it scored.
public struct TargetResult: Sendable, Codable {
    public var targetId: String
    public var status: TargetStatus
    public var value: MeasuredValue?
    public var numerator: Double?
    public var denominator: Double?
    /// For `compare:` targets, `value` is the change; these are what it was computed from.
    public var current: MeasuredValue?
    public var baseline: Double?
    /// The expectation in force for this unit's kind, as written in the plan.
    public var expected: String?
    /// The document that set that expectation, when a dated value names one (e.g. `3090/QĐ-UBND`).
    public var expectedSource: String? = nil
    public var earned: Double
    /// Maximum points; 0 when the target is not scored for this unit (not applicable or error).
    public var max: Double
    /// Which scoring band was reached, 1-based, for banded targets.
    public var band: Int?
    /// Ids of the findings this decision produced.
    public var findingIds: [String]

    /// Whether the target counts towards the unit's score.
    public var isScored: Bool { status == .pass || status == .fail }
}

/// Everything the engine decided for one unit.
public struct UnitEvaluation: Sendable, Codable {
    public var unitIndex: Int
    public var targets: [TargetResult]
}
