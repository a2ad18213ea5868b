import Common
@testable import Data
import XCTest

/// The roles a unit holds (`roles`, an extension of the contract's unit record): plans assign appendix tasks to the
/// body in charge (đơn vị chủ trì) by role. Read from YAML, JSON and CSV units alike: sorted, without duplicates.
final class UnitRolesTests: XCTestCase {
    private func load(_ f: Fixture, file: StaticString = #filePath, line: UInt = #line) -> DataSet? {
        switch DataLoader.load(directory: f.dir) {
        case .success(let d): return d
        case .failure(let e): XCTFail("\(e)", file: file, line: line); return nil
        }
    }

    private func roles(_ data: DataSet) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: data.units.map { ($0.id, $0.roles) })
    }

    func testYAMLRolesAsAListOrOneNameSortedWithoutDuplicates() throws {
        let f = Fixture()
        f.write("units.yaml", """
        units:
          - {id: SNV, name: Sở Nội vụ, kind: department, roles: [so_noi_vu, so_khcn, " so_noi_vu "]}
          - {id: STC, name: Sở Tài chính, kind: department, roles: so_tai_chinh}
          - {id: STP, name: Sở Tư pháp, kind: department, roles: []}
          - {id: X1, name: Xã Một, kind: commune}
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(roles(data), ["SNV": ["so_khcn", "so_noi_vu"], "STC": ["so_tai_chinh"], "STP": [], "X1": []])
        XCTAssertEqual(data.warnings.map(\.code), [], "roles is a unit key, not an unknown one")
        XCTAssertTrue(data.units.allSatisfy { $0.indicators.isEmpty }, "roles is not an indicator")
        data.assertCountsConsistent()
    }

    func testYAMLRolesThatAreNotNamesRejectTheUnit() throws {
        let f = Fixture()
        f.write("units.yaml", """
        - {id: A, name: Sở A, kind: department, roles: [so_noi_vu, {x: 1}]}
        - {id: B, name: Sở B, kind: department, roles: {so_noi_vu: true}}
        - {id: C, name: Sở C, kind: department, roles: [so_noi_vu]}
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(data.units.map(\.id), ["C"])
        XCTAssertEqual(data.rejected.map(\.id), ["A", "B"])
        XCTAssertEqual(data.rejected.map(\.code), ["bad-value", "bad-value"])
        XCTAssertEqual(data.rejected.map(\.fields), [["roles"], ["roles"]])
        XCTAssertEqual(data.rejected[0].reason, "roles must be a list of names")
        XCTAssertEqual(data.rejected.map(\.location.line), [1, 2])
        data.assertCountsConsistent()
    }

    func testJSONRolesAsAListOrOneName() throws {
        let f = Fixture()
        f.write("units.json", """
        {"units": [
          {"id": "VP", "name": "Văn phòng UBND tỉnh", "kind": "department", "roles": ["vp_ubnd", "to_1169"]},
          {"id": "TT", "name": "Trung tâm Thông tin", "kind": "public_service_unit", "roles": "trung_tam_thong_tin"},
          {"id": "PB", "name": "Phòng Kinh tế", "kind": "office"}
        ]}
        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(roles(data), ["VP": ["to_1169", "vp_ubnd"], "TT": ["trung_tam_thong_tin"], "PB": []])
        data.assertCountsConsistent()
    }

    func testCSVRolesColumnIsSemicolonSeparatedAndNotAnIndicator() throws {
        let f = Fixture()
        f.write("units.csv", """
        id,name,kind,parent,roles,cchc_plan_date
        SNV,Sở Nội vụ,department,,so_noi_vu; so_khcn ;so_noi_vu,2025-07-20
        STC,Sở Tài chính,department,,so_tai_chinh,2025-07-21
        X1,Xã Một,commune,,,2025-07-22
        X2,Xã Hai,commune,,;;,2025-07-23

        """)
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(roles(data), ["SNV": ["so_khcn", "so_noi_vu"], "STC": ["so_tai_chinh"], "X1": [], "X2": []])
        XCTAssertEqual(Set(data.units.flatMap { $0.indicators.keys }), ["cchc_plan_date"])
        XCTAssertEqual(data.rejected.count, 0)
        data.assertCountsConsistent()
    }

    func testCSVWithoutARolesColumnGivesNoRoles() throws {
        let f = Fixture()
        f.write("units.csv", "id,name,kind\nS1,Sở Một,department\n")
        let data = try XCTUnwrap(load(f))
        XCTAssertEqual(roles(data), ["S1": []])
    }
}
