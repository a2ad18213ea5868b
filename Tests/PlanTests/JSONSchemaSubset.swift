import Foundation

// A JSON Schema (draft-07) validator for exactly the keywords Rules/schema/plan.schema.json uses, written for
// SchemaAgreementTests so the test needs no network and no package: local `$ref` (`#/definitions/…`), `type`, `enum`,
// `const`, `pattern`, `properties`, `additionalProperties`, `required`, `propertyNames`, `minProperties`,
// `maxProperties`, `items` (one schema), `minItems`, `uniqueItems`, `minimum`, `maximum`, `exclusiveMinimum`,
// `anyOf`, `oneOf`, `allOf`, `not`, `if`/`then`/`else`, boolean schemas, and annotations it ignores. Any other
// keyword, and any validation keyword beside a `$ref` (ignored in draft-07, honoured by later drafts), is reported by
// `unsupportedKeywords()` so the schema cannot silently rely on something this validator skips.

/// One failure: the JSON pointer of the instance value and why.
struct SchemaError: Equatable, Sendable, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}

/// Validates instances against a root schema.
struct SchemaValidator: Sendable {
    let root: JSONValue

    static let annotations: Set<String> = ["$schema", "$comment", "title", "description", "definitions",
                                           "enumDescriptions", "markdownDescription", "default", "examples"]
    static let keywords: Set<String> = ["$ref", "type", "enum", "const", "pattern", "properties", "additionalProperties",
                                        "required", "propertyNames", "minProperties", "maxProperties", "items", "minItems",
                                        "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "anyOf", "oneOf",
                                        "allOf", "not", "if", "then", "else"]

    /// Keywords the schema uses that this validator does not implement, and `$ref`s with validation siblings
    /// or that do not resolve, each with the pointer of the schema object.
    func unsupportedKeywords() -> [String] {
        var found: [String] = []
        func walk(_ s: JSONValue, _ at: String) {
            guard case .object(let members) = s else { return }
            for (key, value) in members {
                if !Self.keywords.contains(key) && !Self.annotations.contains(key) { found.append("\(at)/\(key)") }
                if s["$ref"] != nil, Self.keywords.contains(key), key != "$ref" { found.append("\(at)/\(key) beside $ref") }
                if key == "$ref", case .string(let r) = value, resolve(r) == nil { found.append("\(at)/$ref \(r) does not resolve") }
                switch (key, value) {
                case ("properties", .object(let ps)), ("definitions", .object(let ps)):
                    for (name, sub) in ps { walk(sub, "\(at)/\(key)/\(name)") }
                case (_, .array(let subs)) where ["anyOf", "oneOf", "allOf"].contains(key):
                    for (i, sub) in subs.enumerated() { walk(sub, "\(at)/\(key)/\(i)") }
                case (_, .object) where !["enum", "const", "default", "examples"].contains(key):
                    walk(value, "\(at)/\(key)")
                default: break
                }
            }
        }
        walk(root, "#")
        return found
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return ref == "#" ? root : nil }
        var node: JSONValue? = root
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    func validate(_ instance: JSONValue) -> [SchemaError] { validate(instance, root, at: "") }

    func validate(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        if case .bool(let ok) = s { return ok ? [] : [SchemaError(path: path, message: "no value is allowed here")] }
        if case .string(let r)? = s["$ref"] {
            guard let target = resolve(r) else { return [SchemaError(path: path, message: "unresolved $ref \(r)")] }
            return validate(v, target, at: path)
        }
        var errors = typeErrors(v, s, at: path) + valueErrors(v, s, at: path)
        errors += objectErrors(v, s, at: path) + arrayErrors(v, s, at: path) + combinatorErrors(v, s, at: path)
        return errors
    }

    private func typeErrors(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        let allowed: [String]
        switch s["type"] {
        case .string(let t)?: allowed = [t]
        case .array(let ts)?: allowed = ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: return []
        }
        if v.typeNames.contains(where: allowed.contains) { return [] }
        return [SchemaError(path: path, message: "expected \(allowed.joined(separator: " or ")), found \(v.typeNames[0])")]
    }

    private func valueErrors(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        var errors: [SchemaError] = []
        func fail(_ m: String) { errors.append(SchemaError(path: path, message: m)) }
        if case .array(let options)? = s["enum"], !options.contains(v) { fail("not one of the allowed values") }
        if let c = s["const"], c != v { fail("must be the constant value") }
        if case .string(let p)? = s["pattern"], case .string(let text) = v, !Self.matches(text, p) { fail("does not match \(p)") }
        if case .number(let x) = v {
            if case .number(let m)? = s["minimum"], x < m { fail("less than \(m)") }
            if case .number(let m)? = s["maximum"], x > m { fail("greater than \(m)") }
            if case .number(let m)? = s["exclusiveMinimum"], x <= m { fail("not greater than \(m)") }
        }
        return errors
    }

