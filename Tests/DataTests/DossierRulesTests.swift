import Common
@testable import Data
import XCTest

/// The contract's rejection rules for dossier records, and the typed values of accepted ones.
final class DossierRulesTests: XCTestCase {
    private let full = "id,unit_id,procedure_id,field,received_at,due_at,resolved_at,channel,fully_online,digitized,e_result,"
        + "data_reused,fee_required,paid_online,synced_to_portal,apology_issued,closed_at,satisfaction,officer"

    func testAllFieldsTyped() throws {
        let f = Fixture()
        let csv = """
        \(full)
        A1,U1,1.004,ho_tich,2025-03-01T08:00,2025-03-05,2025-03-04 16:30:00.5+07:00,POSTAL,Có,yes,1,TRUE,không,no,0,false,4/3/2025,5,Lan
        A2,U2,,,1/3/2025,5/3/2025,,online,,,,,,,,,,,
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.rejected, [])
        let s = data.dossiers
        XCTAssertEqual(s.procedureId.string(0), "1.004")
        XCTAssertEqual(s.field.string(0), "ho_tich")
        XCTAssertNil(s.procedureId.string(1), "empty reads as none, like dates")
        XCTAssertNil(s.field.string(1))
        XCTAssertEqual(Array(s.channel), [ChannelCode.postal, ChannelCode.online])
        XCTAssertEqual([s.fullyOnline[0], s.digitized[0], s.eResult[0], s.dataReused[0]], [1, 1, 1, 1])
        XCTAssertEqual([s.feeRequired[0], s.paidOnline[0], s.synced[0], s.apology[0]], [0, 0, 0, 0])
        XCTAssertEqual([s.fullyOnline[1], s.synced[1], s.apology[1]], [0, 0, 0], "empty flags read false")
        XCTAssertEqual(Array(s.satisfaction), [5, 0])
        XCTAssertEqual(s.resolved.value(0)?.fraction, "5")
        XCTAssertEqual(s.resolved.value(0)?.hasTime, true)
        XCTAssertNil(s.resolved.value(1))
        XCTAssertEqual(s.closed.value(0), DateValue(day: dayNumber(year: 2025, month: 3, day: 4) ?? 0))
        XCTAssertEqual(s.received.days[1], dayNumber(year: 2025, month: 3, day: 1))
        XCTAssertEqual(s.extra("officer")?.string(0), "Lan")
        XCTAssertEqual(s.extras.map(\.name), ["officer"])
    }

    func testMissingAndEmptyRequiredFields() throws {
        let f = Fixture()
        let csv = """
        id,unit_id,received_at,channel
        A1,U1,2025-01-02,online
        A2,,2025-01-02,
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.dossiers.count, 0)
        XCTAssertEqual(data.rejection("A1")?.fields, ["due_at"])
        XCTAssertEqual(data.rejection("A1")?.reason, "due_at is missing")
        XCTAssertEqual(data.rejection("A1")?.code, "missing-field")
        XCTAssertEqual(data.rejection("A2")?.fields, ["unit_id", "channel", "due_at"], "column order, then absent columns")
        XCTAssertEqual(data.rejection("A2")?.reason, "unit_id is empty; channel is empty; due_at is missing")
    }

    func testEveryBadValueIsNamedInColumnOrder() throws {
        let f = Fixture()
        let csv = """
        \(full)
        A1,U1,p,f,2025-02-30,2025-13-01,24:00,fax,maybe,x,2,-,y,n,ok,si,1/1/25,6,
        A2,U1,p,f,2025-01-01,2025-01-02,,online,,,,,,,,,,4.0,
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        let r = try XCTUnwrap(data.rejection("A1"))
        XCTAssertEqual(r.fields, ["received_at", "due_at", "resolved_at", "channel", "fully_online", "digitized", "e_result",
                                  "data_reused", "fee_required", "paid_online", "synced_to_portal", "apology_issued",
                                  "closed_at", "satisfaction"])
        XCTAssertEqual(r.code, "bad-value")
        XCTAssertTrue(r.reason.hasPrefix("received_at '2025-02-30' is not a date"), r.reason)
        XCTAssertTrue(r.reason.contains("channel 'fax' is not online, direct or postal"), r.reason)
        XCTAssertEqual(data.rejection("A2")?.reason, "satisfaction '4.0' is not one of 1, 2, 3, 4, 5")
        XCTAssertEqual(r.location.line, 2)
        data.assertCountsConsistent()
    }

    func testUnknownUnit() throws {
        let f = Fixture()
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", "\(minimalHeader)\nA1,U9,2025-01-02,2025-01-10,online\nA2,u1,2025-01-02,2025-01-10,online"))
        XCTAssertEqual(data.rejection("A1")?.reason, "unit_id 'U9' names no unit")
        XCTAssertEqual(data.rejection("A1")?.code, "unknown-unit")
        XCTAssertEqual(data.rejection("A2")?.fields, ["unit_id"], "unit ids are case-sensitive")
    }

    func testDuplicateIdsAgainstAcceptedAndRejectedRecords() throws {
        let f = Fixture()
        let csv = """
        \(minimalHeader)
        A1,U1,2025-01-02,2025-01-10,online
        A1,U1,2025-01-02,2025-01-10,online
        B1,U1,bad,2025-01-10,online
        B1,U1,2025-01-02,2025-01-10,online
        C1,U1,2025-01-02
        C1,U1,2025-01-02,2025-01-10,online
        D1,U1,"x"y,2025-01-10,online
        D1,U1,2025-01-02,2025-01-10,online
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.ids, ["A1"])
        let lines = data.rejected.map { "\($0.location.line) \($0.code) \($0.id ?? "-")" }
        XCTAssertEqual(lines, ["3 duplicate-id A1", "4 bad-value B1", "5 duplicate-id B1", "6 csv-shape C1",
                               "7 duplicate-id C1", "8 csv-quote D1", "9 duplicate-id D1"])
        XCTAssertEqual(data.rejected[0].reason, "id 'A1' was already used by the record at \(f.dir)/dossiers.csv:2")
        data.assertCountsConsistent()
    }

    func testDuplicateIdsAcrossFilesFollowSortedFileOrder() throws {
        let f = Fixture()
        f.write("dossiers/b.csv", "\(minimalHeader)\nX,U1,2025-01-02,2025-01-10,online")
        let data = try XCTUnwrap(f.load(dossiers: "dossiers/a.jsonl",
                                        #"{"id":"X","unit_id":"U2","received_at":"2025-01-02","due_at":"2025-01-03","channel":"direct"}"#))
        XCTAssertEqual(Array(data.dossiers.unit), [1], "a.jsonl is read first, whatever the listing order")
        XCTAssertEqual(data.rejected.map(\.location), [SourceLocation(file: f.dir + "/dossiers/b.csv", line: 2)])
    }

    func testDatesThatDisagreeAreQualityIssuesNotRejections() throws {
        let f = Fixture()
        let csv = """
        id,unit_id,received_at,due_at,resolved_at,channel
        A1,U1,2025-03-05,2025-03-04,2025-03-01,online
        A2,U1,2025-03-05T10:00,2025-03-10,2025-03-05T09:59:59,online
        A3,U1,2025-03-05T10:00,2025-03-05,2025-03-05,online
        A4,U1,2025-03-05T10:00:00.5,2025-03-10,2025-03-05T10:00:00.25,online
        """
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.dossiers.count, 4)
        let issues = data.quality.map { "\($0.dossierId) \($0.kind.rawValue) \($0.row) \($0.location.line)" }
        XCTAssertEqual(issues, ["A1 resolved_before_received 0 2", "A1 due_before_received 0 2",
                                "A2 resolved_before_received 1 3", "A4 resolved_before_received 3 5"],
                       "A3 compares by day because one side is date-only")
    }

    func testHeaderWithRepeatedColumnRejectsEveryRow() throws {
        let f = Fixture()
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", "\(minimalHeader),channel\nA1,U1,2025-01-02,2025-01-10,online,direct"))
        XCTAssertEqual(data.rejection("A1")?.code, "duplicate-key")
        XCTAssertEqual(data.rejection("A1")?.reason, "channel is given more than once")
    }
}
