import Common

/// A loaded plan (kế hoạch CCHC): what is assessed, which targets (chỉ tiêu) apply, how they score.
///
/// Every element an error can point to carries the `location` of its YAML node in the plan file.
public struct Plan: Sendable {
    /// The format tag, always `plan/1` for a loaded plan.
    public var format: String
    /// Stable identifier, e.g. `lam-dong-2025`.
    public var id: String
    /// The plan's title as issued (Vietnamese).
    public var title: String
    /// The issuing document (văn bản ban hành).
    public var document: PlanDocument
    /// Default reporting period (kỳ báo cáo), when the plan gives one.
    public var period: PeriodSpec?
    /// Named reporting periods, in file order.
    public var periods: [NamedPeriod]
    /// The kinds of unit the plan scores, in file order.
    public var assessedKinds: [UnitKind]
    /// Figures units report (chỉ số, số liệu báo cáo), in file order.
    public var indicators: [IndicatorSpec]
    /// Assessment areas (lĩnh vực), in file order.
    public var areas: [AreaSpec]
    /// Targets (chỉ tiêu), in file order.
    public var targets: [TargetSpec]
    /// Index bands (xếp loại), highest `min` first.
    public var classification: [ClassBand]
    /// Groups of unit kinds ranked apart (xếp hạng), in file order.
    public var ranking: [RankingGroup]
    /// Roles a unit can hold (vai trò), by name: the bodies appendix tasks are assigned to (đơn vị chủ trì).
    public var roles: [RoleSpec] = []
    /// Lua budgets, when the plan sets them.
    public var budgets: BudgetSpec?
    /// The plan file's path as given (the directory joined with `plan.yaml` when a directory was given).
    public var file: String
    /// The directory holding the plan file ("." when the path has none); check paths are relative to it.
    public var directory: String
    /// Lua check scripts by the path written in `measure.check`.
    public var scripts: [String: ScriptSource]
    /// The plan's root mapping.
    public var location: SourceLocation
    /// The files merged into this plan (`extends:`), parents first, the plan file last.
    public var layers: [String] = []

    /// The area with `id`, if any.
    public func area(_ id: String) -> AreaSpec? { areas.first { $0.id == id } }
    /// The indicator named `name`, if any.
    public func indicator(_ name: String) -> IndicatorSpec? { indicators.first { $0.name == name } }
    /// The target with `id`, if any.
    public func target(_ id: String) -> TargetSpec? { targets.first { $0.id == id } }
    /// The named period `name`, if any.
    public func namedPeriod(_ name: String) -> NamedPeriod? { periods.first { $0.name == name } }
}

/// The document that issues the plan: số (number), ngày (date), cơ quan ban hành (issuer).
public struct PlanDocument: Sendable, Hashable {
    /// Document number as written, e.g. `213/KH-UBND`.
    public var number: String
    /// Issue date.
    public var date: DayNumber
    /// Issue date as written in the plan file.
    public var dateText: String
    /// Issuing body, e.g. `UBND tỉnh Lâm Đồng`.
    public var issuer: String
    /// The year the plan is for.
    public var year: Int
    /// Where the document was published (URL or gazette reference).
    public var source: String?
    /// Free remark, e.g. about inconsistencies in the source document.
    public var note: String?
    /// The `document` mapping.
    public var location: SourceLocation
}

/// A reporting period `[start, end]` (inclusive), with the data cut-off `asOf` when it differs from `end`.
public struct PeriodSpec: Sendable, Hashable {
    /// First day.
    public var start: DayNumber
    /// Last day.
    public var end: DayNumber
    /// Data cut-off day (ngày chốt số liệu); nil means `end`.
    public var asOf: DayNumber?
    /// The period as written: the string form (`2025`, `2025-Q3`) or `START..END` for the mapping form.
    public var text: String
    /// The period node.
    public var location: SourceLocation
}

/// A reporting period with a name, selectable by the user.
public struct NamedPeriod: Sendable, Hashable {
    /// The key in `periods`, e.g. `q3`.
    public var name: String
    /// The period.
    public var period: PeriodSpec
    /// Optional description, e.g. "Báo cáo quý III".
    public var title: String?
    /// The key node.
    public var location: SourceLocation
}

/// Types an indicator's value can have.
public enum IndicatorType: String, Sendable, Hashable, CaseIterable {
    /// Any number.
    case number
    /// A fraction written and compared as a percentage (98% = 0.98).
    case percent
    /// A whole count.
    case count
    /// A calendar date.
    case date
    /// A yes/no claim.
    case bool
    /// Free text (reported, never compared).
    case text

    /// Whether values are numbers (compared with numeric expectations; `percent` as a fraction, 98% = 0.98).
    public var isNumeric: Bool { self == .number || self == .percent || self == .count }
}

/// A figure units report, declared so submissions can be validated before checks run.
public struct IndicatorSpec: Sendable, Hashable {
    /// Name as used in unit data, e.g. `cchc_plan_date`.
    public var name: String
    /// Value type.
    public var type: IndicatorType
    /// Human description.
    public var title: String?
    /// Unit kinds that report it (default: the assessed kinds).
    public var kinds: [UnitKind]
    /// Whether every unit of those kinds must report it.
    public var required: Bool
    /// Whether the value must come with evidence (number and date of the proving document).
    public var evidence: Bool
    /// The indicator's mapping.
    public var location: SourceLocation
}

/// A role a unit can hold, e.g. `so_noi_vu: Sở Nội vụ`: targets assign tasks to it with `assigned_to`.
public struct RoleSpec: Sendable, Hashable {
    /// The name units list under `roles`, e.g. `so_noi_vu`.
    public var name: String
    /// Who holds it, in words.
    public var title: String
    /// The key node.
    public var location: SourceLocation
}
