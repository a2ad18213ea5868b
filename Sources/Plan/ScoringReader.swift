import Common
import LocatedYAML

extension TargetReader {
    /// `scoring`: `pass_fail`, `proportional`, `{bands: [...]}` or `{deduct: X, floor: Y}`. Nil after an error.
    func scoring(_ node: YAMLNode, what: String, points: Double, measured: (Measure, MeasureValueKind)?) -> ScoringRule? {
        if node.scalar != nil {
            let names = ["pass_fail", "proportional"]
            guard let name = ctx.string(node, what: what) else { return nil }
            if name == "pass_fail" { return .passFail }
            guard name == "proportional" else {
                ctx.error(node.location, "unknown-value", "unknown scoring '\(name)' for \(what)" + Suggest.hintOrList(for: name, among: names)
                          + "; bands and deductions are written as mappings")
                return nil
            }
            if let kind = measured?.1, ![.fraction, .number, .any].contains(kind) {
                ctx.error(node.location, "bad-scoring", "proportional scoring needs a numeric measure")
                return nil
            }
            return .proportional
        }
        guard let f = Fields(node, what: what, allowed: ["bands", "deduct", "floor"], ctx: ctx) else { return nil }
        if f.has("bands") == f.has("deduct") {
            ctx.error(node.location, "bad-scoring", "\(what) needs exactly one of 'bands' or 'deduct'")
            return nil
        }
        if let bandsNode = f.value("bands") {
            if let floor = f.value("floor") { ctx.error(floor.location, "bad-scoring", "'floor' only goes with 'deduct'") }
            return bands(bandsNode, what: what, points: points, measured: measured)
        }
        guard let per = f.number("deduct"), let perNode = f.value("deduct") else { return nil }
        let floor = f.number("floor") ?? (f.has("floor") ? nil : 0)
        guard let floor else { return nil }
        if let kind = measured?.1, ![.number, .any].contains(kind) {
            ctx.error(node.location, "bad-scoring", "deductions need a count (violations, a count or number indicator, or a check)")
            return nil
        }
        if per <= 0 {
            ctx.error(perNode.location, "bad-scoring", "'deduct' must be greater than 0")
            return nil
        }
        if floor < 0 || floor > points {
            ctx.error(f.value("floor")!.location, "bad-scoring",
                      "'floor' must be between 0 and the target's points (\(NumberFormat.short(points)))")
            return nil
        }
        return .deduction(per: per, floor: floor)
    }

    /// Bands best first: each `{when, points}`, points never above the target's or the band before.
    private func bands(_ node: YAMLNode, what: String, points: Double, measured: (Measure, MeasureValueKind)?) -> ScoringRule? {
        guard let items = ctx.list(node, what: what) else { return nil }
        if items.isEmpty {
            ctx.error(node.location, "bad-scoring", "\(what) lists no band")
            return nil
        }
        var bands: [Band] = []
        var ok = true
        for (index, item) in items.enumerated() {
            let bwhat = "band #\(index + 1) of \(what)"
            guard let f = Fields(item, what: bwhat, allowed: ["when", "points"], ctx: ctx) else { ok = false; continue }
            let when = f.value("when", required: true).flatMap { ctx.expectation($0, what: f.describe("when")) }
            let earned = f.number("points", required: true)
            guard let when, let earned, let pointsNode = f.value("points") else { ok = false; continue }
            if let (measure, kind) = measured { check(when, against: kind, measure: measure) }
            if earned < 0 || earned > points {
                ctx.error(pointsNode.location, "bad-scoring",
                          "\(bwhat) gives \(NumberFormat.short(earned)) points; the target has \(NumberFormat.short(points))")
                ok = false
            } else if let previous = bands.last, earned > previous.points {
                ctx.error(pointsNode.location, "bad-scoring", "bands must be listed best first: \(bwhat) gives more points "
                          + "than the band before it")
                ok = false
            }
            bands.append(Band(when: when, points: earned))
        }
        return ok ? .bands(bands) : nil
    }
}