    /// ECMA-262 `pattern` semantics with ICU: a search, where `$` is the end of the text (ICU's `$` also matches
    /// before a final line break, which JavaScript's does not).
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let icu = pattern.hasSuffix("$") && !pattern.hasSuffix("\\$") ? String(pattern.dropLast()) + "\\z" : pattern
        guard let re = try? NSRegularExpression(pattern: icu) else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension SchemaValidator {
    private func objectErrors(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        guard case .object(let members) = v else { return [] }
        var errors: [SchemaError] = []
        if case .array(let required)? = s["required"] {
            for case .string(let key) in required where !members.contains(where: { $0.0 == key }) {
                errors.append(SchemaError(path: path, message: "missing required property '\(key)'"))
            }
        }
        if case .number(let n)? = s["minProperties"], Double(members.count) < n {
            errors.append(SchemaError(path: path, message: "fewer than \(Int(n)) properties"))
        }
        if case .number(let n)? = s["maxProperties"], Double(members.count) > n {
            errors.append(SchemaError(path: path, message: "more than \(Int(n)) properties"))
        }
        for (key, value) in members {
            let at = path + "/" + key
            if let names = s["propertyNames"] { errors += validate(.string(key), names, at: at) }
            if let sub = s["properties"]?[key] {
                errors += validate(value, sub, at: at)
            } else if let extra = s["additionalProperties"] {
                if extra == .bool(false) {
                    errors.append(SchemaError(path: at, message: "property '\(key)' is not allowed"))
                } else {
                    errors += validate(value, extra, at: at)
                }
            }
        }
        return errors
    }

    private func arrayErrors(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        guard case .array(let items) = v else { return [] }
        var errors: [SchemaError] = []
        if case .number(let n)? = s["minItems"], Double(items.count) < n {
            errors.append(SchemaError(path: path, message: "fewer than \(Int(n)) items"))
        }
        if s["uniqueItems"] == .bool(true) {
            for (i, item) in items.enumerated() where items[..<i].contains(item) {
                errors.append(SchemaError(path: "\(path)/\(i)", message: "duplicate of an earlier item"))
            }
        }
        if let sub = s["items"] {
            for (i, item) in items.enumerated() { errors += validate(item, sub, at: "\(path)/\(i)") }
        }
        return errors
    }

    /// `anyOf`/`oneOf` failures are reported where they apply, with the closest branch's errors in the message.
    private func combinatorErrors(_ v: JSONValue, _ s: JSONValue, at path: String) -> [SchemaError] {
        var errors: [SchemaError] = []
        if case .array(let all)? = s["allOf"] { for sub in all { errors += validate(v, sub, at: path) } }
        if case .array(let any)? = s["anyOf"] {
            let results = any.map { validate(v, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                errors.append(SchemaError(path: path, message: "matches no alternative" + closest(results, at: path)))
            }
        }
        if case .array(let one)? = s["oneOf"] {
            let results = one.map { validate(v, $0, at: path) }
            let passing = results.filter(\.isEmpty).count
            if passing != 1 {
                errors.append(SchemaError(path: path, message: passing == 0
                    ? "matches no alternative" + closest(results, at: path) : "matches \(passing) alternatives, exactly one allowed"))
            }
        }
        if let not = s["not"], validate(v, not, at: path).isEmpty {
            errors.append(SchemaError(path: path, message: "matches a form that is not allowed here"))
        }
        if let cond = s["if"] {
            let branch = validate(v, cond, at: path).isEmpty ? s["then"] : s["else"]
            if let branch { errors += validate(v, branch, at: path) }
        }
        return errors
    }

    /// For messages: the errors of the alternative that failed least, preferring one whose type or value fits.
    private func closest(_ results: [[SchemaError]], at path: String) -> String {
        func misfit(_ errors: [SchemaError]) -> Bool {
            errors.contains { $0.path == path && ($0.message.hasPrefix("expected ") || $0.message.hasPrefix("not one of")) }
        }
        guard let best = results.min(by: { (misfit($0) ? 1 : 0, $0.count) < (misfit($1) ? 1 : 0, $1.count) }) else { return "" }
        return " (closest: " + best.map(\.description).joined(separator: "; ") + ")"
    }
}
