import LuaRuntime

/// Lua budgets from command-line overrides; nil when none is given, so the plan's budgets apply.
public enum Budget {
    public static func from(instructions: Int?, memoryMB: Int?) -> LuaBudget? {
        guard instructions != nil || memoryMB != nil else { return nil }
        var budget = LuaBudget()
        if let instructions { budget.instructions = instructions }
        if let memoryMB { budget.memoryBytes = memoryMB << 20 }
        return budget
    }
}
