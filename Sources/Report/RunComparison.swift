import Common
import Engine
import Scoring

/// An earlier run's result file as the run-to-run comparison needs it: the baseline figures the Engine reads
/// (`compare: {previous: …}`), plus each finding and each unit's place, so resolved findings can be listed.
public struct PreviousRun: Sendable {
    /// One finding of the earlier run, as written in its result file.
    public struct FindingRecord: Sendable, Hashable {
        public var id: String
        public var kind: String
        public var severity: String
        public var target: String?
        public var unit: String?
        public var dossier: String?
        public var message: String
        public var citation: String?

        public init(id: String, kind: String, severity: String, target: String?, unit: String?, dossier: String?,
                    message: String, citation: String?) {
            self.id = id
            self.kind = kind
            self.severity = severity
            self.target = target
            self.unit = unit
            self.dossier = dossier
            self.message = message
            self.citation = citation
        }
    }

    public var result: PreviousResult
    /// The earlier run's findings in file order.
    public var findings: [FindingRecord]

    public init(result: PreviousResult, findings: [FindingRecord]) {
        self.result = result
        self.findings = findings
    }
}

/// What changed since an earlier run: findings new, persisting and resolved; each unit's index and rank.
public struct RunComparison: Sendable {
    /// A unit's index and rank then and now.
    public struct UnitChange: Sendable {
        public var unitId: String
        public var indexBefore: Double?
        public var indexNow: Double?
        public var rankBefore: Int?
        public var rankNow: Int?
        /// Whether the unit was in the earlier run at all.
        public var wasPresent: Bool

        /// Index points gained (negative: lost); nil unless both runs scored the unit.
        public var indexChange: Double? {
            guard let a = indexBefore, let b = indexNow else { return nil }
            return b - a
        }

        /// Places gained in the ranking (positive: moved up); nil unless both runs ranked the unit.
        public var rankChange: Int? {
            guard let a = rankBefore, let b = rankNow else { return nil }
            return a - b
        }
    }

    public var previous: PreviousRun
    /// Ids of this run's findings that the earlier run did not have.
    public var newIds: Set<String>
    /// Number of this run's findings the earlier run also had.
    public var persisting: Int
    /// The earlier run's findings this run no longer has, in the earlier file's order.
    public var resolved: [PreviousRun.FindingRecord]
    /// One entry per unit of this run, in scoreboard order.
    public var units: [RunComparison.UnitChange]

    public static func compare(_ findings: [Finding], _ board: Scoreboard, with previous: PreviousRun) -> RunComparison {
        let before = previous.result.findingIds
        let now = Set(findings.map(\.id))
        let newIds = now.subtracting(before)
        var seen = Set<String>()
        let resolved = previous.findings.filter { !now.contains($0.id) && seen.insert($0.id).inserted }
        let units = board.units.map { u in
            let then = previous.result.units[u.unitId]
            return UnitChange(unitId: u.unitId, indexBefore: then?.index, indexNow: u.index, rankBefore: then?.rank,
                              rankNow: u.rank, wasPresent: then != nil)
        }
        return RunComparison(previous: previous, newIds: newIds, persisting: now.intersection(before).count,
                             resolved: resolved, units: units)
    }

    public func isNew(_ f: Finding) -> Bool { newIds.contains(f.id) }

    public func change(of unitId: String) -> UnitChange? { units.first { $0.unitId == unitId } }
}
