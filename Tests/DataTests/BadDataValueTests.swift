import Common
@testable import Data
import XCTest

/// Hostile values and empty shapes: NaN/Infinity/huge numbers, impossible dates, empty and header-only files.
final class BadDataValueTests: XCTestCase {
    func testNonFiniteAndHugeNumbersInJSONAreRejected() throws {
        let values = ["NaN", "Infinity", "-Infinity", "1e999", "123456789012345678901234567890", "\"NaN\"", "5"]
        let text = values.enumerated().map { BadData.jsonl("J\($0.offset)", ",\"satisfaction\":\($0.element)") }
            .joined(separator: "\n")
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.jsonl", text + "\n"))
        XCTAssertEqual(data.rejectionLines, [
            "1 bad-json [] not valid JSON: invalid value at column 110",
            "2 bad-json [] not valid JSON: invalid value at column 110",
            "3 bad-json [] not valid JSON: invalid value at column 111",
            "4 bad-value [\"satisfaction\"] satisfaction '1e999' is not one of 1, 2, 3, 4, 5",
            "5 bad-value [\"satisfaction\"] satisfaction '123456789012345678901234567890' is not one of 1, 2, 3, 4, 5",
            "6 bad-value [\"satisfaction\"] satisfaction 'NaN' is not one of 1, 2, 3, 4, 5",
        ])
        XCTAssertEqual(data.ids, ["J6"])
        data.assertCountsConsistent()
    }

    func testNonFiniteAndHugeNumbersInCSVAreRejected() throws {
        let values = ["NaN", "Infinity", "1e999", "99999999999999999999", "5"]
        let csv = "id,unit_id,received_at,due_at,channel,satisfaction\n"
            + values.enumerated().map { "C\($0.offset),U1,2025-01-02,2025-01-10,online,\($0.element)\n" }.joined()
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", csv))
        XCTAssertEqual(data.rejectionLines, values.dropLast().enumerated().map {
            "\($0.offset + 2) bad-value [\"satisfaction\"] satisfaction '\($0.element)' is not one of 1, 2, 3, 4, 5"
        })
        data.assertCountsConsistent()
    }

    func testImpossibleDatesAreRejectedWithTheirField() throws {
        let csv = BadData.header + "D1,U1,29/02/2025,2025-03-10,online\nD2,U1,2025-13-01,2025-03-10,online\n"
            + "D3,U1,29/02/2024,2025-03-10,online\nD4,U1,2025-01-02,2025-01-02T24:00,online\n"
        let data = try XCTUnwrap(Fixture().load(dossiers: "dossiers.csv", csv))
        let form = "is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM] or D/M/YYYY)"
        XCTAssertEqual(data.rejectionLines, ["2 bad-value [\"received_at\"] received_at '29/02/2025' \(form)",
                                             "3 bad-value [\"received_at\"] received_at '2025-13-01' \(form)",
                                             "5 bad-value [\"due_at\"] due_at '2025-01-02T24:00' \(form)"])
        XCTAssertEqual(data.ids, ["D3"], "2024 is a leap year")
        data.assertCountsConsistent()
    }

    /// A failed export must not look like a quiet month: every dossier file with no record is named in a warning,
    /// and the load goes on with nothing from it (a 0-byte `dossiers.json` too, like the other formats).
    func testEmptyDossierFilesAreWarnedAboutAndHoldNoRecords() throws {
        let cases = [("dossiers.csv", ""), ("dossiers.csv", BadData.header), ("dossiers.csv", String(BadData.header.dropLast())),
                     ("dossiers.csv", "\u{FEFF}"), ("dossiers.jsonl", ""), ("dossiers.jsonl", "\n  \n"), ("dossiers.yaml", ""),
                     ("dossiers.yaml", "[]\n"), ("dossiers.yaml", "# nothing yet\n"), ("dossiers.json", "[]"),
                     ("dossiers.json", ""), ("dossiers.json", " \n")]
        for (name, text) in cases {
            let f = Fixture()
            let data = try XCTUnwrap(f.load(dossiers: name, text), name)
            XCTAssertEqual(data.warnings.map { "\($0)".replacingOccurrences(of: f.dir, with: "D") },
                           ["D/\(name):1: warning: empty-file: the file holds no dossier records"], "\(name) \(text.debugDescription)")
            XCTAssertEqual(data.inputs.dossiersRead, 0, name)
            XCTAssertEqual(data.rejected, [], name)
            XCTAssertEqual(data.units.count, 2, name)
            XCTAssertEqual(data.files, [f.dir + "/units.yaml", f.dir + "/\(name)"], "the empty file still counts as read")
            data.assertCountsConsistent()
        }
    }

