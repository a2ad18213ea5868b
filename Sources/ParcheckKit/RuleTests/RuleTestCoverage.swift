import Common
import Engine
import Plan

/// What a plan's rule tests exercise: targets asserted, scoring bands reached, per-kind thresholds met by a unit
/// of that kind — so an author sees which parts of the plan no test has touched.
struct RuleTestCoverage {
    let plan: Plan
    private(set) var targets: Set<String> = []
    private(set) var bands: Set<String> = []
    private(set) var kindThresholds: Set<String> = []

    init(plan: Plan) { self.plan = plan }

    /// Records an asserted result of `target` for a unit of `kind`.
    mutating func record(_ target: TargetSpec, kind: UnitKind, result: TargetResult) {
        targets.insert(target.id)
        if let band = result.band { bands.insert("\(target.id)#\(band)") }
        if target.expect?.byKind[kind] != nil { kindThresholds.insert("\(target.id)@\(kind.rawValue)") }
    }

    /// Every band of every banded target, as `target#n`.
    var allBands: [String] {
        plan.targets.flatMap { t -> [String] in
            guard case .bands(let bands) = t.scoring else { return [] }
            return (1...max(1, bands.count)).map { "\(t.id)#\($0)" }
        }
    }

    /// Every per-kind threshold, as `target@kind`.
    var allKindThresholds: [String] {
        plan.targets.flatMap { t in (t.expect?.byKind.keys.sorted() ?? []).map { "\(t.id)@\($0.rawValue)" } }
    }

    /// The share of targets asserted by some case, 0…1.
    var targetShare: Double { plan.targets.isEmpty ? 1 : Double(targets.count) / Double(plan.targets.count) }

    /// Lines for the report: counts, and with `detail` what is not covered.
    func lines(detail: Bool) -> [String] {
        let missing = plan.targets.map(\.id).filter { !targets.contains($0) }
        let bandsMissing = allBands.filter { !bands.contains($0) }
        let kindsMissing = allKindThresholds.filter { !kindThresholds.contains($0) }
        var out = [
            "coverage \(plan.id): targets \(targets.count)/\(plan.targets.count) (\(Self.percent(targetShare))), "
                + "bands \(allBands.count - bandsMissing.count)/\(allBands.count), "
                + "per-kind thresholds \(allKindThresholds.count - kindsMissing.count)/\(allKindThresholds.count)",
        ]
        if detail {
            if !missing.isEmpty { out.append("  targets not tested: " + missing.joined(separator: ", ")) }
            if !bandsMissing.isEmpty { out.append("  bands not reached: " + bandsMissing.joined(separator: ", ")) }
            if !kindsMissing.isEmpty { out.append("  per-kind thresholds not tested: " + kindsMissing.joined(separator: ", ")) }
        }
        return out
    }

    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
