import Plan

/// The plan loader: the input is plan.yaml (its check scripts, if it names any, are simply missing). Whatever
/// the bytes, the load returns, and a plan it cannot build comes with at least one error.
enum PlanHarness {
    static let harness = Harness(name: "plan", setUp: {}) { bytes in
        let path = Scratch.write("plan.yaml", bytes)
        let (plan, diagnostics) = PlanLoader.load(path: path)
        if plan == nil, diagnostics.isEmpty { Harness.fail("no plan and no diagnostic") }
    }
}
