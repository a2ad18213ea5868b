/// A JSON value; numbers keep their text as written so `1` and `1.0` stay distinguishable, and bools stay
/// bools (Foundation's `JSONSerialization` would turn both into `NSNumber`).
indirect enum JSONValue: Sendable, Hashable {
    case string(String), number(String), bool(Bool), null
    case array([JSONItem])
    case object([JSONMember])

    /// The scalar's text as the contract reads it (`true` → "true", null → ""), nil for arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        case .array, .object: nil
        }
    }
}

/// One element of a JSON array, with where it starts (1-based line and byte column).
struct JSONItem: Sendable, Hashable {
    var value: JSONValue
    var line: Int
    var column: Int
}

/// One member of a JSON object, with where its value starts.
struct JSONMember: Sendable, Hashable {
    var key: String
    var value: JSONValue
    var line: Int
    var column: Int
}

/// Why a JSON text is malformed, with a 1-based line and column (in bytes).
struct JSONError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

/// A strict RFC 8259 reader over UTF-8 bytes with a nesting limit, so hostile input cannot exhaust the stack.
struct JSONReader {
    static let maxDepth = 64  // data records nest 3 levels; a low limit keeps recursion safe on small thread stacks
    let b: UnsafeRawBufferPointer
    var p: Int
    private(set) var line: Int
    private var lineStart: Int

    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0, line: Int = 1) {
        b = bytes; p = start; self.line = line; lineStart = start
    }

    var column: Int { p - lineStart + 1 }
    var atEnd: Bool { p >= b.count }

    func error(_ message: String) -> JSONError { JSONError(message: message, line: line, column: column) }

    /// The next non-whitespace byte (0 at the end), after skipping whitespace.
    mutating func peek() -> UInt8 {
        while p < b.count {
            switch b[p] {
            case 0x20, 0x09, 0x0D: p += 1
            case 0x0A: p += 1; line += 1; lineStart = p
            default: return b[p]
            }
        }
        return 0
    }

    /// Consumes `c` (after whitespace) or fails.
    mutating func expect(_ c: UInt8, _ what: String) throws(JSONError) {
        guard peek() == c else { throw error("expected \(what)") }
        p += 1
    }

    /// Reads one value.
    mutating func value(depth: Int = 0) throws(JSONError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
        switch peek() {
        case UInt8(ascii: "{"): return try object(depth)
        case UInt8(ascii: "["):
            p += 1
            var items: [JSONItem] = []
            if peek() == UInt8(ascii: "]") { p += 1; return .array(items) }
            while true {
                _ = peek()
                let (l, c) = (line, column)
                items.append(JSONItem(value: try value(depth: depth + 1), line: l, column: c))
                if peek() == UInt8(ascii: ",") { p += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return .array(items)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case 0: throw error("unexpected end of input")
        default: return .number(try number())
        }
    }

    private mutating func object(_ depth: Int) throws(JSONError) -> JSONValue {
        p += 1
        var members: [JSONMember] = []
        if peek() == UInt8(ascii: "}") { p += 1; return .object(members) }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "':'")
            _ = peek()
            let (l, c) = (line, column)
            members.append(JSONMember(key: key, value: try value(depth: depth + 1), line: l, column: c))
            if peek() == UInt8(ascii: ",") { p += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return .object(members)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard p + w.count <= b.count, w.indices.allSatisfy({ b[p + $0] == w[$0] }) else {
            throw error("invalid literal")
        }
        p += w.count
    }
}
