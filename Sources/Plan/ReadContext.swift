import Common
import LocatedYAML

/// State while reading one plan file: where it is and every diagnostic found so far.
final class ReadContext {
    var bag = DiagnosticBag()
    let file: String
    /// Names of every indicator and area written in the plan, valid or not: a reference to one that was
    /// dropped for its own error is not reported a second time as unknown.
    var writtenIndicators: Set<String> = []
    var writtenAreas: Set<String> = []

    init(file: String) { self.file = file }

    func error(_ at: SourceLocation, _ code: String, _ message: String) {
        bag.add(Diagnostic(at, .error, code: code, message))
    }

    func warning(_ at: SourceLocation, _ code: String, _ message: String) {
        bag.add(Diagnostic(at, .warning, code: code, message))
    }

    /// A mapping's pairs with scalar keys, the first of each key only; reports non-mappings, bad and duplicate keys.
    func uniquePairs(_ node: YAMLNode, what: String) -> [(key: String, pair: YAMLPair)]? {
        guard let pairs = node.mapping else {
            error(node.location, "expected-mapping", "expected a mapping for \(what), found \(node.kindDescription)")
            return nil
        }
        var seen: [String: SourceLocation] = [:]
        var result: [(key: String, pair: YAMLPair)] = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error(pair.key.location, "expected-string", "keys of \(what) must be strings, found \(pair.key.kindDescription)")
                continue
            }
            if let first = seen[key] {
                error(pair.key.location, "duplicate-key", "duplicate key '\(key)' in \(what) (first at line \(first.line))")
                continue
            }
            seen[key] = pair.key.location
            result.append((key, pair))
        }
        return result
    }
}

/// The keys of one mapping of the plan, checked against the keys it may have.
struct Fields {
    let node: YAMLNode
    /// What the mapping is, for messages: "target 'tthc.on_time'", "document".
    let what: String
    let ctx: ReadContext
    private var values: [String: YAMLNode] = [:]

    /// Nil (with an `expected-mapping` error) when `node` is not a mapping. Unknown keys are `unknown-key` errors.
    init?(_ node: YAMLNode, what: String, allowed: [String], ctx: ReadContext) {
        guard let pairs = ctx.uniquePairs(node, what: what) else { return nil }
        self.node = node
        self.what = what
        self.ctx = ctx
        for (key, pair) in pairs {
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)' in \(what)" + Suggest.hintOrList(for: key, among: allowed)
                if pair.value.isNull, pair.value.scalar == "", Suggest.closest(to: key, among: allowed) == nil {
                    // `{title: Sở, ban, ngành}`: in a flow mapping a comma ends the value.
                    message += "; if '\(key)' belongs to the text before it, quote that text (a comma ends a value inside {…})"
                }
                ctx.error(pair.key.location, "unknown-key", message)
                continue
            }
            values[key] = pair.value
        }
    }

    /// Whether the key is present with a non-null value.
    func has(_ key: String) -> Bool { values[key].map { !$0.isNull } ?? false }

    /// The key's value node; nil when absent or null (a `missing-key` error when `required`).
    func value(_ key: String, required: Bool = false) -> YAMLNode? {
        if let v = values[key], !v.isNull { return v }
        if required {
            if let v = values[key] {
                ctx.error(v.location, "missing-key", "'\(key)' of \(what) is empty (required)")
            } else {
                ctx.error(node.location, "missing-key", "\(what) has no '\(key)' (required)")
            }
        }
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { ctx.string($0, what: describe(key)) }
    }

    func number(_ key: String, required: Bool = false) -> Double? {
        value(key, required: required).flatMap { ctx.number($0, what: describe(key)) }
    }

    func integer(_ key: String, required: Bool = false) -> Int? {
        value(key, required: required).flatMap { ctx.integer($0, what: describe(key)) }
    }

    func bool(_ key: String) -> Bool? {
        value(key).flatMap { ctx.bool($0, what: describe(key)) }
    }

    func id(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { ctx.id($0, what: describe(key)) }
    }

    func kinds(_ key: String, required: Bool = false) -> [UnitKind]? {
        value(key, required: required).flatMap { ctx.kinds($0, what: describe(key)) }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        value(key).flatMap { ctx.choice($0, what: describe(key), type) }
    }

    /// "'points' of target 'x'", for messages.
    func describe(_ key: String) -> String { "'\(key)' of \(what)" }
}

extension ReadContext {
    /// "target 'tthc.on_time'" when the item's `key` is a scalar, else "target #3", for messages about list items.
    func name(of item: YAMLNode, kind: String, key: String, index: Int) -> String {
        if let id = item[key]?.scalar, !id.isEmpty { return "\(kind) '\(id)'" }
        return "\(kind) #\(index + 1)"
    }
}