    /// Only files with no record at all are empty: one whose records are all rejected is not, and the other
    /// files of the directory are read as usual.
    func testOnlyTheEmptyDossierFileIsWarnedAbout() throws {
        let f = Fixture()
        f.write("dossiers/q1.csv", BadData.header + BadData.good)
        f.write("dossiers/q2.jsonl", "")
        f.write("dossiers/q3.json", "[5]")
        let data = try XCTUnwrap(f.load(dossiers: "dossiers/q4.yaml", "[]"))
        XCTAssertEqual(data.warnings.map { "\($0)".replacingOccurrences(of: f.dir, with: "D") },
                       ["D/dossiers/q2.jsonl:1: warning: empty-file: the file holds no dossier records",
                        "D/dossiers/q4.yaml:1: warning: empty-file: the file holds no dossier records"])
        XCTAssertEqual(data.ids, ["A1"])
        XCTAssertEqual(data.rejectionLines, ["1 not-a-record [] record 1 is not a JSON object"])
        data.assertCountsConsistent()
    }

    /// A NUL byte is not "nothing": a JSON file holding one is still malformed.
    func testJSONFileWithANulByteIsNotEmpty() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.json", bytes: [0])
        XCTAssertEqual(f.onlyFailure(), "D/dossiers.json:1:1: error: bad-json: malformed JSON: expected an array of dossier objects")
    }

    /// A units file with no units is like no units file: every dossier would name no unit and nothing could be
    /// assessed, so the load fails (exit 2) at the file's first line.
    func testEmptyUnitsFileIsALoadError() throws {
        let cases = [("units.yaml", ""), ("units.yaml", "units: []\n"), ("units.yaml", "units:\n"), ("units.yml", "[]\n"),
                     ("units.yaml", "# to be filled in\n"), ("units.csv", ""), ("units.csv", "id,name,kind\n"),
                     ("units.csv", "id,name,kind"), ("units.json", ""), ("units.json", "[]"), ("units.json", "{\"units\": []}")]
        for (name, text) in cases {
            let f = Fixture()
            f.write(name, text)
            f.write("dossiers.csv", BadData.header + BadData.good)
            XCTAssertEqual(f.onlyFailure(), "D/\(name):1: error: missing-units: the units file has no units", "\(name) \(text.debugDescription)")
        }
    }

    /// Every units file must hold units: an empty one next to a full one would silently drop its units' dossiers
    /// as naming no unit.
    func testEmptyUnitsFileNextToAFullOneIsALoadError() {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("units.csv", "id,name,kind\n")
        f.write("dossiers.csv", BadData.header + BadData.good)
        XCTAssertEqual(f.onlyFailure(), "D/units.csv:1: error: missing-units: the units file has no units")
    }

    /// Units whose records are all rejected are not "no units": each is rejected with its line and reason.
    func testUnitsFileWhoseUnitsAreAllRejectedStillLoads() throws {
        let f = Fixture()
        f.write("units.csv", "id,name,kind\nU1,Sở,galaxy\n")
        f.write("dossiers.csv", BadData.header + BadData.good)
        guard case .success(let data) = DataLoader.load(directory: f.dir) else { return XCTFail("expected a load") }
        XCTAssertEqual(data.rejectionLines, ["2 bad-value [\"kind\"] kind 'galaxy' is not one of \(UnitKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                             "2 unknown-unit [\"unit_id\"] unit_id 'U1' names no unit"])
        data.assertCountsConsistent()
    }

    /// `1e999`, `.inf`, `nan`: none is a figure. Each is dropped with a located `bad-value` warning naming the
    /// indicator and the text, so no `>=` target can pass on infinity; the unit, the finite values and the
    /// evidence stay.
    func testNonFiniteIndicatorValuesAreDroppedWithAWarning() throws {
        let huge = String(repeating: "9", count: 400) + ",5"
        let units = """
        units:
          - id: U1
            name: Sở Tư pháp
            kind: department
            indicators:
              rate: 1e999
              inf: .inf
              nan: .nan
              word: NaN
              long: Infinity
              neg: -.inf
              pct: "1e999%"
              ok: "96,5%"
              n: 12
          - id: U2
            name: Xã An Bình
            kind: commune
            indicators:
              big: {value: "\(huge)", evidence: {number: 1/KH, date: 2025-01-02}}
        """
        let f = Fixture()
        let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", BadData.header + BadData.good, units: units))
        XCTAssertEqual(data.warnings.map { "\($0)".replacingOccurrences(of: f.dir, with: "D") }, [
            "D/units.yaml:7:12: warning: bad-value: indicator 'inf' value '.inf' is not a finite number; ignored",
            "D/units.yaml:10:13: warning: bad-value: indicator 'long' value 'Infinity' is not a finite number; ignored",
            "D/units.yaml:8:12: warning: bad-value: indicator 'nan' value '.nan' is not a finite number; ignored",
            "D/units.yaml:11:12: warning: bad-value: indicator 'neg' value '-.inf' is not a finite number; ignored",
            "D/units.yaml:12:12: warning: bad-value: indicator 'pct' value '1e999%' is not a finite number; ignored",
            "D/units.yaml:6:13: warning: bad-value: indicator 'rate' value '1e999' is not a finite number; ignored",
            "D/units.yaml:9:13: warning: bad-value: indicator 'word' value 'NaN' is not a finite number; ignored",
            "D/units.yaml:19:20: warning: bad-value: indicator 'big' value '\(huge)' is not a finite number; ignored",
        ])
        let u1 = data.units[0].indicators
        for name in ["rate", "inf", "nan", "word", "long", "neg", "pct"] {
            XCTAssertNil(u1[name]?.raw, name)
            XCTAssertEqual(u1[name]?.location.file, f.dir + "/units.yaml", "\(name) is still reported, as no value")
        }
        XCTAssertEqual(u1["ok"]?.raw, "96,5%")
        XCTAssertEqual(u1["n"]?.number, 12)
        XCTAssertNil(data.units[1].indicators["big"]?.raw)
        XCTAssertEqual(data.units[1].indicators["big"]?.evidence?.number, "1/KH")
        XCTAssertEqual(data.inputs.unitsAccepted, 2)
        data.assertCountsConsistent()
    }

    /// A wide units CSV: the same rule, at the row's line.
    func testNonFiniteIndicatorValuesInUnitsCSV() throws {
        let f = Fixture()
        f.write("units.csv", "id,name,kind,rate,count\nU1,Sở,department,inf,3\nU2,Xã,commune,0.9,-1e400\n")
        f.write("dossiers.csv", BadData.header + BadData.good)
        guard case .success(let data) = DataLoader.load(directory: f.dir) else { return XCTFail("expected a load") }
        XCTAssertEqual(data.warnings.map { "\($0)".replacingOccurrences(of: f.dir, with: "D") }, [
            "D/units.csv:2: warning: bad-value: indicator 'rate' value 'inf' is not a finite number; ignored",
            "D/units.csv:3: warning: bad-value: indicator 'count' value '-1e400' is not a finite number; ignored",
        ])
        XCTAssertEqual(data.units.map { $0.indicators.mapValues { $0.raw ?? "-" } }, [["rate": "-", "count": "3"], ["rate": "0.9", "count": "-"]])
        data.assertCountsConsistent()
    }

    /// `IndicatorValue.number` is never infinite or NaN, whoever builds the value.
    func testIndicatorNumberIsFiniteOrNil() {
        let at = SourceLocation(file: "units.yaml", line: 1)
        XCTAssertNil(IndicatorValue(raw: "1e999", location: at).number)
        XCTAssertNil(IndicatorValue(raw: "-1e999", location: at).number)
        XCTAssertEqual(IndicatorValue(raw: "1e300", location: at).number, 1e300)
        XCTAssertEqual(IndicatorValue(raw: "1e-999", location: at).number, 0, "underflow is a tiny number, not a wrong one")
    }

    /// What counts as a non-finite spelling, and what does not.
    func testSpellsNonFiniteNumber() {
        for text in ["inf", "-inf", "+Inf", "INFINITY", ".inf", "-.Inf", ".NaN", "nan", "1e999", "-1E999", "1e999%", " inf ",
                     String(repeating: "1", count: 400), String(repeating: "1", count: 400) + ",5"] {
            XCTAssertTrue(IndicatorValue.spellsNonFiniteNumber(text), text)
        }
        for text in ["", "12", "96,5%", "1e300", "1e-999", "info", "nano", "in", "-", ".", "Inf.", "2025-01-02", "không"] {
            XCTAssertFalse(IndicatorValue.spellsNonFiniteNumber(text), text)
        }
    }
}
