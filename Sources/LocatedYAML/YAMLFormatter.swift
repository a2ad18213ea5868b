import Common

/// Normalises the layout of a YAML file without touching its content, so that diffs between two years of a plan
/// show what changed, not how it was typed.
///
/// Block mappings and sequences are indented two spaces per level (sequences under a key indented too), one
/// space follows a `-` and the colon of a plain key, trailing spaces go, runs of blank lines become one, and the
/// file ends with one newline. Comments, quoting, flow collections (`{…}`, `[…]`) and key order are kept as
/// written. The result is parsed again and compared with the original, node by node: a layout change that would
/// change a value is never written.
public enum YAMLFormatter {
    /// The formatted text, or the file's parse error.
    public static func format(_ text: String, file: String) -> Result<String, Diagnostic> {
        let source = text.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
        let original: YAMLNode?
        switch YAMLParser.parse(source, file: file) {
        case .failure(let d): return .failure(d)
        case .success(let n): original = n
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var layout: YAMLLayout?
        if let original {
            let l = YAMLLayout(lines: lines, root: original)
            layout = l.conflict ? nil : l
        }
        // Tidy whitespace too when that keeps the content (trailing spaces and blank lines can be block-scalar text).
        for tidy in [true, false] {
            let candidate = render(lines, layout: layout, tidy: tidy)
            if case .success(let again) = YAMLParser.parse(candidate, file: file), sameContent(original, again) {
                return .success(candidate)
            }
        }
        return .success(source.hasSuffix("\n") || source.isEmpty ? source : source + "\n")
    }

    /// The lines re-indented by the layout's anchors; continuation and comment lines move with their owner.
    static func render(_ lines: [[Unicode.Scalar]], layout: YAMLLayout?, tidy: Bool) -> String {
        var out: [String] = []
        var owners: [(column: Int, shift: Int)] = []      // anchors above the current line, innermost last
        for (index, chars) in lines.enumerated() {
            let number = index + 1
            let indent = chars.prefix { $0 == " " }.count
            var line = chars
            if indent == chars.count {
                out.append(tidy ? "" : String(String.UnicodeScalarView(chars)))
                continue
            }
            let shift: Int
            if let anchor = layout?.anchors[number], anchor.actual == indent + 1 {
                shift = anchor.desired - anchor.actual
                line = tighten(line, anchor)
                while let last = owners.last, last.column >= anchor.actual { owners.removeLast() }
                owners.append((anchor.actual, shift))
            } else if chars[indent] == "#", let next = nextAnchor(after: number, layout), next.actual == indent + 1 {
                shift = next.desired - next.actual              // a comment belongs to the entry it introduces
            } else {
                shift = owners.last { $0.column < indent + 1 }?.shift ?? 0
            }
            let body = line.dropFirst(indent)
            var text = String(repeating: " ", count: max(0, indent + shift)) + String(String.UnicodeScalarView(body))
            if tidy { while text.last == " " || text.last == "\t" { text.removeLast() } }
            out.append(text)
        }
        if tidy { out = collapseBlankLines(out) }
        while out.last == "" { out.removeLast() }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// One space after a sequence dash and after the colon of a plain key, whatever the source had.
    static func tighten(_ line: [Unicode.Scalar], _ anchor: YAMLLayout.Anchor) -> [Unicode.Scalar] {
        var line = line
        if let colon = anchor.colon { line = oneSpace(line, after: colon - 1) }
        if anchor.dash { line = oneSpace(line, after: anchor.actual - 1) }
        return line
    }

    /// Replaces the run of spaces after the 0-based position `index` with one space, when text follows it.
    private static func oneSpace(_ line: [Unicode.Scalar], after index: Int) -> [Unicode.Scalar] {
        var end = index + 1
        while end < line.count, line[end] == " " { end += 1 }
        guard end > index + 1, end < line.count else { return line }
        return Array(line[...index]) + [" "] + Array(line[end...])
    }

    private static func nextAnchor(after line: Int, _ layout: YAMLLayout?) -> YAMLLayout.Anchor? {
        guard let layout else { return nil }
        var n = line + 1
        while n <= layout.lines.count {
            if let a = layout.anchors[n] { return a }
            let chars = layout.lines[n - 1]
            let first = chars.first { $0 != " " }
            if first != nil, first != "#" { return nil }
            n += 1
        }
        return nil
    }

    /// No leading blank lines and never two blank lines in a row.
    private static func collapseBlankLines(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
        return out
    }

    /// Same structure, tags, quoting and text (byte for byte), locations aside.
    public static func sameContent(_ a: YAMLNode?, _ b: YAMLNode?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.tag == b.tag else { return false }
        switch (a.kind, b.kind) {
        case let (.scalar(x, qx), .scalar(y, qy)): return qx == qy && x.utf8.elementsEqual(y.utf8)
        case let (.sequence(xs), .sequence(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { sameContent($0, $1) }
        case let (.mapping(xs), .mapping(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { sameContent($0.key, $1.key) && sameContent($0.value, $1.value) }
        default: return false
        }
    }
}
