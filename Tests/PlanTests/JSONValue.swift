/// A JSON value; objects keep their members in order (the YAML reader's order, first key wins).
enum JSONValue: Equatable, Decodable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([(String, JSONValue)])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let x = try? c.decode(Double.self) { self = .number(x) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
    }

    /// JSON equality: objects compare as sets of members.
    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)):
            x.count == y.count && x.allSatisfy { m in y.contains { $0.0 == m.0 && $0.1 == m.1 } }
        default: false
        }
    }

    /// A member of an object, or an item of an array by its decimal index.
    subscript(_ key: String) -> JSONValue? {
        switch self {
        case .object(let members): return members.first { $0.0 == key }?.1
        case .array(let items): return Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
        default: return nil
        }
    }

    /// The JSON Schema type names this value has ("integer" is also "number").
    var typeNames: [String] {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(let x): x == x.rounded() && x.isFinite ? ["number", "integer"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}
