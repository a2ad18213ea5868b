import Common
import LocatedYAML

/// Readers of the plan's smaller sections: document, periods, indicators, areas.
struct SectionReader {
    let ctx: ReadContext

    func document(_ node: YAMLNode) -> PlanDocument? {
        let keys = ["number", "date", "issuer", "year", "source", "note"]
        guard let f = Fields(node, what: "'document'", allowed: keys, ctx: ctx) else { return nil }
        let number = f.string("number", required: true)
        let date = f.value("date", required: true).flatMap { ctx.date($0, what: f.describe("date")) }
        let issuer = f.string("issuer", required: true)
        let source = f.string("source"), note = f.string("note")
        var year = f.integer("year", required: true)
        if let y = year, !(1900...2200).contains(y), let n = f.value("year") {
            ctx.error(n.location, "bad-value", "'year' of 'document' must be between 1900 and 2200, found \(y)")
            year = nil
        }
        guard let number, let date, let issuer, let year else { return nil }
        return PlanDocument(number: number, date: date.day, dateText: date.text, issuer: issuer, year: year,
                            source: source, note: note, location: node.location)
    }

    /// A period: a string (`2025`, `2025-H1`, `2025-Q3`, `2025-07`, `START..END`) or `{start, end, as_of}`.
    func period(_ node: YAMLNode, what: String, allowTitle: Bool) -> (spec: PeriodSpec, title: String?)? {
        if let text = node.scalar {
            guard let (start, end) = PlanCalendar.parsePeriod(text.trimmingSpacesAndTabs()) else {
                ctx.error(node.location, "bad-period", "'\(text)' is not a period for \(what) "
                          + "(write 2025, 2025-H1, 2025-Q3, 2025-07, 2025-01-01..2025-06-30 or a mapping with start and end)")
                return nil
            }
            return (PeriodSpec(start: start, end: end, asOf: nil, text: text.trimmingSpacesAndTabs(), location: node.location), nil)
        }
        let keys = ["start", "end", "as_of"] + (allowTitle ? ["title"] : [])
        guard let f = Fields(node, what: what, allowed: keys, ctx: ctx) else { return nil }
        let start = f.value("start", required: true).flatMap { ctx.date($0, what: f.describe("start")) }
        let end = f.value("end", required: true).flatMap { ctx.date($0, what: f.describe("end")) }
        let asOf = f.value("as_of").flatMap { ctx.date($0, what: f.describe("as_of")) }
        let title = allowTitle ? f.string("title") : nil
        guard let start, let end else { return nil }
        if end.day < start.day, let n = f.value("end") {
            ctx.error(n.location, "bad-period", "\(what) ends (\(end.text)) before it starts (\(start.text))")
            return nil
        }
        if let asOf, asOf.day < start.day, let n = f.value("as_of") {
            ctx.error(n.location, "bad-period", "'as_of' of \(what) (\(asOf.text)) is before its start (\(start.text))")
            return nil
        }
        let text = PlanCalendar.iso(start.day) + ".." + PlanCalendar.iso(end.day)
        return (PeriodSpec(start: start.day, end: end.day, asOf: asOf?.day, text: text, location: node.location), title)
    }

    func namedPeriods(_ node: YAMLNode) -> [NamedPeriod] {
        guard let pairs = ctx.uniquePairs(node, what: "'periods'") else { return [] }
        return pairs.compactMap { key, pair in
            guard ctx.id(pair.key, what: "a period name") != nil,
                  let read = period(pair.value, what: "period '\(key)'", allowTitle: true) else { return nil }
            return NamedPeriod(name: key, period: read.spec, title: read.title, location: pair.key.location)
        }
    }

    /// `roles: {so_noi_vu: Sở Nội vụ, …}`: role names (ids) and who holds them.
    func roles(_ node: YAMLNode) -> [RoleSpec] {
        guard let pairs = ctx.uniquePairs(node, what: "'roles'") else { return [] }
        return pairs.compactMap { key, pair in
            guard ctx.id(pair.key, what: "a role name") != nil,
                  let title = ctx.string(pair.value, what: "role '\(key)'") else { return nil }
            return RoleSpec(name: key, title: title, location: pair.key.location)
        }
    }

    func indicators(_ node: YAMLNode, assessed: [UnitKind]) -> [IndicatorSpec] {
        guard let items = ctx.list(node, what: "'indicators'") else { return [] }
        var names = IdRegistry(kind: "indicator")
        let keys = ["name", "type", "title", "kinds", "required", "evidence"]
        return items.enumerated().compactMap { index, item in
            let what = ctx.name(of: item, kind: "indicator", key: "name", index: index)
            guard let f = Fields(item, what: what, allowed: keys, ctx: ctx) else { return nil }
            let name = f.id("name", required: true)
            if let written = f.value("name")?.scalar { ctx.writtenIndicators.insert(written) }
            let type = f.value("type", required: true).flatMap { ctx.choice($0, what: f.describe("type"), IndicatorType.self) }
            let kinds = f.kinds("kinds") ?? assessed
            let title = f.string("title")
            let required = f.bool("required") ?? false
            let evidence = f.bool("evidence") ?? false
            guard let name, let type, names.register(name, at: f.value("name")!.location, ctx: ctx) else { return nil }
            return IndicatorSpec(name: name, type: type, title: title, kinds: kinds, required: required,
                                 evidence: evidence, location: item.location)
        }
    }

    func areas(_ node: YAMLNode) -> [AreaSpec] {
        guard let items = ctx.list(node, what: "'areas'") else { return [] }
        var ids = IdRegistry(kind: "area id")
        return items.enumerated().compactMap { index, item in
            let what = ctx.name(of: item, kind: "area", key: "id", index: index)
            guard let f = Fields(item, what: what, allowed: ["id", "title", "title_en", "max"], ctx: ctx) else { return nil }
            let id = f.id("id", required: true)
            if let written = f.value("id")?.scalar { ctx.writtenAreas.insert(written) }
            let title = f.string("title", required: true)
            let titleEn = f.string("title_en")
            var max = f.number("max")
            if let m = max, m < 0, let n = f.value("max") {
                ctx.error(n.location, "bad-value", "'max' of \(what) must not be negative")
                max = nil
            }
            guard let id, let title, ids.register(id, at: f.value("id")!.location, ctx: ctx) else { return nil }
            return AreaSpec(id: id, title: title, titleEn: titleEn, max: max, location: item.location,
                            maxLocation: f.value("max")?.location)
        }
    }
}
