/// A value crossing the Swift/Lua boundary: the `ctx` given to a check, what it returns, and finding fields.
///
/// Lua → Swift: a table whose keys are exactly the integers 1...n becomes `.list` (an empty table is `.list([])`);
/// any other table becomes `.table` with its keys as strings (numbers written the Lua way), sorted bytewise
/// (UTF-8) so the result never depends on Lua's hash order. Swift → Lua: `.list` is 1-based, `.null` is nil
/// (so a `.null` table entry is simply absent).
public indirect enum LuaValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case list([LuaValue])
    /// Keys in the order given; tables read back from Lua have their keys sorted.
    case table([(String, LuaValue)])

    /// Structural equality; `.table` compares keys and values pairwise in order, `.integer(1) != .number(1)`.
    public static func == (a: LuaValue, b: LuaValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.table(let x), .table(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of the first entry named `key` of a `.table`; nil for a missing key or any other case.
    public subscript(key: String) -> LuaValue? {
        guard case .table(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The element at a 0-based position of a `.list`; nil when out of range or not a list.
    public subscript(index: Int) -> LuaValue? {
        guard case .list(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// A number as a Double (`.integer` converted); nil for any other case.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let n): return n
        default: return nil
        }
    }

    /// An integer, or a float with an exact integer value; nil otherwise.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let n): return Int64(exactly: n)
        default: return nil
        }
    }

    /// The text of a `.string`; nil for any other case (numbers are not converted).
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The flag of a `.bool`; nil for any other case.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
