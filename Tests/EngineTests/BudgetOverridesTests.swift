import Common
import Engine
import LuaRuntime
import Plan
import XCTest

/// Lua budgets resolve field by field: runtime defaults, then the plan's `budgets`, then the command line.
final class BudgetOverridesTests: XCTestCase {
    let plan = BudgetSpec(instructions: 5_000_000, memoryMB: 16, seconds: 2,
                          location: SourceLocation(file: "plan.yaml", line: 1))

    func testNoPlanBudgetsAndNoOverridesGiveTheDefaults() {
        XCTAssertEqual(BudgetOverrides().applied(to: nil), LuaBudget(instructions: 20_000_000, memoryBytes: 64 << 20, seconds: 10))
    }

    func testThePlansBudgetsReplaceTheDefaults() {
        XCTAssertEqual(BudgetOverrides().applied(to: plan), LuaBudget(instructions: 5_000_000, memoryBytes: 16 << 20, seconds: 2))
    }

    func testAnOverrideReplacesOnlyItsOwnField() {
        XCTAssertEqual(BudgetOverrides(seconds: 30).applied(to: plan),
                       LuaBudget(instructions: 5_000_000, memoryBytes: 16 << 20, seconds: 30))
        XCTAssertEqual(BudgetOverrides(instructions: 1_000, memoryMB: 8).applied(to: plan),
                       LuaBudget(instructions: 1_000, memoryBytes: 8 << 20, seconds: 2))
    }
}
