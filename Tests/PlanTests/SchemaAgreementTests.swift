import Foundation
import XCTest
import Common
import LocatedYAML
@testable import Plan

/// Rules/schema/plan.schema.json (what editors check as the author types) and the plan validator (`PlanLoader`)
/// accept the same files: every plan and layer under Rules/ and the corpus in SchemaCorpus/ — good/ (accepted by
/// both) and bad/ (one mistake each, named by a `# expect: CODE` line, rejected by both at the same line).
///
/// The validator's verdict on a file counts only its errors located in that file whose codes are in `shapeCodes`. A
/// schema sees one file's JSON and nothing else, so these stay the validator's alone and are kept out of the corpus:
/// - references: unknown-area, unknown-indicator, unknown-role, unknown-template, missing-script, bad-encoding,
///   missing-layer, bad-layer, extends-cycle, drop-unknown;
/// - uniqueness and order: duplicate-id, a kind in two ranking groups (duplicate-kind), duplicate-key (JSON has no
///   duplicate keys; the YAML language server flags them itself), bad-classification (`min` decreasing), bands best
///   first, overlapping-in-force, bad-range;
/// - arithmetic: area-points, band points or `floor` above the target's points, a period or `as_of` before its start;
/// - the calendar: impossible dates such as 31/02/2025 or 2025-02-30 match the date pattern (bad-date, bad-period,
///   bad-expectation);
/// - what a measure yields: a threshold that does not fit it (`>= 98` on a rate, a date on a count, text), a unit
///   kind without a threshold, proportional or deduction scoring on the wrong measure, a ratio or baseline of
///   non-numeric indicators (bad-measure, bad-compare), evidence of an indicator without `evidence: true`;
/// - inheritance: in a plan that extends another, and in a layer, whether an item is new (so must be complete) or
///   inherited; which keys a template gives a target; a template's keys are checked only when a target uses it;
/// - scalar corner cases the two read differently: an id or period written as `+1`, `1E3` or `0999`; `1.0` where an
///   integer is wanted; an explicitly null key the reader treats as absent where the schema wants a value (`expect: ~`
///   on a violations target, `bands: ~` beside `deduct`); `drop: "true"` quoted; extra keys beside `drop: true`
///   (ignored by the merge); `0x10`, `0o7`, `.inf`, which YAML 1.2 editors read as numbers and parcheck as text (this
///   test reads every scalar as parcheck does, see `YAMLToJSON`).
final class SchemaAgreementTests: XCTestCase {
    /// Codes of errors the schema can express (some only in part: see above).
    static let shapeCodes: Set<String> = [
        "bad-format", "expected-mapping", "expected-sequence", "expected-string", "expected-number", "expected-integer",
        "expected-bool", "bad-date", "bad-period", "bad-id", "bad-value", "missing-key", "unknown-key", "duplicate-kind",
        "unknown-value", "unknown-unit-kind", "unknown-metric", "unknown-violation", "bad-measure", "bad-expectation",
        "bad-scoring", "bad-compare", "bad-template",
    ]

    func testSchemaUsesOnlyKeywordsTheTestValidatorImplements() throws {
        XCTAssertEqual(try Corpus.shared().schema.unsupportedKeywords(), [])
    }

