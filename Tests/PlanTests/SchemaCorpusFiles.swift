import Foundation
import Common
import LocatedYAML
@testable import Plan

/// YAML → JSON as the plan reader reads scalars (YAML 1.2 core, like the YAML language server): null is a plain
/// `~`/`null`/empty; a plain `true`/`false` (also `True`, `TRUE`, …) is a boolean; a plain decimal the reader takes
/// for a number (`NumberSyntax`, finite) is a number; everything else — quoted text, `yes`, `0x10`, `.inf`,
/// `2025-07-15` — is a string. The first of duplicate keys wins, as in the reader. Keeps each value's line.
final class YAMLToJSON {
    /// Line of the key and of the value at each JSON pointer.
    private(set) var keyLines: [String: Int] = [:]
    private(set) var valueLines: [String: Int] = [:]

    func convert(_ node: YAMLNode, at path: String = "") -> JSONValue {
        valueLines[path] = node.location.line
        switch node.kind {
        case .scalar(let text, _):
            if node.isNull { return .null }
            guard node.isPlainScalar else { return .string(text) }
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            if NumberSyntax.isDecimal(text, exponent: true), let x = Double(text), x.isFinite { return .number(x) }
            return .string(text)
        case .sequence(let items):
            return .array(items.enumerated().map { convert($1, at: "\(path)/\($0)") })
        case .mapping(let pairs):
            var members: [(String, JSONValue)] = []
            for pair in pairs {
                let key = pair.key.scalar ?? "<\(pair.key.kindDescription)>"
                if members.contains(where: { $0.0 == key }) { continue }
                let at = path + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                keyLines[at] = pair.key.location.line
                members.append((key, convert(pair.value, at: at)))
            }
            return .object(members)
        }
    }
}

/// One YAML file of the corpus, as JSON.
struct CorpusFile: Sendable {
    enum Group: String, Sendable { case rules, good, bad }
    let path: String
    let group: Group
    let isLayer: Bool
    let json: JSONValue
    let keyLines: [String: Int]
    let valueLines: [String: Int]
    /// From a `# expect: CODE` line: the validator error a bad file must produce.
    let expectedCode: String?
}

/// The plans and layers under Rules/ and Tests/PlanTests/SchemaCorpus/, the schema, and what the validator said.
struct Corpus: Sendable {
    let schema: SchemaValidator
    let files: [CorpusFile]
    /// Errors of loading each plan located in that plan, and errors located in a layer (loaded by the plans that
    /// extend it), by file.
    let allErrors: [String: [Diagnostic]]
    /// The same, only those with `SchemaAgreementTests.shapeCodes`.
    let shapeErrors: [String: [Diagnostic]]
    /// Every file some loaded plan merged as a layer.
    let extendedLayers: Set<String>

    private static let loaded = Result { try Corpus() }
    static func shared() throws -> Corpus { try loaded.get() }

    func schemaErrors(_ file: CorpusFile) -> [SchemaError] { schema.validate(file.json) }

    private init() throws {
        let tests = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let root = tests.appendingPathComponent("../..").standardizedFileURL.path
        let schemaData = try Data(contentsOf: URL(fileURLWithPath: root + "/Rules/schema/plan.schema.json"))
        schema = SchemaValidator(root: try JSONDecoder().decode(JSONValue.self, from: schemaData))
        files = try Self.read(root + "/Rules", .rules) + Self.read(tests.path + "/SchemaCorpus/good", .good)
            + Self.read(tests.path + "/SchemaCorpus/bad", .bad)
        var errors: [String: Set<Diagnostic>] = [:]
        var layers: Set<String> = []
        let layerFiles = Set(files.filter(\.isLayer).map(\.path))
        for file in files where !file.isLayer {
            let (plan, diagnostics) = PlanLoader.load(path: file.path)
            // A plan's verdict is its own load's; a child overriding a parent's target can make errors in the parent.
            for d in diagnostics where d.severity == .error && (d.location.file == file.path || layerFiles.contains(d.location.file)) {
                errors[d.location.file, default: []].insert(d)
            }
            layers.formUnion(plan?.layers.filter { $0 != file.path } ?? [])
        }
        allErrors = errors.mapValues { $0.sorted() }
        shapeErrors = allErrors.mapValues { $0.filter { SchemaAgreementTests.shapeCodes.contains($0.code) } }
            .filter { !$0.value.isEmpty }
        extendedLayers = layers
    }

    /// Every `.yaml` under `directory` (sorted); under Rules/ only plans and layers, not rule tests or coverage.
    private static func read(_ directory: String, _ group: CorpusFile.Group) throws -> [CorpusFile] {
        let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        return try names.filter { $0.hasSuffix(".yaml") }.compactMap { name in
            let path = directory + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let node = try YAMLParser.parse(text, file: path).get() else { return nil }
            let format = node["parcheck"]?.scalar
            if group == .rules, format != "plan/1", format != "layer/1" { return nil }
            let converter = YAMLToJSON()
            let json = converter.convert(node)
            let code = text.split(separator: "\n").first { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst(10)) }
            return CorpusFile(path: path, group: group, isLayer: format == "layer/1", json: json,
                              keyLines: converter.keyLines, valueLines: converter.valueLines, expectedCode: code)
        }
    }
}
