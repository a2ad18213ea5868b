/// An RFC 4180 scanner over a file's bytes (read-only), with the contract's extras: optional BOM, CRLF or LF,
/// blank lines (only spaces and tabs) skipped, values trimmed of spaces and tabs, physical line numbers counted
/// from where the scan starts.
///
/// Fields are spans of the file; a quoted field with escaped quotes (`""`) is undone into a scratch arena that
/// lives until the next record. A scan can stop at a limit (records starting at or after it belong to the next
/// chunk) and give up on a record running past a second limit (see `CSVChunks`).
struct CSVScanner {
    /// A record's first line and, for a quoting error, why (a plain enum: a String here cost a retain and a
    /// release per record).
    struct Record {
        var line: Int
        var error: QuoteError?
    }

    enum QuoteError: String {
        case unterminated = "unterminated quote"
        case textAfterQuote = "text after a closing quote"
        case quoteInUnquoted = "quote inside an unquoted field"
    }

    enum Step {
        case record(Record)
        /// No record starts before the limit (or the input ended).
        case end
        /// The record starting at `pos` runs past the overrun limit; `pos` and `line` are left at its start.
        case overrun
    }

    let b: UnsafePointer<UInt8>
    let n: Int
    var pos: Int
    /// Line breaks passed since the scan started (so the current line is `line + 1` from the start).
    var line = 0
    private var scratch = ScratchArena()

    init(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        b = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? UnsafePointer(bitPattern: 1)!
        n = bytes.count
        pos = start
    }

    static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Length of the line break at `p` (1 for LF, 2 for CRLF), 0 if none.
    @inline(__always) private func breakLength(_ p: Int) -> Int {
        if b[p] == Self.lf { return 1 }
        return (b[p] == Self.cr && p + 1 < n && b[p + 1] == Self.lf) ? 2 : 0
    }

    /// Reads the next record starting before `limit` into `fields` (trimmed spans); on a quoting error, `fields`
    /// holds the fields read before the failing one. A record whose bytes reach `overrun` (< input end) is not
    /// read: `.overrun`, and the scanner stays at its start.
    mutating func next(into fields: GrowBuffer<UnsafeRawBufferPointer>, limit: Int, overrun: Int) -> Step {
        fields.clear()
        scratch.reset()
        // Blank lines, a line at a time, so a stop at `limit` lands exactly on a line start.
        while true {
            if pos >= limit { return .end }
            var p = pos
            while p < n, isBlank(b[p]) { p += 1 }
            if p >= n { pos = p; return .end }
            let k = breakLength(p)
            if k == 0 { break }
            pos = p + k
            line += 1
        }
        let startLine = line
        let end = min(n, overrun)
        if simpleRecord(into: fields, end) { return .record(Record(line: startLine, error: nil)) }
        var p = pos
        func stop(_ error: QuoteError) -> Step { .record(Record(line: startLine, error: error)) }
        while true {
            // The usual field: no blank or quote first, ended by a comma. One word-at-a-time search, no rescan.
            if p < end {
                let c0 = b[p]
                if c0 != Self.quote && c0 != 0x20 && c0 != 0x09 {
                    let (q, isComma) = delimiter(from: p, end)
                    if isComma && q < end {
                        var last = q
                        while last > p, isBlank(b[last - 1]) { last -= 1 }
                        fields.append(UnsafeRawBufferPointer(start: b + p, count: last - p))
                        p = q + 1
                        continue
                    }
                }
            }
            while p < end, isBlank(b[p]) { p += 1 }
            if p < end, b[p] == Self.quote {
                p += 1
                let start = p
                var escapes = 0
                while true {
                    p = nextInQuotes(from: p, end)
                    guard p < end else {
                        if end < n { line = startLine; return .overrun }
                        pos = n
                        return stop(.unterminated)
                    }
                    if b[p] == Self.lf { line += 1; p += 1; continue }
                    if p + 1 < n, b[p + 1] == Self.quote { escapes += 1; p += 2; continue }
                    break
                }
                fields.append(trim(escapes == 0 ? UnsafeRawBufferPointer(start: b + start, count: p - start)
                                                : unescape(start, p, escapes)))
                p += 1
                while p < end, isBlank(b[p]) { p += 1 }
                if p < end, b[p] != Self.comma, breakLength(p) == 0 { return skipLine(from: p, end, startLine, .textAfterQuote) }
            } else {
                // The common case, kept branch-light: find the delimiter, trim trailing blanks, store the span.
                let start = p
                var c: UInt8 = 0
                while true {
                    p = nextSpecial(from: p, end)
                    if p >= end { break }
                    c = b[p]
                    if c == Self.comma || c == Self.lf { break }
                    if c == Self.cr && p + 1 < n && b[p + 1] == Self.lf { break }
                    if c == Self.quote { return skipLine(from: p, end, startLine, .quoteInUnquoted) }
                    p += 1  // a space, tab, lone CR or other low byte inside the value
                }
                if p >= end {
                    if end < n { line = startLine; return .overrun }
                    p = n
                    c = 0
                }
                var last = p
                while last > start, isBlank(b[last - 1]) { last -= 1 }
                fields.append(UnsafeRawBufferPointer(start: b + start, count: last - start))
                if c == Self.comma { p += 1; continue }
                if c == 0 { pos = n; return .record(Record(line: startLine, error: nil)) }
                pos = p + (c == Self.lf ? 1 : 2)
                line += 1
                return .record(Record(line: startLine, error: nil))
            }
            if p >= end && end < n { line = startLine; return .overrun }
            if p >= n { pos = p; return .record(Record(line: startLine, error: nil)) }
            if b[p] == Self.comma { p += 1; continue }
            pos = p + breakLength(p)
            line += 1
            return .record(Record(line: startLine, error: nil))
        }
    }

    /// After an error: the record ends at the end of the current physical line.
    private mutating func skipLine(from start: Int, _ end: Int, _ startLine: Int, _ error: QuoteError) -> Step {
        var p = start
        while p < end, b[p] != Self.lf { p += 1 }
        if p >= end && end < n { line = startLine; return .overrun }
        if p < n { p += 1; line += 1 }
        pos = p
        return .record(Record(line: startLine, error: error))
    }

    /// The quoted field `start..<end` with each `""` made `"`, in the scratch arena.
    private mutating func unescape(_ start: Int, _ end: Int, _ escapes: Int) -> UnsafeRawBufferPointer {
        let out = scratch.allocate(end - start - escapes)
        var w = 0, p = start
        while p < end {
            out[w] = b[p]
            w += 1
            p += b[p] == Self.quote ? 2 : 1
        }
        return UnsafeRawBufferPointer(start: out, count: w)
    }

    /// Frees the scratch arena (call when the scan is done).
    mutating func release() { scratch.free(); scratch = ScratchArena() }

    @inline(__always) private func trim(_ s: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer { ValueParse.trimmed(s) }
}
