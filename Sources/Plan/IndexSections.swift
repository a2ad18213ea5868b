import Common
import LocatedYAML

/// Readers of the sections that shape the index: classification, ranking, budgets.
extension SectionReader {
    /// Bands listed highest first, `min` strictly decreasing within 0…100.
    func classification(_ node: YAMLNode) -> [ClassBand] {
        guard let items = ctx.list(node, what: "'classification'") else { return [] }
        var bands: [ClassBand] = []
        for (index, item) in items.enumerated() {
            let what = ctx.name(of: item, kind: "classification band", key: "label", index: index)
            guard let f = Fields(item, what: what, allowed: ["min", "label", "label_en"], ctx: ctx) else { continue }
            let min = f.number("min", required: true)
            let label = f.string("label", required: true)
            let labelEn = f.string("label_en")
            guard let min, let label, let minNode = f.value("min") else { continue }
            if !(0...100).contains(min) {
                ctx.error(minNode.location, "bad-value", "'min' of \(what) must be between 0 and 100, found \(NumberFormat.short(min))")
                continue
            }
            if let previous = bands.last, min >= previous.min {
                ctx.error(minNode.location, "bad-classification", "classification bands must be listed highest first: "
                          + "\(NumberFormat.short(min)) follows \(NumberFormat.short(previous.min))")
                continue
            }
            bands.append(ClassBand(min: min, label: label, labelEn: labelEn, location: item.location))
        }
        return bands
    }

    /// Groups ranked apart; a unit kind belongs to one group at most.
    func ranking(_ node: YAMLNode, assessed: [UnitKind]) -> [RankingGroup] {
        guard let items = ctx.list(node, what: "'ranking'") else { return [] }
        var ids = IdRegistry(kind: "ranking group")
        var owner: [UnitKind: String] = [:]
        return items.enumerated().compactMap { index, item in
            let what = ctx.name(of: item, kind: "ranking group", key: "id", index: index)
            guard let f = Fields(item, what: what, allowed: ["id", "title", "kinds"], ctx: ctx) else { return nil }
            let id = f.id("id", required: true)
            let title = f.string("title", required: true)
            let kinds = f.kinds("kinds", required: true)
            guard let id, let title, let kinds, ids.register(id, at: f.value("id")!.location, ctx: ctx) else { return nil }
            let at = f.value("kinds")!.location
            for kind in kinds {
                if let other = owner[kind] {
                    ctx.error(at, "duplicate-kind", "unit kind '\(kind.rawValue)' is in ranking groups '\(other)' and '\(id)'")
                } else {
                    owner[kind] = id
                }
                if !assessed.contains(kind) {
                    ctx.warning(at, "unassessed-kind", "\(what) ranks '\(kind.rawValue)', which is not in 'assessed_kinds'")
                }
            }
            return RankingGroup(id: id, title: title, kinds: kinds, location: item.location)
        }
    }

    func budgets(_ node: YAMLNode) -> BudgetSpec? {
        guard let f = Fields(node, what: "'budgets'", allowed: ["instructions", "memory_mb", "seconds"],
                             ctx: ctx) else { return nil }
        func positive(_ key: String) -> Int? {
            guard let n = f.integer(key) else { return nil }
            if n <= 0 {
                ctx.error(f.value(key)!.location, "bad-value", "\(f.describe(key)) must be greater than 0")
                return nil
            }
            return n
        }
        var seconds = f.number("seconds")
        if let s = seconds, !(s > 0 && s.isFinite) {
            ctx.error(f.value("seconds")!.location, "bad-value", "\(f.describe("seconds")) must be a number greater than 0")
            seconds = nil
        }
        return BudgetSpec(instructions: positive("instructions"), memoryMB: positive("memory_mb"), seconds: seconds,
                          location: node.location)
    }
}
