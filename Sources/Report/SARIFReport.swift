import Common
import Engine
import Plan

/// SARIF 2.1.0 for code-scanning annotations: one rule per plan target (its citation as help), one result per
/// finding located at the data record, the finding id as fingerprint, waived findings as accepted suppressions.
public enum SARIFReport {
    public static let version = "2.1.0"
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let toolVersion = "0.1.0"

    public static func document(_ r: RunReport) -> JSONValue {
        let rules = Rules(r)
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("parcheck")), ("version", .string(toolVersion)),
                ("semanticVersion", .string(toolVersion)), ("language", .string(r.language.rawValue)),
                ("rules", .array(rules.descriptors)),
            ]))])),
            ("automationDetails", .object([("id", .string("parcheck/\(r.plan.id)/\(isoDate(r.evaluation.period.start))..\(isoDate(r.evaluation.period.end))/"))])),
            ("language", .string(r.language.rawValue)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(r.findings.map { result($0, rules, r) })),
            ("properties", .object([("plan", .string(r.plan.id)), ("gate", ResultJSON.gate(r))])),
        ])
        return .object([("$schema", .string(schemaURI)), ("version", .string(version)), ("runs", .array([run]))])
    }

    static func result(_ f: Finding, _ rules: Rules, _ r: RunReport) -> JSONValue {
        let rule = rules.id(for: f)
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(rule)), ("ruleIndex", .int(rules.index[rule] ?? 0)),
            ("level", .string(f.severity.rawValue)),
            ("message", .object([("text", .string(f.message.text(r.language)))])),
            ("locations", .array(location(f, r).map { [$0] } ?? [])),
            ("partialFingerprints", .object([("parcheckFindingId/v1", .string(f.id))])),
        ]
        if let c = r.comparison { members.append(("baselineState", .string(c.isNew(f) ? "new" : "unchanged"))) }
        let standing = r.waivers.standing(f)
        if case .waived(let i) = standing {
            let w = r.waivers.waivers[i]
            members.append(("suppressions", .array([.object([
                ("kind", .string("external")), ("status", .string("accepted")),
                ("justification", .string("\(w.reason) (\(w.by), until \(isoDate(w.until)))")),
                ("location", .object([("physicalLocation", physical(w.location))])),
            ])])))
        }
        var properties: [(String, JSONValue)] = [("findingId", .string(f.id)), ("kind", .string(f.kind.rawValue))]
        if let u = f.unitId { properties.append(("unit", .string(u))) }
        if let d = f.dossierId { properties.append(("dossier", .string(d))) }
        if let c = f.citation { properties.append(("citation", .string(c))) }
        if case .expired = standing { properties.append(("waiver", .string("expired"))) }
        properties.append(("failsGate", .bool(r.fails(f))))
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    /// The finding's own record, else the unit's record in the units file.
    static func location(_ f: Finding, _ r: RunReport) -> JSONValue? {
        guard let at = f.location ?? r.unitRecord(f.unitId)?.location else { return nil }
        return .object([("physicalLocation", physical(at))])
    }

    /// JSON and YAML records are numbered, not lines: their number goes in properties, not in a region.
    static func physical(_ at: SourceLocation) -> JSONValue {
        var members: [(String, JSONValue)] = [("artifactLocation", artifact(at.file))]
        if at.isRecordIndex {
            members.append(("properties", .object([("record", .int(at.line))])))
        } else if at.line > 0 {
            var region: [(String, JSONValue)] = [("startLine", .int(at.line))]
            if at.column > 0 { region.append(("startColumn", .int(at.column))) }
            members.append(("region", .object(region)))
        }
        return .object(members)
    }

    /// Relative paths stay relative to the checkout (`%SRCROOT%`), which is what code scanning annotates.
    static func artifact(_ path: String) -> JSONValue {
        if path.hasPrefix("/") { return .object([("uri", .string("file://" + URIText.encode(path)))]) }
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return .object([("uri", .string(URIText.encode(String(p)))), ("uriBaseId", .string("%SRCROOT%"))])
    }
}

/// Percent-encoding of a path for a URI: everything but unreserved characters and `/` is encoded as UTF-8 bytes.
enum URIText {
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
