import Common

/// One node of a YAML document, with the place it starts in the source (1-based line and column).
///
/// Aliases are already expanded: an alias becomes a copy of its anchored node, located at the alias
/// (nodes inside the copy keep the locations of the anchored original, where their text is written).
public struct YAMLNode: Sendable, Hashable {
    /// The three shapes a YAML node can have.
    public enum Kind: Sendable, Hashable {
        /// A scalar's text; `quoted` is true for every style except plain (single, double, literal `|`, folded `>`).
        case scalar(String, quoted: Bool)
        /// A sequence's items, in source order.
        case sequence([YAMLNode])
        /// A mapping's pairs, in source order; duplicate keys are kept (callers report them).
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts (for a block mapping or sequence: its first key or item).
    public var location: SourceLocation
    /// The explicit tag as written after resolution of handles (e.g. `tag:yaml.org,2002:str`), nil when untagged.
    public var tag: String?

    /// Makes a node.
    public init(kind: Kind, location: SourceLocation, tag: String? = nil) {
        self.kind = kind
        self.location = location
        self.tag = tag
    }
}

/// A key and its value in a YAML mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (usually a scalar, but YAML allows any node).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Makes a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// The scalar's text, or nil for a sequence or mapping.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// Whether the node is a scalar in plain style (no quotes, not a block scalar).
    public var isPlainScalar: Bool {
        if case .scalar(_, let quoted) = kind { return !quoted }
        return false
    }

    /// The mapping's pairs, or nil for a scalar or sequence.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The sequence's items, or nil for a scalar or mapping.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// YAML's null: a plain `~`, `null`, `Null`, `NULL` or empty scalar, or one tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let text, let quoted) = kind else { return false }
        if tag == "tag:yaml.org,2002:null" { return true }
        if quoted || tag != nil { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The value of the first pair whose key is the scalar `key`; nil for non-mappings or when absent.
    public subscript(key: String) -> YAMLNode? {
        guard let pairs = mapping else { return nil }
        return pairs.first { $0.key.scalar == key }?.value
    }

    /// What the node is, for messages: "a mapping", "a sequence", "null", "the string \"x\"" or "the value x".
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar(let text, let quoted):
            if isNull { return "null" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return quoted ? "the string \"\(shown)\"" : "the value \(shown)"
        }
    }
}
