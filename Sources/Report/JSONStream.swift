import Common
import Data

/// Writes JSON text straight into bytes, in exactly the layout `JSONValue.render` gives (two-space indent, one
/// member per line, `{}`/`[]` when empty), so large documents need no tree.
///
/// Why: a province's result holds tens of thousands of findings; building a `JSONValue` tree of them, rendering
/// it and freeing it took longer than evaluating the plan (perf and phase timings on 2M dossiers: 0.3 s of 1.3 s).
public struct JSONStream {
    private(set) var bytes: [UInt8] = []

    /// The text written, handed over without a copy.
    consuming func finish() -> [UInt8] { bytes }
    /// Per open container, whether nothing has been written in it yet; its count is the indent of members.
    private var empty: [Bool] = []

    init(capacity: Int = 1 << 12) { bytes.reserveCapacity(capacity) }

    /// A stream writing a value that stands `indent` levels deep in a document.
    init(indent: Int) { empty = Array(repeating: false, count: indent) }

    /// A stream that continues inside an open container of another stream, `depth` deep (`first`: nothing
    /// written in it yet), for writing a slice of its items on another thread.
    private init(depth: Int, first: Bool, capacity: Int) {
        bytes.reserveCapacity(capacity)
        empty = Array(repeating: false, count: depth)
        empty[depth - 1] = first
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object. Keys are the schema's plain ASCII names: written as they are.
    mutating func key(_ name: StaticString) {
        next()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts the next member of the open object, with a key that is not a literal (escaped like any string).
    mutating func key(text name: String) {
        next()
        JSONValue.escape(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts the next item of the open array.
    mutating func item() { next() }

    mutating func string(_ s: String) { JSONValue.escape(s, into: &bytes) }
    mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func int(_ i: Int) {
        // Digits written in place: String(i) allocated for every line number of every finding.
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: more than the 20 digits of 2^64
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[at...])
        }
    }
    mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }
    mutating func number(_ d: Double) { bytes += JSONValue.number(d).utf8 }
    mutating func number(_ d: Double?) { if let d { number(d) } else { null() } }
    mutating func bool(_ b: Bool) { bytes += (b ? "true" : "false").utf8 }
    mutating func null() { bytes += "null".utf8 }
    /// The line feed that ends a document.
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }
    /// A small value built as a tree, written where the stream stands.
    mutating func value(_ v: JSONValue) { v.write(into: &bytes, indent: empty.count) }

    /// `key` then a string or null: the commonest member.
    mutating func member(_ name: StaticString, _ s: String?) {
        key(name)
        string(s)
    }

    /// `count` items of the open array, each written by `write(i, &stream)` after its `item()`, in pieces on
    /// `workers` threads and joined in order: the bytes are the same for any thread count.
    mutating func items(_ count: Int, workers: Int, _ write: (Int, inout JSONStream) -> Void) {
        guard count > 0 else { return }
        let depth = empty.count, first = empty[depth - 1]
        let pieces = Swift.min(count, Swift.max(1, workers) * 8)
        let parts = Parallel.map(pieces, workers: workers) { p -> [UInt8] in
            let lo = p * count / pieces, hi = (p + 1) * count / pieces
            var s = JSONStream(depth: depth, first: first && p == 0, capacity: (hi - lo) * 512)
            for i in lo..<hi {
                s.item()
                write(i, &s)
            }
            return s.bytes
        }
        for part in parts { bytes += part }
        empty[depth - 1] = false
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        if !empty.removeLast() {
            bytes.append(UInt8(ascii: "\n"))
            pad(empty.count)
        }
        bytes.append(bracket)
    }

    private mutating func next() {
        let depth = empty.count
        if empty[depth - 1] {
            empty[depth - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(UInt8(ascii: "\n"))
        pad(depth)
    }

    private mutating func pad(_ depth: Int) {
        let spaces: StaticString = "                                "
        var left = 2 * depth
        while left > 0 {
            let n = Swift.min(left, spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: spaces.utf8Start, count: n))
            left -= n
        }
    }
}
