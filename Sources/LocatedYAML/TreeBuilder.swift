import Common

/// Builds the node tree from parser events.
///
/// Open collections live on a stack of structs that are mutated in place (`stack[top].items.append`):
/// popping a frame, appending and pushing it back would copy the array on every item (O(n²)).
struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        /// For mappings: key, value, key, value… — paired up once, when the mapping closes.
        var items: [YAMLNode] = []
        var location: SourceLocation
        var tag: String?
        var anchor: String?
        /// Nodes inside this collection, itself excluded (for the alias budget).
        var size = 0
    }

    let file: String
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    /// Anchored nodes and their node counts.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    /// How many nodes alias expansion may still add; guards against "billion laughs" documents.
    private var aliasBudget: Int

    init(file: String, aliasBudget: Int) {
        self.file = file
        self.aliasBudget = aliasBudget
    }

    /// Adds a finished scalar (or expanded alias) to the innermost open collection.
    mutating func add(_ node: YAMLNode, anchor: String?, size: Int = 1) {
        if let anchor { anchors[anchor] = (node, size) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
            stack[stack.count - 1].size += size
        }
    }

    /// Opens a sequence or mapping; fails when nesting is deeper than `YAMLParser.maxDepth`.
    mutating func open(isMapping: Bool, at location: SourceLocation, tag: String?, anchor: String?) -> Diagnostic? {
        if stack.count >= YAMLParser.maxDepth {
            return Diagnostic(location, code: "yaml-too-deep", "collections nested more than \(YAMLParser.maxDepth) levels deep")
        }
        stack.append(Frame(isMapping: isMapping, location: location, tag: tag, anchor: anchor))
        return nil
    }

    /// Closes the innermost collection and adds it to its parent.
    mutating func close() {
        guard let frame = stack.popLast() else { return }
        let kind: YAMLNode.Kind
        if frame.isMapping {
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(frame.items.count / 2)
            var i = 0
            while i + 1 < frame.items.count {
                pairs.append(YAMLPair(key: frame.items[i], value: frame.items[i + 1]))
                i += 2
            }
            kind = .mapping(pairs)
        } else {
            kind = .sequence(frame.items)
        }
        add(YAMLNode(kind: kind, location: frame.location, tag: frame.tag), anchor: frame.anchor, size: frame.size + 1)
    }

    /// Expands `*name`: a copy of the anchored node, located at the alias. Copies share storage until mutated.
    mutating func alias(_ name: String, at location: SourceLocation) -> Diagnostic? {
        guard let (node, size) = anchors[name] else {
            return Diagnostic(location, code: "yaml-syntax", "alias '*\(name)' refers to no anchor defined before it")
        }
        aliasBudget -= size
        if aliasBudget < 0 {
            return Diagnostic(location, code: "yaml-alias-limit", "aliases expand to too many nodes (is this an alias bomb?)")
        }
        var copy = node
        copy.location = location
        add(copy, anchor: nil, size: size)
        return nil
    }
}
