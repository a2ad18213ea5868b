import Foundation
import ParcheckKit
import XCTest

/// `parcheck metrics --format json` on the example has the documented shape and consistent figures.
final class MetricsRunTests: XCTestCase {
    func testShape() throws {
        let outcome = MetricsRun(data: Fixture.exampleData, period: "2025").run()
        XCTAssertEqual(outcome.exitCode, 0, outcome.stderr)
        let doc = try Fixture.json(outcome.stdout)
        let dossiers = try XCTUnwrap((doc["inputs"] as? [String: Any])?["dossiers"] as? [String: Int])
        XCTAssertEqual(dossiers["read"], 3352)
        XCTAssertEqual(dossiers["accepted"], 3350)
        XCTAssertEqual(dossiers["rejected"], 2)
        let rejected = try XCTUnwrap(doc["rejected"] as? [[String: Any]])
        XCTAssertTrue(rejected.allSatisfy { $0["file"] is String && $0["line"] is Int && $0["reason"] is String })
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        XCTAssertEqual(units.count, 17)
        let names = ["on_time_rate", "online_rate", "fully_online_rate", "digitization_rate", "e_result_rate",
                     "reuse_rate", "online_payment_rate", "portal_sync_rate", "satisfaction_rate"]
        for unit in units {
            let metrics = try XCTUnwrap(unit["metrics"] as? [String: Any])
            XCTAssertEqual(Set(metrics.keys), Set(names))
            let violations = try XCTUnwrap(unit["violations"] as? [String: [String]])
            XCTAssertEqual(Set(violations.keys), ["late_without_apology", "closed_before_result", "not_synced"])
            for list in violations.values { XCTAssertEqual(list, list.sorted()) }
        }
        let empty = try XCTUnwrap(units.first { $0["id"] as? String == "X-QUANGKHE" })
        XCTAssertTrue((empty["metrics"] as? [String: Any])?.values.allSatisfy { $0 is NSNull } == true,
                      "a unit with no dossiers has every rate not applicable (null)")
        XCTAssertNotNil((doc["total"] as? [String: Any])?["metrics"])
    }
}
