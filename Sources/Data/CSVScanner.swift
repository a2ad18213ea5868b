/// An RFC 4180 scanner over a whole file's bytes, with the contract's extras: optional BOM, CRLF or LF, blank
/// lines (only spaces and tabs) skipped, values trimmed of spaces and tabs, physical line numbers.
///
/// Escaped quotes (`""`) are undone in place, so every field is a plain span of the (mutable) buffer and no
/// `String` is made per field.
struct CSVScanner {
    /// A record's outcome: where it begins and, for a quoting error, why and at which field.
    struct Record {
        var line: Int
        var error: String?
    }

    private let b: UnsafeMutableRawBufferPointer
    private var pos = 0
    private(set) var line = 1

    init(_ buffer: UnsafeMutableRawBufferPointer) {
        b = buffer
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { pos = 3 }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    @inline(__always) private func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Length of the line break at `p` (1 for LF, 2 for CRLF), 0 if none.
    @inline(__always) private func breakLength(_ p: Int) -> Int {
        if b[p] == Self.lf { return 1 }
        return (b[p] == Self.cr && p + 1 < b.count && b[p + 1] == Self.lf) ? 2 : 0
    }

    /// Skips blank lines; false at the end of the input.
    private mutating func skipBlankLines() -> Bool {
        while true {
            var p = pos
            while p < b.count, isBlank(b[p]) { p += 1 }
            if p >= b.count { pos = p; return false }
            let k = breakLength(p)
            if k == 0 { return true }
            pos = p + k
            line += 1
        }
    }

    /// After an error: the record ends at the end of the current physical line.
    private mutating func skipLine(from start: Int) {
        var p = start
        while p < b.count, b[p] != Self.lf { p += 1 }
        if p < b.count { p += 1; line += 1 }
        pos = p
    }

    /// Reads the next record's fields into `spans` (trimmed); nil at the end of the input.
    /// On a quoting error, `spans` holds the fields read before the failing one.
    mutating func next(into spans: inout [Span]) -> Record? {
        spans.removeAll(keepingCapacity: true)
        guard skipBlankLines() else { return nil }
        let record = Record(line: line, error: nil)
        var p = pos
        while true {
            while p < b.count, isBlank(b[p]) { p += 1 }
            if p < b.count, b[p] == Self.quote {
                p += 1
                let start = p
                var w = p
                while true {
                    guard p < b.count else { pos = p; return Record(line: record.line, error: "unterminated quote") }
                    let c = b[p]
                    if c == Self.quote {
                        if p + 1 < b.count, b[p + 1] == Self.quote { b[w] = c; w += 1; p += 2; continue }
                        p += 1
                        break
                    }
                    if c == Self.lf { line += 1 }
                    b[w] = c; w += 1; p += 1
                }
                spans.append(trim(Span(start: start, count: w - start)))
                while p < b.count, isBlank(b[p]) { p += 1 }
                if p < b.count, b[p] != Self.comma, breakLength(p) == 0 {
                    skipLine(from: p)
                    return Record(line: record.line, error: "text after a closing quote")
                }
            } else {
                let start = p
                while p < b.count, b[p] != Self.comma, b[p] != Self.lf, !(b[p] == Self.cr && breakLength(p) == 2) {
                    if b[p] == Self.quote {
                        skipLine(from: p)
                        return Record(line: record.line, error: "quote inside an unquoted field")
                    }
                    p += 1
                }
                spans.append(trim(Span(start: start, count: p - start)))
            }
            if p >= b.count { pos = p; return record }
            if b[p] == Self.comma { p += 1; continue }
            let k = breakLength(p)
            pos = p + k
            line += 1
            return record
        }
    }

    private func trim(_ s: Span) -> Span {
        var lo = s.start, hi = s.start + s.count
        while lo < hi, isBlank(b[lo]) { lo += 1 }
        while hi > lo, isBlank(b[hi - 1]) { hi -= 1 }
        return Span(start: lo, count: hi - lo)
    }
}
