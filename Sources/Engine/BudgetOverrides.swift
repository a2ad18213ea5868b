import LuaRuntime
import Plan

/// Lua budget values from the command line (`--lua-instructions`, `--lua-memory-mb`, `--lua-seconds`).
///
/// Each given field replaces the plan's value of that field only, so raising the time limit on a slow machine
/// keeps the plan's instruction and memory limits. Order: runtime defaults, then the plan's `budgets`, then these.
public struct BudgetOverrides: Sendable, Equatable {
    public var instructions: Int?
    public var memoryMB: Int?
    public var seconds: Double?

    public init(instructions: Int? = nil, memoryMB: Int? = nil, seconds: Double? = nil) {
        self.instructions = instructions
        self.memoryMB = memoryMB
        self.seconds = seconds
    }

    /// The budget in force: defaults, overlaid by the plan's `budgets`, overlaid by these overrides.
    public func applied(to plan: BudgetSpec?) -> LuaBudget {
        var budget = LuaBudget()
        if let n = instructions ?? plan?.instructions { budget.instructions = n }
        if let mb = memoryMB ?? plan?.memoryMB { budget.memoryBytes = mb << 20 }
        if let s = seconds ?? plan?.seconds { budget.seconds = s }
        return budget
    }
}
