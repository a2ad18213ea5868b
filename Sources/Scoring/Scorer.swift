import Common
import Data
import Engine
import Plan

/// Turns an evaluation into PAR Index-style scores, classes and ranks.
public enum Scorer {
    public static func score(_ evaluation: Evaluation, data: DataSet) -> Scoreboard {
        let plan = evaluation.plan
        var units = evaluation.units.map { unitScore($0, plan: plan, unit: data.units[$0.unitIndex]) }
        rank(&units, groups: plan.ranking)
        return Scoreboard(units: units, summary: summary(units, plan: plan))
    }

    private static func unitScore(_ e: UnitEvaluation, plan: Plan, unit: Unit) -> UnitScore {
        var areas: [AreaScore] = plan.areas.map {
            AreaScore(id: $0.id, title: LocalizedText(vi: $0.title, en: $0.titleEn ?? $0.title), earned: 0, max: 0)
        }
        let areaIndex = Dictionary(plan.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var counts: [TargetStatus: Int] = [:]
        for (target, result) in zip(plan.targets, e.targets) {
            counts[result.status, default: 0] += 1
            guard result.isScored, let i = areaIndex[target.area] else { continue }
            areas[i].earned += result.earned
            areas[i].max += result.max
        }
        let earned = areas.reduce(0) { $0 + $1.earned }
        let max = areas.reduce(0) { $0 + $1.max }
        let index = max > 0 ? earned / max * 100 : nil
        let band = index.flatMap { v in plan.classification.first { v >= $0.min } }
        return UnitScore(unitIndex: e.unitIndex, unitId: unit.id, name: unit.name, kind: unit.kind, earned: earned,
                         max: max, index: index,
                         classLabel: band.map { LocalizedText(vi: $0.label, en: $0.labelEn ?? $0.label) },
                         group: plan.ranking.first { $0.kinds.contains(unit.kind) }?.id, rank: nil, areas: areas,
                         counts: counts)
    }

    /// Competition ranking ("1, 2, 2, 4") by index within each group; ties keep unit-id order for display.
    static func rank(_ units: inout [UnitScore], groups: [RankingGroup]) {
        for group in groups {
            let members = units.indices.filter { units[$0].group == group.id && units[$0].index != nil }
            let ordered = members.sorted { a, b in
                let (x, y) = (units[a].index!, units[b].index!)
                return x != y ? x > y : units[a].unitId.utf8.lexicographicallyPrecedes(units[b].unitId.utf8)
            }
            var previous: Double?
            var rank = 0
            for (position, i) in ordered.enumerated() {
                if units[i].index != previous { rank = position + 1 }
                previous = units[i].index
                units[i].rank = rank
            }
        }
    }

    private static func summary(_ units: [UnitScore], plan: Plan) -> Scoreboard.Summary {
        let indices = units.compactMap(\.index)
        let classes = plan.classification.map { band in
            (label: LocalizedText(vi: band.label, en: band.labelEn ?? band.label),
             count: units.filter { $0.classLabel?.vi == band.label }.count)
        }
        var targets: [TargetStatus: Int] = [:]
        for u in units { for (status, n) in u.counts { targets[status, default: 0] += n } }
        return Scoreboard.Summary(unitCount: units.count,
                                  averageIndex: indices.isEmpty ? nil : indices.reduce(0, +) / Double(indices.count),
                                  classCounts: classes, targetCounts: targets)
    }
}
