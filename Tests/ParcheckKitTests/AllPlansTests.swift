import Common
import Foundation
import LocatedYAML
import ParcheckKit
import Plan
import XCTest

/// Every plan under Rules/ validates, and Rules/coverage.yaml accounts for every target of every plan.
final class AllPlansTests: XCTestCase {
    /// Directories under Rules/ holding a plan.yaml, sorted.
    static func planDirectories() -> [String] {
        let rules = Fixture.root + "/Rules"
        // The enumerator does not descend into a symbolic link, which Rules/ may be in a scratch checkout.
        let real = URL(fileURLWithPath: rules).resolvingSymlinksInPath().path
        let found = FileManager.default.enumerator(atPath: real)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix("/plan.yaml") }.map { rules + "/" + ($0 as NSString).deletingLastPathComponent }.sorted()
    }

    func testEveryPlanValidates() {
        let plans = Self.planDirectories()
        XCTAssertTrue(plans.contains(Fixture.examplePlan), "\(plans)")
        for plan in plans {
            let outcome = ValidateRun(plan: plan).run()
            XCTAssertEqual(outcome.exitCode, 0, "\(plan):\n\(outcome.stderr)")
        }
    }

    /// Each example runs with its manifest's plan and period and no Lua check fails (issue 3's bar for the plans).
    func testEveryExampleRunsWithoutACheckError() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: Fixture.root + "/Examples").sorted()
            .filter { FileManager.default.fileExists(atPath: Fixture.root + "/Examples/\($0)/parcheck.yaml") }
        XCTAssertGreaterThanOrEqual(examples.count, 5, "\(examples)")
        for example in examples {
            var run = try CheckRun.resolve(plan: nil, data: Fixture.root + "/Examples/" + example, period: nil).get()
            run.format = .json
            let outcome = run.run()
            XCTAssertNotEqual(outcome.exitCode, ExitCode.invalid, "\(example): \(outcome.stderr)")
            let findings = try XCTUnwrap(Fixture.json(outcome.stdout)["findings"] as? [[String: Any]], example)
            XCTAssertGreaterThan(findings.count, 0, example)
            XCTAssertEqual(findings.filter { $0["kind"] as? String == "check_error" }.count, 0, example)
        }
    }

    func testCoverageNamesOnlyRealTargetsAndEveryTargetAppears() throws {
        let path = Fixture.root + "/Rules/coverage.yaml"
        guard let text = FileManager.default.contents(atPath: path) else { return XCTFail("missing \(path)") }
        let root = try XCTUnwrap(try YAMLParser.parse(bytes: Array(text), file: path).get())
        let entries = try XCTUnwrap(root.sequence, "coverage.yaml is a list")
        var named = Set<String>()
        for entry in entries {
            for key in ["document", "section", "kind", "text", "encoded_by"] {
                XCTAssertNotNil(entry[key], "\(entry.location): entry lacks \(key)")
            }
            XCTAssertTrue(["target", "task"].contains(entry["kind"]?.scalar ?? ""), "\(entry.location)")
            if let ids = entry["encoded_by"]?.sequence {
                XCTAssertFalse(ids.isEmpty, "\(entry.location): empty encoded_by")
                for id in ids { named.insert((entry["document"]?.scalar ?? "") + "#" + (id.scalar ?? "")) }
            } else {
                XCTAssertEqual(entry["encoded_by"]?.scalar, "manual", "\(entry.location)")
                XCTAssertFalse((entry["reason"]?.scalar ?? "").isEmpty, "\(entry.location): a manual entry says why")
            }
        }
        var defined = Set<String>()
        for dir in Self.planDirectories() {
            let (plan, _) = PlanLoader.load(path: dir)
            let loaded = try XCTUnwrap(plan, dir)
            let seed = (loaded.document.source ?? "").split(separator: "/").last.map(String.init) ?? ""
            for target in loaded.targets { defined.insert(seed + "#" + target.id) }
        }
        XCTAssertEqual(named.subtracting(defined).sorted(), [], "coverage names targets no plan defines")
        XCTAssertEqual(defined.subtracting(named).sorted(), [], "targets missing from coverage")
    }
}
