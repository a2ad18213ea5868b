import Common
import Engine

/// Points of one PAR Index area (lĩnh vực) for one unit.
public struct AreaScore: Sendable {
    public var id: String
    public var title: LocalizedText
    public var earned: Double
    public var max: Double
}

/// A unit's PAR Index-style score: points over the maximum it could earn, its class and its rank.
public struct UnitScore: Sendable {
    public var unitIndex: Int
    public var unitId: String
    public var name: String
    public var kind: UnitKind
    public var earned: Double
    public var max: Double
    /// earned / max × 100; nil when no target was scored for the unit.
    public var index: Double?
    public var classLabel: LocalizedText?
    /// Ranking group id and 1-based rank within it (ties share a rank); nil when the unit is in no group.
    public var group: String?
    public var rank: Int?
    public var areas: [AreaScore]
    /// Targets passed, failed, not applicable and in error.
    public var counts: [TargetStatus: Int]
}

/// The scores of every assessed unit and the province summary.
public struct Scoreboard: Sendable {
    public var units: [UnitScore]
    public var summary: Summary

    /// Province-wide figures (tổng hợp toàn tỉnh).
    public struct Summary: Sendable {
        public var unitCount: Int
        public var averageIndex: Double?
        /// Units per class label (Vietnamese label as key), in the plan's class order.
        public var classCounts: [(label: LocalizedText, count: Int)]
        public var targetCounts: [TargetStatus: Int]
    }
}
