/// A YAML value handed to Lua checks as `ctx.params`: plain scalars are typed the YAML 1.2 core way, mapping keys keep file order.
public enum ParamValue: Sendable, Hashable {
    /// `~`, `null` or nothing.
    case null
    /// Plain `true` or `false`.
    case bool(Bool)
    /// A plain decimal number.
    case number(Double)
    /// Any other scalar, and every quoted one.
    case string(String)
    /// A sequence.
    case list([ParamValue])
    /// A mapping, keys in file order (a tuple array, so `entry.key`/`entry.value` and `$0.0`/`$0.1` both work).
    case map([(key: String, value: ParamValue)])

    /// The value under `key` of a map, nil otherwise.
    public subscript(key: String) -> ParamValue? {
        if case .map(let entries) = self { return entries.first { $0.key == key }?.value }
        return nil
    }

    // Tuples are not Hashable, so equality and hashing of maps are spelled out.
    public static func == (a: ParamValue, b: ParamValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.map(let x), .map(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .list(let items): hasher.combine(4); hasher.combine(items)
        case .map(let entries):
            hasher.combine(5)
            for entry in entries { hasher.combine(entry.key); hasher.combine(entry.value) }
        }
    }
}
