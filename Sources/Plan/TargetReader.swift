import Common
import LocatedYAML

/// Reads `targets`, checking references to areas, indicators, unit kinds and scripts as it goes.
struct TargetReader {
    let ctx: ReadContext
    let assessed: [UnitKind]
    let indicators: [IndicatorSpec]
    let areas: [AreaSpec]
    let scripts: ScriptLoader
    /// The plan period's last day: dated values in force on it are the ones a loaded target shows.
    var referenceDay: DayNumber?
    /// Role names the plan declares (`roles`), which `assigned_to` may name.
    var roles: [String] = []
    /// Points per area of every target whose area and points could be read, valid or not, so one broken
    /// target does not also produce a misleading `area-points` error.
    private(set) var pointsByArea: [String: Double] = [:]
    /// Areas whose point sum is unknown because a target's points could not be read; all areas when a
    /// target's area could not be resolved (its points belong somewhere unknown).
    private(set) var uncertainAreas: Set<String> = []
    private(set) var allAreasUncertain = false
    private var ids = IdRegistry(kind: "target id")

    static let keys = ["id", "area", "title", "title_en", "citation", "quote", "applies_to", "measure", "params",
                       "expect", "when_missing", "severity", "points", "scoring", "compare", "template", "assigned_to"]

    init(ctx: ReadContext, assessed: [UnitKind], indicators: [IndicatorSpec], areas: [AreaSpec], scripts: ScriptLoader) {
        self.ctx = ctx
        self.assessed = assessed
        self.indicators = indicators
        self.areas = areas
        self.scripts = scripts
    }

    mutating func readAll(_ node: YAMLNode) -> [TargetSpec] {
        guard let items = ctx.list(node, what: "'targets'") else { return [] }
        return items.enumerated().compactMap { read($1, index: $0) }
    }

    mutating func read(_ node: YAMLNode, index: Int) -> TargetSpec? {
        let what = ctx.name(of: node, kind: "target", key: "id", index: index)
        guard let f = Fields(node, what: what, allowed: Self.keys, ctx: ctx) else { return nil }
        var id = f.id("id", required: true)
        if let i = id, !ids.register(i, at: f.value("id")!.location, ctx: ctx) { id = nil }
        let area = areaRef(f)
        let title = f.string("title", required: true)
        let titleEn = f.string("title_en")
        let citation = f.string("citation", required: true)
        let quote = f.string("quote")
        let appliesTo = appliesTo(f, what: what)
        let measuredRaw = f.value("measure", required: true).flatMap { measure($0, what: what) }
        let compare = f.value("compare").map { comparison($0, what: f.describe("compare"), measured: measuredRaw) }
        // A change is a number whatever was measured, so thresholds are checked against that.
        let measured = compare == nil ? measuredRaw : measuredRaw.map { ($0.0, MeasureValueKind.number) }
        let params = f.value("params").map { ctx.param($0, what: f.describe("params")) }
        let (expect, expectSchedule) = expectations(f, what: what, measured: measured, appliesTo: appliesTo ?? [])
        let severity = f.choice("severity", SeverityName.self)
        let whenMissing = f.choice("when_missing", MissingPolicy.self)
        let (points, pointsSchedule) = self.points(f)
        if let area, let points { pointsByArea[area, default: 0] += points }
        if area == nil { allAreasUncertain = true } else if points == nil { uncertainAreas.insert(area!) }
        let scoring: ScoringRule? = f.value("scoring").map {
            self.scoring($0, what: f.describe("scoring"), points: points ?? 0, measured: measured)
        } ?? .passFail
        if let measured, let appliesTo { warnIndicatorKinds(measured.0, appliesTo: appliesTo, at: f.value("measure")!.location) }

        guard let id, let area, let title, let citation, let appliesTo, let measure = measured?.0, let expect,
              let points, let scoring, f.has("severity") == (severity != nil), f.has("when_missing") == (whenMissing != nil),
              compare.map({ $0 != nil }) ?? true
        else { return nil }
        var target = TargetSpec(id: id, area: area, title: title, titleEn: titleEn, citation: citation, quote: quote,
                                appliesTo: appliesTo, measure: measure, params: params, expect: expect,
                                whenMissing: whenMissing ?? Self.defaultMissing(measure),
                                severity: severity?.diagnostic ?? .error, points: points, scoring: scoring,
                                compare: compare ?? nil, location: node.location,
                                measureLocation: f.value("measure")!.location)
        target.expectSchedule = expectSchedule
        target.expectSource = expectSchedule.representative(on: referenceDay)?.source
        target.pointsSchedule = pointsSchedule
        target.template = f.string("template")
        target.assignedTo = f.value("assigned_to").map { assignedTo($0, what: f.describe("assigned_to")) } ?? []
        target.origins = (node.mapping ?? []).compactMap { p in p.key.scalar.map { KeyOrigin(key: $0, location: p.key.location) } }
        return target
    }

    /// `assigned_to: [role, …]`: every name must be declared under the plan's `roles`.
    private func assignedTo(_ node: YAMLNode, what: String) -> [String] {
        let items = node.scalar != nil ? [node] : (ctx.list(node, what: what) ?? [])
        return items.compactMap { item in
            guard let name = ctx.string(item, what: what) else { return nil }
            if roles.contains(name) { return name }
            ctx.error(item.location, "unknown-role", "unknown role '\(name)' in \(what)"
                      + (roles.isEmpty ? "; declare it under 'roles'" : Suggest.hintOrList(for: name, among: roles)))
            return nil
        }
    }

