import Common
@testable import Data
import XCTest

/// The three dossier-level violations, and their ordering by dossier id.
final class ViolationTests: XCTestCase {
    func testLateWithoutApology() throws {
        let (data, r) = try metrics([
            D(id: "late-resolved", due: "2025-06-10", resolved: "2025-06-11"),
            D(id: "late-apologised", due: "2025-06-10", resolved: "2025-06-11", flags: ["apology_issued"]),
            D(id: "on-time", due: "2025-06-10", resolved: "2025-06-10T23:00"),
            D(id: "overdue-old", received: "2024-11-01", due: "2024-11-20"),  // received long before the period
            D(id: "overdue-resolved-after-asof", received: "2025-06-01", due: "2025-06-05", resolved: "2025-07-03"),
            D(id: "due-on-asof", received: "2025-06-20", due: "2025-06-30"),  // due == as_of: not yet overdue
            D(id: "received-after-asof", received: "2025-07-01", due: "2025-06-02"),
            D(id: "late-before-period", received: "2025-05-01", due: "2025-05-05", resolved: "2025-05-20"),
            D(id: "resolved-on-asof-day", received: "2025-06-01", due: "2025-06-02", resolved: "2025-06-30T23:59"),
            D(id: "overdue-apologised", received: "2025-01-01", due: "2025-01-02", flags: ["apology_issued"]),
        ], period: "2025-06")
        XCTAssertEqual(data.ids(r.perUnit[0].violations[.lateWithoutApology]),
                       ["late-resolved", "overdue-old", "overdue-resolved-after-asof", "resolved-on-asof-day"],
                       "resolved-on-asof-day is resolved in the period after its due day")
    }

    func testExplicitAsOfMovesOverdue() throws {
        let dossiers = [
            D(id: "x", received: "2025-03-20", due: "2025-04-10"),
            D(id: "y", received: "2025-03-20", due: "2025-04-10", resolved: "2025-04-12"),
            D(id: "z", received: "2025-04-14", due: "2025-04-14"),
        ]
        let (data, atEnd) = try metrics(dossiers, period: "2025-Q1")
        XCTAssertEqual(data.ids(atEnd.perUnit[0].violations[.lateWithoutApology]), [], "nothing is overdue on 31 March")
        let (data2, later) = try metrics(dossiers, period: "2025-Q1", asOf: "2025-04-15")
        XCTAssertEqual(data2.ids(later.perUnit[0].violations[.lateWithoutApology]), ["x", "z"],
                       "y was resolved before as_of (late, but outside the period)")
    }

    func testOverdueComparesAsOfByDay() throws {
        // as_of is date-only, so a due time on the as_of day is not before it.
        let (data, r) = try metrics([
            D(id: "due-asof-evening", received: "2025-06-01", due: "2025-06-30T23:00"),
            D(id: "due-day-before", received: "2025-06-01", due: "2025-06-29T23:00"),
            D(id: "received-asof-day-utc", received: "2025-06-30T16:59:00Z", due: "2025-06-29"),
            D(id: "received-next-day-utc", received: "2025-06-30T17:00:00Z", due: "2025-06-29"),
        ], period: "2025-06")
        XCTAssertEqual(data.ids(r.perUnit[0].violations[.lateWithoutApology]), ["due-day-before", "received-asof-day-utc"])
    }

    func testClosedBeforeResult() throws {
        let (data, r) = try metrics([
            D(id: "closed-no-result", closed: "2025-06-03"),
            D(id: "closed-before", resolved: "2025-06-05", closed: "2025-06-04"),
            D(id: "closed-same-day", resolved: "2025-06-05T10:00", closed: "2025-06-05"),
            D(id: "closed-earlier-instant", resolved: "2025-06-05T10:00", closed: "2025-06-05T09:59:59"),
            D(id: "closed-after", resolved: "2025-06-05", closed: "2025-06-06"),
            D(id: "closed-outside", received: "2025-05-01", closed: "2025-05-03"),
            D(id: "never-closed"),
        ], period: "2025-06")
        XCTAssertEqual(data.ids(r.perUnit[0].violations[.closedBeforeResult]),
                       ["closed-before", "closed-earlier-instant", "closed-no-result"])
    }

    func testNotSynced() throws {
        let (data, r) = try metrics([
            D(id: "n1", resolved: "2025-06-05"),
            D(id: "n2", resolved: "2025-06-05", flags: ["synced_to_portal"]),
            D(id: "n3"),
            D(id: "n4", received: "2025-05-01", due: "2025-05-02", resolved: "2025-05-03"),
            D(id: "n5", received: "2025-05-01", due: "2025-07-01", resolved: "2025-06-30"),
        ], period: "2025-06")
        XCTAssertEqual(data.ids(r.perUnit[0].violations[.notSynced]), ["n1", "n5"])
    }

    func testViolationsSortedByIdBytewiseAlsoInTotal() throws {
        let (data, r) = try metrics([
            D(id: "b", unit: "U2", resolved: "2025-06-05"),
            D(id: "a9", resolved: "2025-06-05"),
            D(id: "B", unit: "U2", resolved: "2025-06-05"),
            D(id: "a10", resolved: "2025-06-05"),
            D(id: "Đ1", resolved: "2025-06-05"),
        ], period: "2025-06")
        XCTAssertEqual(data.ids(r.perUnit[0].violations[.notSynced]), ["a10", "a9", "Đ1"])
        XCTAssertEqual(data.ids(r.perUnit[1].violations[.notSynced]), ["B", "b"])
        XCTAssertEqual(data.ids(r.total.violations[.notSynced]), ["B", "a10", "a9", "b", "Đ1"])
    }
}
