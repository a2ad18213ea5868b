import Common
@testable import Data
import XCTest

/// Units from YAML, JSON and wide CSV; unit rejections; the directory layout.
final class UnitFilesTests: XCTestCase {
    private func load(_ f: Fixture) -> DataSet? {
        switch DataLoader.load(directory: f.dir) {
        case .success(let d): return d
        case .failure(let e): XCTFail("\(e)"); return nil
        }
    }

    func testYAMLUnitsWithIndicatorsAndEvidence() throws {
        let f = Fixture()
        f.write("units.yaml", """
        - id: S1
          name: Sở Nội vụ
          kind: department
          indicators:
            ke_hoach_cchc: {value: 2025-01-10, evidence: {number: "12/KH-SNV", date: 10/1/2025}}
            sang_kien: 3
            ty_le: "96,5%"
            co_khau_hieu: có
            trong: ~
            kotien: {value: 1, evidence: {date: 31/02/2025}}
        - {id: S2, name: Xã A, kind: ward, parent: "", color: red}
        - {id: S3, name: X, kind: district_x}
        - {id: S1, name: again, kind: office}
        - {name: Không mã, kind: office}
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(data.units.map(\.id), ["S1", "S2"])
        XCTAssertEqual(data.units.map(\.index), [0, 1])
        let s1 = data.units[0]
        XCTAssertEqual(s1.kind, .department)
        XCTAssertEqual(s1.location, SourceLocation(file: f.dir + "/units.yaml", line: 1, column: 3))
        let plan = try XCTUnwrap(s1.indicators["ke_hoach_cchc"])
        XCTAssertEqual(plan.raw, "2025-01-10")
        XCTAssertEqual(plan.evidence?.number, "12/KH-SNV")
        XCTAssertEqual(plan.evidence?.date, DateValue(day: dayNumber(year: 2025, month: 1, day: 10) ?? 0))
        XCTAssertEqual(plan.location.line, 5)
        XCTAssertEqual(s1.indicators["sang_kien"]?.number, 3)
        XCTAssertEqual(s1.indicators["ty_le"]?.raw, "96,5%")
        XCTAssertNil(s1.indicators["ty_le"]?.number)
        XCTAssertEqual(s1.indicators["co_khau_hieu"]?.bool, true)
        XCTAssertNil(s1.indicators["trong"]?.raw)
        XCTAssertEqual(s1.indicators["kotien"]?.evidence?.dateText, "31/02/2025")
        XCTAssertNil(s1.indicators["kotien"]?.evidence?.date)
        XCTAssertNil(data.units[1].parent, "an empty parent is none")
        XCTAssertEqual(data.rejected.map(\.code), ["bad-value", "duplicate-id", "missing-field"])
        XCTAssertEqual(data.rejected.map(\.record), [.unit, .unit, .unit])
        XCTAssertEqual(data.rejected[0].fields, ["kind"])
        XCTAssertEqual(data.rejected[2].reason, "id is missing")
        XCTAssertEqual(data.warnings.map(\.code), ["bad-evidence-date", "unknown-key"])
        XCTAssertEqual(data.inputs.unitsRead, 5)
        XCTAssertEqual(data.inputs.unitsRejected, 3)
        data.assertCountsConsistent()
    }

    func testJSONUnitsArrayOrObject() throws {
        let f = Fixture()
        f.write("units.json", """
        {"units": [
          {"id": "P", "name": "Tỉnh", "kind": "province", "indicators": {"n": 2.5, "b": true, "x": null,
                                                                   "e": {"value": "1", "evidence": {"number": "7"}}}},
          {"id": 5, "name": "Số", "kind": "office"}
        ]}
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(data.units.map(\.id), ["P", "5"])
        XCTAssertEqual(data.units[0].location, SourceLocation(file: f.dir + "/units.json", line: 2, column: 3))
        XCTAssertEqual(data.units[0].indicators["n"]?.number, 2.5)
        XCTAssertEqual(data.units[0].indicators["b"]?.bool, true)
        XCTAssertNil(data.units[0].indicators["x"]?.raw)
        XCTAssertEqual(data.units[0].indicators["e"]?.evidence, Evidence(number: "7", date: nil, dateText: nil))
    }

    func testWideCSVUnitsWithEvidenceColumns() throws {
        let f = Fixture()
        f.write("units.csv", """
        id,name,kind,parent,ke_hoach,ke_hoach.evidence_number,ke_hoach.evidence_date,sang_kien,chi_co.evidence_date
        S1,"Sở Y tế, tỉnh",department,,2025-01-05,05/KH-SYT,5/1/2025,4,
        S2,Xã B,commune,S1,,,,,2025-02-01
        S3,Bad,planet,,,,,,
        S4,Short,office
        S1,Dup,office,,,,,,
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(data.units.map(\.name), ["Sở Y tế, tỉnh", "Xã B"])
        let s1 = data.units[0]
        XCTAssertEqual(s1.indicators.keys.sorted(), ["ke_hoach", "sang_kien"], "empty cells are not reported")
        XCTAssertEqual(s1.indicators["ke_hoach"]?.evidence?.number, "05/KH-SYT")
        XCTAssertEqual(s1.indicators["ke_hoach"]?.evidence?.date?.day, dayNumber(year: 2025, month: 1, day: 5))
        XCTAssertEqual(s1.indicators["sang_kien"]?.number, 4)
        XCTAssertEqual(s1.location.line, 2)
        let s2 = data.units[1]
        XCTAssertEqual(s2.parent, "S1")
        XCTAssertEqual(s2.indicators.keys.sorted(), ["chi_co"], "evidence alone is reported, with no value")
        XCTAssertNil(s2.indicators["chi_co"]?.raw)
        XCTAssertEqual(data.rejected.map { "\($0.location.line) \($0.code) \($0.id ?? "-")" },
                       ["4 bad-value S3", "5 csv-shape S4", "6 duplicate-id S1"])
    }

    func testMissingUnitsFileAndUnreadableDirectory() {
        let f = Fixture()
        f.write("dossiers.csv", minimalHeader)
        XCTAssertEqual(f.failure().map(\.code), ["missing-units"])
        if case .failure(let e) = DataLoader.load(directory: f.dir + "/nope") {
            XCTAssertEqual(e.diagnostics.map(\.code), ["read-error"])
        } else { XCTFail("a missing directory must fail") }
    }

    func testLayoutSortsAndIgnores() throws {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        for name in ["dossiers_b.csv", "dossiers_a.jsonl", "dossiers/2025/q2.csv", "dossiers/2025/Q1.yml", "dossiers/.hidden.csv",
                     "readme.md", "units.yaml.bak", "dossiers.txt", "other/x.csv"] {
            f.write(name, name.hasSuffix("csv") ? minimalHeader : "")
        }
        let files = try DataLoader.classify(directory: f.dir + "/").get()
        XCTAssertEqual(files.units, [f.dir + "/units.yaml"])
        XCTAssertEqual(files.dossiers, ["dossiers/2025/Q1.yml", "dossiers/2025/q2.csv", "dossiers_a.jsonl", "dossiers_b.csv"]
            .map { f.dir + "/" + $0 }, "byte-wise: upper case before lower case, '/' before '_'")
        XCTAssertEqual(files.ignored, ["dossiers.txt", "dossiers/.hidden.csv", "other/", "readme.md", "units.yaml.bak"]
            .map { f.dir + "/" + $0 })
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(data.files.first, f.dir + "/units.yaml")
        XCTAssertEqual(data.files.count, 5)
    }
}
