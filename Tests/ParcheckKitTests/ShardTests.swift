import Foundation
import ParcheckKit
import XCTest

/// A run split by unit (`check --shard i/n`) and merged gives the bytes of a single run.
final class ShardTests: XCTestCase {
    func shardFiles(_ n: Int, _ dir: String, check: CheckRun) throws -> [String] {
        try (1...n).reversed().map { i in        // written and merged in reverse order: order must not matter
            let out = ShardRun(check: check, shard: Shard(index: i, count: n)!).run()
            XCTAssertEqual(out.exitCode, ExitCode.ok, out.stderr)
            let path = "\(dir)/shard-\(i).json"
            try out.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    func testFourShardsMergedEqualTheSingleRunInJSONAndText() throws {
        let dir = try Fixture.tempDirectory()
        for format in [ReportFormat.json, .text] {
            var check = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
            check.format = format
            let single = check.run()
            let merged = MergeRun(check: check, shards: try shardFiles(4, dir, check: check)).run()
            XCTAssertEqual(merged.exitCode, single.exitCode)
            let a = merged.stdout.split(separator: "\n"), b = single.stdout.split(separator: "\n")
            let first = Array(zip(a, b)).firstIndex { $0.0 != $0.1 }
            XCTAssertTrue(merged.stdout == single.stdout, "\(format): first difference at line \(first.map { $0 + 1 } ?? min(a.count, b.count) + 1): "
                          + "\(first.map { "merged \(a[$0]) vs single \(b[$0])" } ?? "lengths \(a.count) vs \(b.count)")")
            XCTAssertFalse(single.stdout.isEmpty)
        }
    }

    /// Shards read the previous result too: a `compare: {previous: …}` target has its baseline in every shard.
    func testShardsUseThePreviousResultAsTheSingleRunDoes() throws {
        var first = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        first.format = .json
        let dir = try Fixture.write(["plan.yaml": PreviousResultTests.followUpPlan(), "previous.json": first.run().stdout])
        var check = CheckRun(plan: dir + "/plan.yaml", data: Fixture.exampleData)
        check.format = .json
        check.previous = dir + "/previous.json"
        let single = check.run()
        XCTAssertTrue(single.stdout.contains("\"baseline\""), "the follow-up target has a baseline")
        let merged = MergeRun(check: check, shards: try shardFiles(3, dir, check: check)).run()
        XCTAssertEqual(merged.exitCode, single.exitCode)
        XCTAssertTrue(merged.stdout == single.stdout, "merged run differs from the single run")
    }

    func testMissingOrRepeatedShardsAreRefused() throws {
        let dir = try Fixture.tempDirectory()
        let check = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        let files = try shardFiles(3, dir, check: check)
        let missing = MergeRun(check: check, shards: Array(files.dropFirst())).run()
        XCTAssertEqual(missing.exitCode, ExitCode.invalid)
        XCTAssertTrue(missing.stderr.contains("bad-shards: expected shards 1/3 … 3/3 once each"), missing.stderr)
        let repeated = MergeRun(check: check, shards: files + [files[0]]).run()
        XCTAssertEqual(repeated.exitCode, ExitCode.invalid)
    }
}
