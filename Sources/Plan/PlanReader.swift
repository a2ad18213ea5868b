import Common
import LocatedYAML

/// Reads the plan's root mapping section by section; cross-references are checked as soon as both sides are known.
struct PlanReader {
    let ctx: ReadContext
    let file: String
    let directory: String

    static let formatTag = "plan/1"
    static let keys = ["parcheck", "id", "title", "document", "period", "periods", "assessed_kinds", "indicators",
                       "areas", "targets", "classification", "ranking", "budgets", "extends", "templates", "roles"]

    func read(_ root: YAMLNode) -> Plan? {
        guard let f = Fields(root, what: "the plan", allowed: Self.keys, ctx: ctx) else { return nil }
        let format = f.string("parcheck", required: true)
        if let format, format != Self.formatTag, let node = f.value("parcheck") {
            // Another format version may mean anything; reading on would only add confusing errors.
            ctx.error(node.location, "bad-format", "unsupported plan format '\(format)' (this parcheck reads '\(Self.formatTag)')")
            return nil
        }
        let id = f.id("id", required: true)
        let title = f.string("title", required: true)
        let sections = SectionReader(ctx: ctx)
        let document = f.value("document", required: true).flatMap(sections.document)
        let period = f.value("period").flatMap { sections.period($0, what: "'period'", allowTitle: false)?.spec }
        let periods = f.value("periods").map(sections.namedPeriods) ?? []
        let assessed = f.kinds("assessed_kinds", required: true) ?? []
        if let node = f.value("assessed_kinds"), assessed.isEmpty, node.sequence?.isEmpty == true {
            ctx.error(node.location, "bad-value", "'assessed_kinds' lists no unit kind")
        }
        let indicators = f.value("indicators").map { sections.indicators($0, assessed: assessed) } ?? []
        let areas = f.value("areas", required: true).map(sections.areas) ?? []

        let roles = f.value("roles").map(sections.roles) ?? []
        let scripts = ScriptLoader(ctx: ctx, directory: directory)
        var targetReader = TargetReader(ctx: ctx, assessed: assessed, indicators: indicators, areas: areas, scripts: scripts)
        targetReader.referenceDay = period?.end
        targetReader.roles = roles.map(\.name)
        let targets = f.value("targets", required: true).map { targetReader.readAll($0) } ?? []
        if !targetReader.allAreasUncertain {
            checkAreaPoints(areas.filter { !targetReader.uncertainAreas.contains($0.id) }, pointsByArea: targetReader.pointsByArea)
        }

        let classification = f.value("classification").map(sections.classification) ?? []
        let ranking = f.value("ranking").map { sections.ranking($0, assessed: assessed) } ?? []
        let budgets = f.value("budgets").flatMap(sections.budgets)

        guard format != nil, let id, let title, let document else { return nil }
        return Plan(format: Self.formatTag, id: id, title: title, document: document, period: period, periods: periods,
                    assessedKinds: assessed, indicators: indicators, areas: areas, targets: targets,
                    classification: classification, ranking: ranking, roles: roles, budgets: budgets, file: file,
                    directory: directory, scripts: scripts.scripts, location: root.location)
    }

    /// An area's `max` must equal the points of its targets (the PAR Index weights add up per area).
    func checkAreaPoints(_ areas: [AreaSpec], pointsByArea: [String: Double]) {
        for area in areas {
            let sum = pointsByArea[area.id]
            if sum == nil {
                ctx.warning(area.location, "empty-area", "area '\(area.id)' has no targets")
            }
            guard let max = area.max, abs((sum ?? 0) - max) > 1e-9 else { continue }
            let got = NumberFormat.short(sum ?? 0)
            ctx.error(area.maxLocation ?? area.location, "area-points",
                      "the targets of area '\(area.id)' carry \(got) points, but its max is \(NumberFormat.short(max))")
        }
    }
}

/// Numbers in messages: `2` rather than `2.0`, otherwise Swift's shortest round-trip form.
enum NumberFormat {
    static func short(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}

/// Remembers ids to report duplicates (`duplicate-id`), naming where the first one is.
struct IdRegistry {
    let kind: String
    private var seen: [String: SourceLocation] = [:]

    init(kind: String) { self.kind = kind }

    /// False (after an error) when `id` was registered before.
    mutating func register(_ id: String, at location: SourceLocation, ctx: ReadContext) -> Bool {
        if let first = seen[id] {
            ctx.error(location, "duplicate-id", "duplicate \(kind) '\(id)' (first defined at line \(first.line))")
            return false
        }
        seen[id] = location
        return true
    }
}
