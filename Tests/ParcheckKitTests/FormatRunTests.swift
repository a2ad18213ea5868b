import Foundation
import ParcheckKit
import XCTest

/// `parcheck fmt`: rewrites unformatted files, `--check` reports them with exit 1, and the repository's plans are
/// kept formatted.
final class FormatRunTests: XCTestCase {
    let ugly = "id:    x\nareas:\n-   id: a\n"
    let tidy = "id: x\nareas:\n  - id: a\n"

    func testCheckReportsTheFirstChangedLineAndWritesNothing() throws {
        let dir = try Fixture.write(["plan.yaml": ugly, "ok/plan.yaml": tidy])
        var run = FormatRun(paths: [dir])
        run.check = true
        let out = run.run()
        XCTAssertEqual(out.exitCode, ExitCode.findings)
        XCTAssertEqual(out.stdout, "\(dir)/plan.yaml:1: not formatted (parcheck fmt rewrites it)\n1 of 2 files not formatted\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/plan.yaml", encoding: .utf8), ugly)
    }

    func testFormattingRewritesOnlyWhatChanges() throws {
        let dir = try Fixture.write(["plan.yaml": ugly, "ok/plan.yaml": tidy])
        let out = FormatRun(paths: [dir]).run()
        XCTAssertEqual(out.exitCode, ExitCode.ok)
        XCTAssertEqual(out.stdout, "formatted \(dir)/plan.yaml\n1 of 2 files formatted\n")
        XCTAssertEqual(try String(contentsOfFile: dir + "/plan.yaml", encoding: .utf8), tidy)
        var again = FormatRun(paths: [dir])
        again.check = true
        XCTAssertEqual(again.run().exitCode, ExitCode.ok)
    }

    func testABrokenFileIsALocatedErrorAndTheOthersAreStillFormatted() throws {
        let dir = try Fixture.write(["a.yaml": "a: [1, 2\n", "b.yaml": ugly])
        let out = FormatRun(paths: [dir]).run()
        XCTAssertEqual(out.exitCode, ExitCode.invalid)
        XCTAssertTrue(out.stderr.hasPrefix("\(dir)/a.yaml:"), out.stderr)
        XCTAssertTrue(out.stderr.contains(": error: yaml-syntax: "), out.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/b.yaml", encoding: .utf8), tidy)
    }

    func testTheRepositorysRulesAreFormatted() {
        var run = FormatRun(paths: [Fixture.root + "/Rules"])
        run.check = true
        let out = run.run()
        XCTAssertEqual(out.exitCode, ExitCode.ok, out.stdout + out.stderr)
    }
}
