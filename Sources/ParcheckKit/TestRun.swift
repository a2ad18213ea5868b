import Common
import Foundation
import Plan

/// `parcheck test [PATH…]`: runs rule-test files (`*/tests/*.yaml`) against their plans.
public struct TestRun: Sendable {
    /// Test files, or directories searched for `tests/*.yaml`.
    public var paths: [String]
    /// Fail (exit 1) when a plan's tests assert fewer than this share of its targets (0…100).
    public var minCoverage: Double?
    /// List what is not covered.
    public var coverageDetail = false

    public init(paths: [String]) { self.paths = paths }

    public func run() -> Outcome {
        let files = Self.discover(paths)
        guard !files.isEmpty else {
            let d = Diagnostic(SourceLocation(file: "<command line>", line: 1), code: "no-tests",
                               "no rule-test files (tests/*.yaml) under \(paths.joined(separator: ", "))")
            return Outcome(stderr: Inputs.render([d]), exitCode: ExitCode.invalid)
        }
        var out: [String] = [], errors: [Diagnostic] = []
        var failed = 0, passed = 0, belowMinimum = false
        var runners: [String: RuleTestRunner] = [:]
        var order: [String] = []
        for path in files {
            var reader = RuleTestReader()
            let file = reader.read(path: path)
            errors += reader.diagnostics
            guard let file, reader.diagnostics.isEmpty else { continue }
            if runners[file.plan] == nil {
                let (plan, diagnostics) = PlanLoader.load(path: file.plan)
                errors += diagnostics.filter { $0.severity == .error }
                guard let plan, !diagnostics.contains(where: { $0.severity == .error }) else { continue }
                runners[file.plan] = RuleTestRunner(plan: plan)
                order.append(file.plan)
            }
            for c in file.cases {
                let outcome = runners[file.plan]!.run(c)
                if outcome.passed { passed += 1 } else { failed += 1 }
                out += Self.lines(outcome)
            }
        }
        guard errors.isEmpty else { return Outcome(stderr: Inputs.render(errors), exitCode: ExitCode.invalid) }
        for plan in order {
            let coverage = runners[plan]!.coverage
            out += coverage.lines(detail: coverageDetail)
            if let min = minCoverage, coverage.targetShare * 100 < min - 1e-9 {
                belowMinimum = true
                out.append("  below --min-coverage \(min)%")
            }
        }
        out.append("\(passed + failed) cases: \(passed) passed, \(failed) failed")
        let code = failed > 0 || belowMinimum ? ExitCode.findings : ExitCode.ok
        return Outcome(stdout: out.joined(separator: "\n") + "\n", exitCode: code)
    }

    /// `PASS file:line name`, or `FAIL …` followed by one expected-vs-actual block per mismatch.
    static func lines(_ o: CaseOutcome) -> [String] {
        let head = "\(o.location.file):\(o.location.line): \(o.name)"
        guard !o.passed else { return ["PASS " + head] }
        var lines = ["FAIL " + head]
        for m in o.mismatches {
            lines.append("  \(m.location.file):\(m.location.line):\(m.location.column): \(m.subject)")
            lines.append("    expected: \(m.expected)")
            lines.append("    actual:   \(m.actual)")
        }
        return lines
    }

    /// Test files: each path that is a file, and every `tests/*.yaml` below each directory, sorted.
    static func discover(_ paths: [String]) -> [String] {
        YAMLFiles.find(paths) { parts in parts.count >= 2 && parts[parts.count - 2] == "tests" }
    }
}
