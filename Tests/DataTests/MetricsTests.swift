import Common
@testable import Data
import XCTest

/// The nine standard metrics: who is in each numerator and denominator.
final class MetricsTests: XCTestCase {
    func testReceivedInPeriodBoundariesTimesAndOffsets() throws {
        let (_, r) = try metrics([
            D(id: "before", received: "2024-12-31"),
            D(id: "first-day", received: "2025-01-01", channel: "direct"),
            D(id: "last-day", received: "31/12/2025"),
            D(id: "late-evening", received: "2025-12-31T23:30:00+06:00"),  // 2026-01-01 in Vietnam
            D(id: "after", received: "2026-01-01"),
            D(id: "utc-evening", received: "2024-12-31T17:00:00Z"),  // 2025-01-01 00:00 in Vietnam
            D(id: "vn-last-minute", received: "2025-12-31T23:59:59"),
        ], period: "2025")
        let u = r.perUnit[0]
        XCTAssertEqual(u.received, 4)
        XCTAssertEqual(u.frac(.onlineRate), "3/4")
        XCTAssertEqual(u.ratios[.onlineRate]?.value, 0.75)
    }

    func testOnTimeComparesInstantsOrDays() throws {
        let (_, r) = try metrics([
            // One side date-only: compare by Vietnam day. 17:00Z on 1 March is 2 March → on time.
            D(id: "day-equal", due: "2025-03-02", resolved: "2025-03-01T17:00:00Z"),
            D(id: "day-after", due: "2025-03-02", resolved: "2025-03-02T17:00:00Z"),  // 3 March in Vietnam → late
            D(id: "instant-late", due: "2025-03-02T09:00", resolved: "2025-03-02T10:00"),
            D(id: "instant-equal", due: "2025-03-02T09:00:00.25", resolved: "2025-03-02T02:00:00.250Z"),
            D(id: "fraction-late", due: "2025-03-02T09:00:00.25", resolved: "2025-03-02T09:00:00.3"),
            D(id: "unresolved", due: "2025-03-02"),
            D(id: "resolved-outside", received: "2025-02-01", due: "2025-02-10", resolved: "2025-04-01"),
        ], period: "2025-Q1")
        let u = r.perUnit[0]
        XCTAssertEqual(u.resolved, 5)
        XCTAssertEqual(u.frac(.onTimeRate), "2/5")
    }

    func testEveryRateCountsTheRightDossiers() throws {
        let (_, r) = try metrics([
            D(id: "a", flags: ["fully_online", "digitized", "data_reused", "fee_required", "paid_online", "synced_to_portal"],
              satisfaction: "5"),
            D(id: "b", channel: "direct", flags: ["fully_online", "fee_required"], satisfaction: "4"),
            D(id: "c", channel: "postal", flags: ["digitized"], satisfaction: "3"),
            D(id: "d", resolved: "2025-06-05", flags: ["e_result", "paid_online"]),
            D(id: "e", received: "2025-05-01", due: "2025-05-02", resolved: "2025-06-20", flags: ["synced_to_portal"]),
        ], period: "2025-06")
        let u = r.perUnit[0]
        XCTAssertEqual(u.received, 4, "e was received in May")
        XCTAssertEqual(u.frac(.onlineRate), "2/4")
        XCTAssertEqual(u.frac(.fullyOnlineRate), "1/2", "b is fully_online but not online: not in the denominator")
        XCTAssertEqual(u.frac(.digitizationRate), "2/4")
        XCTAssertEqual(u.frac(.reuseRate), "1/4")
        XCTAssertEqual(u.frac(.onlinePaymentRate), "1/2", "d paid online without a fee: not counted")
        XCTAssertEqual(u.frac(.portalSyncRate), "1/4")
        XCTAssertEqual(u.frac(.satisfactionRate), "2/3", "only rated dossiers; 4 and 5 satisfy")
        XCTAssertEqual(u.resolved, 2)
        XCTAssertEqual(u.frac(.eResultRate), "1/2")
        XCTAssertEqual(u.frac(.onTimeRate), "1/2", "e resolved on 20 June, due 2 May")
    }

    func testEmptyDenominatorsAreNotApplicable() throws {
        let (data, r) = try metrics([D(id: "a", channel: "direct")], period: "2025-06")
        let u = r.perUnit[0]
        XCTAssertEqual(u.frac(.onlineRate), "0/1")
        XCTAssertEqual(u.ratios[.onlineRate]?.value, 0, "a real zero")
        for m in [MetricName.onTimeRate, .fullyOnlineRate, .eResultRate, .onlinePaymentRate, .satisfactionRate] {
            XCTAssertEqual(u.frac(m), "0/0", m.rawValue)
            XCTAssertNil(u.ratios[m]?.value, m.rawValue)
        }
        // U2 has no dossiers at all: every metric present and not applicable.
        XCTAssertEqual(data.units.count, r.perUnit.count)
        let empty = r.perUnit[1]
        XCTAssertEqual(empty.ratios.count, 9)
        XCTAssertTrue(empty.ratios.values.allSatisfy { $0.value == nil && $0.denominator == 0 })
        XCTAssertEqual(empty.received, 0)
        XCTAssertEqual(empty.violations.count, 3)
        XCTAssertTrue(empty.violations.values.allSatisfy(\.isEmpty))
    }

    func testTotalsAddUpAcrossUnits() throws {
        let (_, r) = try metrics([
            D(id: "a", unit: "U1"), D(id: "b", unit: "U2", channel: "direct"), D(id: "c", unit: "U2"),
            D(id: "d", unit: "U2", received: "2025-07-01"),
        ], period: "2025-06")
        XCTAssertEqual(r.perUnit[0].frac(.onlineRate), "1/1")
        XCTAssertEqual(r.perUnit[1].frac(.onlineRate), "1/2")
        XCTAssertEqual(r.total.frac(.onlineRate), "2/3")
        XCTAssertEqual(r.total.received, 3)
        XCTAssertEqual(r.total.ratios.count, 9)
    }
}
