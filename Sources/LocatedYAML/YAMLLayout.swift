/// Where each line of a block-style YAML document should start: read from the parsed tree, so the formatter
/// knows which lines open a mapping key or a sequence item and at what column they belong.
struct YAMLLayout {
    /// A line that opens a key or an item: the column it starts at (1-based) and the column it should.
    struct Anchor: Equatable {
        var actual: Int
        var desired: Int
        /// For a `- ` line: normalise the spaces after the dash to one.
        var dash = false
        /// For `key:   value`: the column of the colon after a plain key, so the gap can become one space.
        var colon: Int?
    }

    let lines: [[Unicode.Scalar]]
    private(set) var anchors: [Int: Anchor] = [:]
    /// Set when two readings of the same line disagree (an alias copied a node): such a file is left as it is.
    private(set) var conflict = false

    init(lines: [[Unicode.Scalar]], root: YAMLNode) {
        self.lines = lines
        walk(root, desired: 1, skipLine: nil)
    }

    /// The character at a 1-based line and column, if any.
    func character(_ line: Int, _ column: Int) -> Unicode.Scalar? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
        return lines[line - 1][column - 1]
    }

    /// Whether `node` is a block (indentation-based) collection, not a flow one (`{…}`, `[…]`) or a scalar.
    private func isBlockCollection(_ node: YAMLNode) -> Bool {
        guard node.mapping != nil || node.sequence != nil else { return false }
        let c = character(node.location.line, node.location.column)
        return c != "{" && c != "["
    }

    private mutating func record(_ line: Int, _ anchor: Anchor) {
        if let old = anchors[line], old != anchor { conflict = true }
        anchors[line] = anchor
    }

    /// Records the anchors of a block collection whose entries belong at column `desired`; `skipLine` is the line
    /// of a `- ` that already opens the collection's first entry.
    private mutating func walk(_ node: YAMLNode, desired: Int, skipLine: Int?) {
        guard isBlockCollection(node) else { return }
        if let pairs = node.mapping {
            for pair in pairs { walkPair(pair, desired: desired, skipLine: skipLine) }
        } else if let items = node.sequence {
            for (i, item) in items.enumerated() {
                let start = (node.location.line, node.location.column)
                let dash = dashBefore(item) ?? (i == 0 && character(start.0, start.1) == "-" ? start : nil)
                walkItem(item, dash: dash, desired: desired)
            }
        }
    }

    private mutating func walkPair(_ pair: YAMLPair, desired: Int, skipLine: Int?) {
        let key = pair.key.location
        if key.line != skipLine { record(key.line, Anchor(actual: key.column, desired: desired, colon: colon(after: pair))) }
        // A nested block collection on its own line sits one step (two spaces) in, sequences included.
        if isBlockCollection(pair.value), pair.value.location.line > key.line {
            walk(pair.value, desired: desired + 2, skipLine: nil)
        }
    }

    private mutating func walkItem(_ item: YAMLNode, dash: (Int, Int)?, desired: Int) {
        guard let dash else { return }
        record(dash.0, Anchor(actual: dash.1, desired: desired, dash: true))
        guard isBlockCollection(item) else { return }
        // `- key: value`: the item's mapping starts after the dash and one space; its later keys line up with it.
        walk(item, desired: desired + 2, skipLine: item.location.line == dash.0 ? dash.0 : nil)
    }

    /// The `-` on the item's own line, left of the item; nil when the item starts on a later line than its dash.
    private func dashBefore(_ item: YAMLNode) -> (Int, Int)? {
        let line = item.location.line
        var column = item.location.column - 1
        while column >= 1, character(line, column) == " " { column -= 1 }
        guard column >= 1, character(line, column) == "-" else { return nil }
        // Only the line's first dash opens an item here (`- - x` nests; its inner items are not anchors).
        let before = (1..<column).allSatisfy { character(line, $0) == " " }
        return before ? (line, column) : nil
    }

    /// The colon's column in `key:   value` with a plain one-line key and the value on the same line.
    private func colon(after pair: YAMLPair) -> Int? {
        guard let text = pair.key.scalar, pair.key.isPlainScalar, !text.contains("\n"),
              pair.value.location.line == pair.key.location.line else { return nil }
        let end = pair.key.location.column + text.unicodeScalars.count
        guard character(pair.key.location.line, end) == ":" else { return nil }
        return end
    }
}
