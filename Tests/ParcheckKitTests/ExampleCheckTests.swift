import Foundation
import ParcheckKit
import XCTest

/// `parcheck check` on the bundled Lâm Đồng 2025 example, end to end.
final class ExampleCheckTests: XCTestCase {
    private func runJSON(_ configure: (inout CheckRun) -> Void = { _ in }) -> Outcome {
        var run = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        run.format = .json
        configure(&run)
        return run.run()
    }

    func testJSONHasTheDocumentedShape() throws {
        let outcome = runJSON()
        let doc = try Fixture.json(outcome.stdout)
        XCTAssertEqual(doc["schema"] as? String, "parcheck.result/1")
        XCTAssertEqual((doc["plan"] as? [String: Any])?["id"] as? String, "lam-dong-2025")
        XCTAssertEqual((doc["period"] as? [String: Any])?["start"] as? String, "2025-01-01")
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        XCTAssertEqual(units.count, 16, "every department, ward, commune and special zone; the province is not assessed")
        for unit in units {
            for key in ["id", "name", "kind", "score", "class", "rank", "areas", "targets"] {
                XCTAssertNotNil(unit[key], "unit \(unit["id"] ?? "?") lacks \(key)")
            }
        }
    }

    func testExampleHasPassingAndFailingTargetsAndCitedFindings() throws {
        let doc = try Fixture.json(runJSON().stdout)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        let statuses = Set(units.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } })
        XCTAssertTrue(statuses.isSuperset(of: ["pass", "fail", "not_applicable"]), "\(statuses)")
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        let failed = findings.filter { $0["kind"] as? String == "target_failed" }
        XCTAssertFalse(failed.isEmpty)
        XCTAssertTrue(failed.allSatisfy { ($0["citation"] as? String)?.isEmpty == false })
        let onTime = failed.first { $0["target"] as? String == "tthc.on_time" && $0["unit"] as? String == "SNNMT" }
        XCTAssertNotNil(onTime, "Sở Nông nghiệp và Môi trường resolves about 88% on time, below 98%")
        XCTAssertEqual(onTime?["expected"] as? String, ">= 98%")
    }

    func testScoresAndRanksAreConsistent() throws {
        let doc = try Fixture.json(runJSON().stdout)
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        let departments = units.filter { $0["kind"] as? String == "department" }
        let ranked = departments.sorted { ($0["rank"] as? Int ?? 99) < ($1["rank"] as? Int ?? 99) }
        let indices = ranked.compactMap { ($0["score"] as? [String: Any])?["index"] as? Double }
        XCTAssertEqual(indices.count, departments.count)
        XCTAssertEqual(indices, indices.sorted(by: >), "rank 1 has the highest index")
        for unit in units {
            let score = try XCTUnwrap(unit["score"] as? [String: Any])
            let earned = try XCTUnwrap(score["earned"] as? Double), max = try XCTUnwrap(score["max"] as? Double)
            XCTAssertEqual(try XCTUnwrap(score["index"] as? Double), earned / max * 100, accuracy: 1e-9)
        }
    }

    func testOutputIsDeterministicAndExitCodeFollowsFailOn() {
        let a = runJSON(), b = runJSON()
        XCTAssertEqual(a.stdout, b.stdout)
        XCTAssertEqual(a.exitCode, 1, "the example has failing targets of severity error")
        XCTAssertEqual(runJSON { $0.failOn = .never }.exitCode, 0)
    }

    func testTextReportIsVietnameseByDefaultAndEnglishOnRequest() {
        let vi = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData).run().stdout
        XCTAssertTrue(vi.contains("SỞ, BAN, NGÀNH"))
        XCTAssertTrue(vi.contains("Kỳ đánh giá: 01/01/2025 – 31/12/2025"))
        XCTAssertTrue(vi.contains("(yêu cầu >= 98%)"))
        var en = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        en.language = .en
        XCTAssertTrue(en.run().stdout.contains("Period: 2025-01-01 – 2025-12-31"))
    }

    func testTextCapsLongGroupsInPlaceAndShowsAllOnRequest() {
        var capped = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        capped.perTarget = 2
        let text = capped.run().stdout
        let lines = text.split(separator: "\n")
        let i = lines.firstIndex { $0.contains("SNNMT tthc.apology") && $0.contains("hồ sơ") }
        XCTAssertNotNil(i)
        // SNNMT's apology group: the target finding, one dossier, then the summary right below them.
        XCTAssertTrue(lines.contains { $0.hasPrefix("  … và ") && $0.hasSuffix("phát hiện khác (xem --format json)") })
        var all = capped
        all.perTarget = 0
        let full = all.run().stdout
        XCTAssertFalse(full.contains("phát hiện khác"))
        XCTAssertGreaterThan(full.split(separator: "\n").count, lines.count)
    }

    func testRejectedExampleRecordsAreListed() throws {
        let doc = try Fixture.json(runJSON().stdout)
        let dossiers = try XCTUnwrap((doc["inputs"] as? [String: Any])?["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["read"], (dossiers["accepted"] ?? 0) + (dossiers["rejected"] ?? 0))
        XCTAssertEqual(dossiers["rejected"], 2)
        let rejected = try XCTUnwrap(doc["rejected"] as? [[String: Any]])
        XCTAssertEqual(Set(rejected.compactMap { $0["field"] as? String }), ["resolved_at", "unit_id"])
    }
}
