import Foundation
import ParcheckKit
import XCTest

/// `parcheck test`: every plan's rule tests pass; a broken threshold fails a named case with a located diff.
final class RuleTestTests: XCTestCase {
    func testEveryPlansRuleTestsPass() {
        let out = TestRun(paths: [Fixture.root + "/Rules"]).run()
        XCTAssertEqual(out.exitCode, ExitCode.ok, out.stdout + out.stderr)
        XCTAssertFalse(out.stdout.contains("FAIL "), out.stdout)
        XCTAssertTrue(out.stdout.contains("coverage lam-dong-2025: targets "), out.stdout)
    }

    /// A copy of Rules/ (plans reach their layers by relative paths) with one plan edited.
    func rulesCopy(editing plan: String, _ old: String, _ new: String) throws -> String {
        let dir = try Fixture.tempDirectory()
        // Copy the real directory: in a scratch checkout Rules/ may be a symbolic link, and copying the link
        // would edit the repository's plan.
        let rules = URL(fileURLWithPath: Fixture.root + "/Rules").resolvingSymlinksInPath().path
        try FileManager.default.copyItem(atPath: rules, toPath: dir + "/Rules")
        let file = dir + "/Rules/" + plan + "/plan.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: old), "no '\(old)' in \(plan)")
        try text.replacingCharacters(in: range, with: new).write(toFile: file, atomically: true, encoding: .utf8)
        return dir + "/Rules/" + plan
    }

    func testABrokenThresholdFailsTheNamedCaseWithADiff() throws {
        let plan = try rulesCopy(editing: "lam-dong/2025", "expect: \">= 98%\"", "expect: \">= 30%\"")
        let out = TestRun(paths: [plan]).run()
        XCTAssertEqual(out.exitCode, ExitCode.findings)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let file = plan + "/tests/dossiers_and_deadlines.yaml"
        let fail = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("FAIL \(file):") }, out.stdout)
        XCTAssertTrue(lines[fail + 1].hasPrefix("  \(file):"), lines[fail + 1])
        XCTAssertTrue(lines[fail + 1].hasSuffix(": P2 tthc.on_time status"), lines[fail + 1])
        XCTAssertEqual(lines[fail + 2], "    expected: fail")
        XCTAssertEqual(lines[fail + 3], "    actual:   pass")
    }

    func testUnknownKeysInATestFileAreLocatedErrors() throws {
        let dir = try Fixture.write(["tests/bad.yaml": """
            parcheck: test/1
            plan: \(Fixture.examplePlan)
            cases:
              - name: typo
                units: [{id: X1, name: Xã, kind: commune}]
                expext: []
            """])
        let out = TestRun(paths: [dir + "/tests/bad.yaml"]).run()
        XCTAssertEqual(out.exitCode, ExitCode.invalid)
        XCTAssertEqual(out.stderr, "\(dir)/tests/bad.yaml:6:5: error: unknown-key: unknown key 'expext' in a test case; did you mean 'expect'?\n")
    }

    func testDuplicateKeysInATestFileAreLocatedErrors() throws {
        let dir = try Fixture.write(["tests/dup.yaml": """
            parcheck: test/1
            plan: \(Fixture.examplePlan)
            cases:
              - name: twice
                units: [{id: X1, name: Xã, kind: commune}]
                expect: []
                expect: []
            """])
        let out = TestRun(paths: [dir + "/tests/dup.yaml"]).run()
        XCTAssertEqual(out.exitCode, ExitCode.invalid)
        XCTAssertEqual(out.stderr, "\(dir)/tests/dup.yaml:7:5: error: duplicate-key: duplicate key 'expect' in a test case (first at line 6)\n")
    }

    func testMinimumCoverageFailsTheRunWhenNotMet() throws {
        // The shipped tests cover every target, so keep only one of the plan's test files.
        let plan = try rulesCopy(editing: "lam-dong/2025", "expect: \">= 98%\"", "expect: \">= 98%\"")
        let tests = try FileManager.default.contentsOfDirectory(atPath: plan + "/tests").sorted()
        for name in tests where name != "dossiers_and_deadlines.yaml" {
            try FileManager.default.removeItem(atPath: plan + "/tests/" + name)
        }
        var run = TestRun(paths: [plan])
        run.minCoverage = 100
        let out = run.run()
        XCTAssertEqual(out.exitCode, ExitCode.findings, out.stdout)
        XCTAssertTrue(out.stdout.contains("  below --min-coverage 100.0%"), out.stdout)
    }
}
