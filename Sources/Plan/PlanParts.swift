import Common

/// An assessment area (lĩnh vực), e.g. cải cách thủ tục hành chính.
public struct AreaSpec: Sendable, Hashable {
    /// Identifier targets refer to.
    public var id: String
    /// Vietnamese title.
    public var title: String
    /// English title.
    public var titleEn: String?
    /// Maximum points of the area; when given, its targets' points must add up to it.
    public var max: Double?
    /// The area's mapping.
    public var location: SourceLocation
    /// The `max` value node, when present.
    public var maxLocation: SourceLocation?
}

/// One band of the index classification (xếp loại): scores at or above `min` get `label`.
public struct ClassBand: Sendable, Hashable {
    /// Lowest score (0–100) of the band.
    public var min: Double
    /// Vietnamese label, e.g. `Tốt`.
    public var label: String
    /// English label.
    public var labelEn: String?
    /// The band's mapping.
    public var location: SourceLocation
}

/// Unit kinds ranked together (xếp hạng riêng), e.g. departments apart from communes.
public struct RankingGroup: Sendable, Hashable {
    /// Identifier.
    public var id: String
    /// Title, e.g. `Sở, ban, ngành`.
    public var title: String
    /// Kinds in the group.
    public var kinds: [UnitKind]
    /// The group's mapping.
    public var location: SourceLocation
}

/// Limits for Lua checks; nil fields mean the runtime's defaults.
public struct BudgetSpec: Sendable, Hashable {
    /// Lua VM instructions per check call.
    public var instructions: Int?
    /// Memory cap per Lua state, in MiB.
    public var memoryMB: Int?
    /// Wall-clock seconds per check call: a safety net behind the instruction count.
    public var seconds: Double?
    /// The `budgets` mapping.
    public var location: SourceLocation

    public init(instructions: Int? = nil, memoryMB: Int? = nil, seconds: Double? = nil, location: SourceLocation) {
        self.instructions = instructions
        self.memoryMB = memoryMB
        self.seconds = seconds
        self.location = location
    }
}

/// A Lua check script's text.
public struct ScriptSource: Sendable, Hashable {
    /// Path as shown to users: the plan directory joined with the path written in the plan.
    public var path: String
    /// The script's UTF-8 text.
    public var text: String
}