    /// The severities a plan may write; `info` is the diagnostics' `note`.
    enum SeverityName: String, CaseIterable {
        case error, warning, info
        var diagnostic: DiagnosticSeverity { self == .error ? .error : self == .warning ? .warning : .note }
    }

    /// Metrics and violations with no dossiers simply do not apply; a missing report or script value is a failure.
    static func defaultMissing(_ m: Measure) -> MissingPolicy {
        switch m {
        case .metric, .violations: .notApplicable
        case .indicator, .ratio, .check, .evidence: .fail
        }
    }

    private func areaRef(_ f: Fields) -> String? {
        guard let node = f.value("area", required: true), let id = ctx.string(node, what: f.describe("area")) else { return nil }
        if areas.contains(where: { $0.id == id }) { return id }
        if ctx.writtenAreas.contains(id) { return nil }
        let known = areas.map(\.id)
        ctx.error(node.location, "unknown-area", "unknown area '\(id)' in \(f.what)" + Suggest.hintOrList(for: id, among: known))
        return nil
    }

    private func appliesTo(_ f: Fields, what: String) -> [UnitKind]? {
        guard let node = f.value("applies_to") else { return assessed }
        guard let kinds = ctx.kinds(node, what: f.describe("applies_to")) else { return nil }
        if kinds.isEmpty && node.sequence?.isEmpty == true {
            ctx.error(node.location, "bad-value", "'applies_to' of \(what) lists no unit kind")
            return nil
        }
        for kind in kinds where !assessed.contains(kind) {
            ctx.warning(node.location, "unassessed-kind", "\(what) applies to '\(kind.rawValue)', which is not in 'assessed_kinds'")
        }
        return kinds
    }

    /// `points: 2`, or dated points `[{from, until, value: 2, source}]`: the one in force on the reference day.
    private func points(_ f: Fields) -> (Double?, [InForce<Double>]) {
        guard let node = f.value("points") else { return (0, []) }
        if node.sequence != nil {
            guard let schedule = ctx.schedule(node, what: f.describe("points"), read: points) else { return (nil, []) }
            return (schedule.representative(on: referenceDay)?.value, schedule)
        }
        return (points(node, f.describe("points")), [])
    }

    private func points(_ node: YAMLNode, _ what: String) -> Double? {
        guard let x = ctx.number(node, what: what) else { return nil }
        if x < 0 {
            ctx.error(node.location, "bad-value", "\(what) must not be negative")
            return nil
        }
        return x
    }

    /// `expect`, plain or dated: the set in force on the reference day, and the schedule when dated.
    private func expectations(_ f: Fields, what: String, measured: (Measure, MeasureValueKind)?,
                              appliesTo: [UnitKind]) -> (ExpectationSet?, [InForce<ExpectationSet>]) {
        guard let node = f.value("expect") else {
            if case .violations? = measured?.0 {
                let zero = Expectation(op: .equal, value: .number(0), text: "== 0", location: f.node.location)
                return (ExpectationSet(default: zero), [])
            }
            // With an unreadable measure it is unknown whether `expect` may be left out; the measure error says enough.
            if measured != nil { _ = f.value("expect", required: true) }
            return (nil, [])
        }
        guard node.sequence != nil else {
            return (ctx.expectations(node, what: f.describe("expect")).flatMap {
                checked($0, node: node, f, what: what, measured: measured, appliesTo: appliesTo)
            }, [])
        }
        let schedule = ctx.schedule(node, what: f.describe("expect")) { valueNode, valueWhat in
            ctx.expectations(valueNode, what: valueWhat).flatMap {
                checked($0, node: valueNode, f, what: what, measured: measured, appliesTo: appliesTo)
            }
        }
        guard let schedule else { return (nil, []) }
        return (schedule.representative(on: referenceDay)?.value, schedule)
    }

    /// A threshold set checked against what is measured and the kinds the target applies to.
    private func checked(_ set: ExpectationSet, node: YAMLNode, _ f: Fields, what: String,
                         measured: (Measure, MeasureValueKind)?, appliesTo: [UnitKind]) -> ExpectationSet? {
        if let (measure, kind) = measured {
            for e in set.all { check(e, against: kind, measure: measure) }
        }
        for kind in set.byKind.keys.sorted() where !appliesTo.contains(kind) {
            ctx.warning(set.byKind[kind]!.location, "unused-expectation", "\(what) does not apply to '\(kind.rawValue)'")
        }
        if set.default == nil, let missing = appliesTo.first(where: { set.byKind[$0] == nil }) {
            ctx.error(node.location, "bad-expectation", "\(f.describe("expect")) has no threshold for '\(missing.rawValue)' "
                      + "(add 'default' or '\(missing.rawValue)')")
            return nil
        }
        return set
    }

    /// A unit kind the target applies to but the indicator is not reported by will always be "missing".
    private func warnIndicatorKinds(_ m: Measure, appliesTo: [UnitKind], at location: SourceLocation) {
        let names: [String]
        switch m {
        case .indicator(let n): names = [n]
        case .ratio(let n, let d): names = [n, d]
        default: return
        }
        for name in names {
            guard let spec = indicators.first(where: { $0.name == name }) else { continue }
            let missing = appliesTo.filter { !spec.kinds.contains($0) }.map(\.rawValue)
            if !missing.isEmpty {
                ctx.warning(location, "indicator-kinds", "indicator '\(name)' is not reported by \(missing.joined(separator: ", "))")
            }
        }
    }
}
