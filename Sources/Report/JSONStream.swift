import Common
import Data

/// Writes JSON text straight into bytes: two-space indent, one member per line, `{}`/`[]` when empty. The one
/// writer of JSON text (`JSONValue.render` goes through it too), so large documents need no tree.
///
/// Why: a province's result holds tens of thousands of findings; building a `JSONValue` tree of them, rendering
/// it and freeing it took longer than evaluating the plan (perf and phase timings on 2M dossiers: 0.3 s of 1.3 s).
public struct JSONStream {
    private let out: ByteBuffer
    /// Bit d set: nothing has been written yet in the container open at depth d + 1 (documents nest a few levels).
    private var emptyBits: UInt64 = 0
    /// Open containers; also the indent of the next member.
    private var depth = 0

    init(capacity: Int = 1 << 12) { out = ByteBuffer(capacity: capacity) }

    /// A stream that continues inside an open container of another stream, `depth` deep (`first`: nothing
    /// written in it yet), for writing a slice of its items on another thread.
    private init(depth: Int, first: Bool, capacity: Int) {
        out = ByteBuffer(capacity: capacity)
        self.depth = depth
        if first { emptyBits = 1 << UInt64(depth - 1) }
    }

    /// The text written.
    consuming func finish() -> [UInt8] { out.array }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object. Keys are the schema's plain ASCII names: written as they are.
    mutating func key(_ name: StaticString) {
        next()
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\": ")
    }

    /// Starts the next member of the open object, with a key that is not a literal (escaped like any string).
    mutating func key(text name: String) {
        next()
        string(name)
        out.append(": ")
    }

    /// Starts the next item of the open array.
    mutating func item() { next() }

    /// Quotes a string; only `"`, `\\` and control characters are escaped (bytes ≥ 0x80 are UTF-8 text, kept).
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var start = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(bytes.baseAddress! + start, count: i - start)
                escape(byte)
                start = i + 1
            }
            if bytes.count > start { out.append(bytes.baseAddress! + start, count: bytes.count - start) }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The escape of `"`, `\\` or a control character.
    private func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append("\\u00")
            out.append(hex.utf8Start[Int(byte >> 4)])
            out.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    mutating func int(_ i: Int) {
        // Digits written in place: String(i) allocated for every line number of every finding.
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: more than the 20 digits of 2^64
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(buffer.baseAddress! + at, count: buffer.count - at)
        }
    }

    mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }
    mutating func number(_ d: Double) {
        var text: String = JSONValue.number(d)
        text.withUTF8 { out.append($0.baseAddress!, count: $0.count) }
    }
    mutating func number(_ d: Double?) { if let d { number(d) } else { null() } }
    mutating func bool(_ b: Bool) { out.append(b ? "true" : "false") }
    mutating func null() { out.append("null") }
    /// The line feed that ends a document.
    mutating func newline() { out.append(UInt8(ascii: "\n")) }

    /// A small value built as a tree, written where the stream stands.
    mutating func value(_ v: JSONValue) { v.write(to: &self) }

    /// `key` then a string or null: the commonest member.
    mutating func member(_ name: StaticString, _ s: String?) {
        key(name)
        string(s)
    }

    /// `count` items of the open array, each written by `write(i, &stream)` after its `item()`, in pieces on
    /// `workers` threads and joined in order: the bytes are the same for any thread count.
    mutating func items(_ count: Int, workers: Int, _ write: (Int, inout JSONStream) -> Void) {
        guard count > 0 else { return }
        let depth = self.depth, first = emptyBits & (1 << UInt64(depth - 1)) != 0
        let pieces = Swift.min(count, Swift.max(1, workers) * 8)
        let parts = Parallel.map(pieces, workers: workers) { p -> ByteBuffer in
            let lo = p * count / pieces, hi = (p + 1) * count / pieces
            var s = JSONStream(depth: depth, first: first && p == 0, capacity: (hi - lo) * 512)
            for i in lo..<hi {
                s.item()
                write(i, &s)
            }
            return s.out
        }
        for part in parts { out.append(part) }
        emptyBits &= ~(1 << UInt64(depth - 1))
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        precondition(depth < 64, "JSON nested more than 64 deep")  // documents are built by code, a few levels
        emptyBits |= 1 << UInt64(depth)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let bit: UInt64 = 1 << UInt64(depth)
        if emptyBits & bit == 0 {
            out.append(UInt8(ascii: "\n"))
            out.appendSpaces(2 * depth)
        }
        emptyBits &= ~bit
        out.append(bracket)
    }

    private mutating func next() {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if emptyBits & bit != 0 {
            emptyBits &= ~bit
            out.append(UInt8(ascii: "\n"))
        } else {
            out.append(",\n")
        }
        out.appendSpaces(2 * depth)
    }
}
