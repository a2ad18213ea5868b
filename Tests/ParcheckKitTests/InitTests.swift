import Foundation
import ParcheckKit
import Plan
import XCTest

/// `parcheck init`: a new plan that extends an existing one starts identical, with its own identity and period.
final class InitTests: XCTestCase {
    func testNextYearsPlanInheritsEveryTargetAndNeverOverwrites() throws {
        let dir = try Fixture.tempDirectory()
        let rules = URL(fileURLWithPath: Fixture.root + "/Rules").resolvingSymlinksInPath().path
        try FileManager.default.copyItem(atPath: rules, toPath: dir + "/Rules")
        var run = InitRun(directory: dir + "/Rules/lam-dong/2026", from: dir + "/Rules/lam-dong/2025")
        let out = run.run()
        XCTAssertEqual(out.exitCode, ExitCode.ok, out.stderr)

        let (plan, diagnostics) = PlanLoader.load(path: dir + "/Rules/lam-dong/2026")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let base = try XCTUnwrap(PlanLoader.load(path: dir + "/Rules/lam-dong/2025").plan)
        XCTAssertEqual(plan?.id, "lam-dong-2026")
        XCTAssertEqual(plan?.document.year, 2026)
        XCTAssertEqual(plan?.title, "Kế hoạch cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng")
        XCTAssertEqual(plan?.targets.map(\.id), base.targets.map(\.id))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/Rules/lam-dong/2026/tests"))
        let text = try String(contentsOfFile: dir + "/Rules/lam-dong/2026/plan.yaml", encoding: .utf8)
        XCTAssertTrue(text.contains("\nextends: ../2025/plan.yaml\n"), text)

        run.id = "other"
        XCTAssertEqual(run.run().exitCode, ExitCode.invalid, "an existing plan is never overwritten")
        XCTAssertEqual(try String(contentsOfFile: dir + "/Rules/lam-dong/2026/plan.yaml", encoding: .utf8), text)
    }
}