    /// The key lists and value sets the readers check are the schema's, so a key added to one is added to both.
    func testSchemaNamesTheReadersKeysAndValues() throws {
        let s = try Corpus.shared().schema
        func keys(_ pointer: String) -> [String] {
            guard case .object(let members)? = s.resolve(pointer) else { return [] }
            return members.map(\.0).sorted()
        }
        func values(_ pointer: String) -> [String] {
            guard case .array(let items)? = s.resolve(pointer) else { return [] }
            return items.compactMap { if case .string(let v) = $0 { v } else { nil } }.sorted()
        }
        XCTAssertEqual(keys("#/properties"), PlanReader.keys.sorted())
        XCTAssertEqual(keys("#/definitions/target/properties"), (TargetReader.keys + ["drop"]).sorted())
        XCTAssertEqual(keys("#/definitions/template/properties"), TargetReader.keys.filter { $0 != "id" && $0 != "template" }.sorted())
        XCTAssertEqual(keys("#/definitions/measure/properties"), TargetReader.measureKeys.sorted())
        XCTAssertEqual(keys("#/definitions/expect/anyOf/2/items/properties"), ReadContext.inForceKeys.sorted())
        XCTAssertEqual(keys("#/definitions/kindThresholds/properties"), (["default"] + UnitKind.allCases.map(\.rawValue)).sorted())
        XCTAssertEqual(values("#/definitions/unitKind/enum"), UnitKind.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/measure/properties/metric/enum"), MetricName.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/measure/properties/violations/enum"), ViolationKind.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/indicator/properties/type/enum"), IndicatorType.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/target/properties/when_missing/enum"), MissingPolicy.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/target/properties/severity/enum"), TargetReader.SeverityName.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(values("#/definitions/compare/properties/as/enum"), Comparison.Mode.allCases.map(\.rawValue).sorted())
    }

    /// Editors show these on hover: every key a mapping can have says what it is (with the Vietnamese term);
    /// `properties` inside conditions (no `additionalProperties` beside them) only add constraints.
    func testEveryKeyHasADescription() throws {
        let s = try Corpus.shared().schema
        var missing: [String] = []
        func walk(_ node: JSONValue, _ at: String) {
            switch node {
            case .object(let members):
                if case .object(let props)? = node["properties"], node["additionalProperties"] != nil {
                    for (key, sub) in props where sub["description"] == nil {
                        if case .string(let r)? = sub["$ref"], s.resolve(r)?["description"] != nil { continue }
                        missing.append("\(at)/properties/\(key)")
                    }
                }
                for (key, sub) in members { walk(sub, "\(at)/\(key)") }
            case .array(let items):
                for (i, sub) in items.enumerated() { walk(sub, "\(at)/\(i)") }
            default: break
            }
        }
        walk(s.root, "#")
        XCTAssertEqual(missing, [])
    }

    func testYAMLScalarsBecomeJSONAsThePlanReaderReadsThem() throws {
        let yaml = "a: 2\nb: \"2\"\nc: yes\nd: true\ne: ~\nf: 2025-07-15\ng: 0x10\nh: -1.5e3\ni: [False, '']\n"
        let doc = try XCTUnwrap(YAMLParser.parse(yaml, file: "t.yaml").get())
        let json = YAMLToJSON().convert(doc)
        XCTAssertEqual(json, .object([("a", .number(2)), ("b", .string("2")), ("c", .string("yes")), ("d", .bool(true)),
                                      ("e", .null), ("f", .string("2025-07-15")), ("g", .string("0x10")),
                                      ("h", .number(-1500)), ("i", .array([.bool(false), .string("")]))]))
    }

    func testEveryRulesPlanAndLayerIsAcceptedByBoth() throws {
        let corpus = try Corpus.shared()
        let rules = corpus.files.filter { $0.group == .rules }
        XCTAssertGreaterThanOrEqual(rules.filter { !$0.isLayer }.count, 5, "plans found under Rules/")
        XCTAssertGreaterThanOrEqual(rules.filter(\.isLayer).count, 2, "layers found under Rules/")
        for file in rules {
            XCTAssertEqual(corpus.schemaErrors(file).map(\.description), [], file.path)
            XCTAssertEqual(corpus.shapeErrors[file.path, default: []].map(\.description), [], file.path)
        }
    }

    func testSchemaAndValidatorAgreeOnEveryFile() throws {
        let corpus = try Corpus.shared()
        XCTAssertGreaterThanOrEqual(corpus.files.filter { $0.group == .bad }.count, 40, "bad corpus files")
        for file in corpus.files {
            let schema = corpus.schemaErrors(file), validator = corpus.shapeErrors[file.path, default: []]
            XCTAssertEqual(schema.isEmpty, validator.isEmpty, "\(file.path): schema \(schema), validator \(validator)")
            XCTAssertEqual(schema.isEmpty, file.group != .bad, "\(file.path) is in \(file.group) but schema says \(schema)")
            XCTAssertTrue(file.isLayer == false || corpus.extendedLayers.contains(file.path), "no plan extends \(file.path)")
        }
    }

    func testEachBadFileIsRejectedByBothForItsMistakeAtTheSameLine() throws {
        let corpus = try Corpus.shared()
        for file in corpus.files where file.group == .bad {
            let code = try XCTUnwrap(file.expectedCode, "\(file.path) has no '# expect: CODE' line")
            let validator = corpus.shapeErrors[file.path, default: []]
            XCTAssertEqual(Set(validator.map(\.code)), [code], "\(file.path): \(validator)")
            let schemaLines = Set(corpus.schemaErrors(file).flatMap { [file.keyLines[$0.path], file.valueLines[$0.path]] })
            XCTAssertTrue(validator.contains { schemaLines.contains($0.location.line) },
                          "\(file.path): validator \(validator) vs schema \(corpus.schemaErrors(file))")
        }
    }
}
