import Data
import Engine

/// A JSON document with object keys in the order they were built, so the same result always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value written by a `JSONStream` writer where it stands, for parts also streamed into large documents.
    case written(@Sendable (inout JSONStream) -> Void)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

    /// `nil` becomes `null`.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    public static func optional(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
    public static func optional(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }

    /// Two-space indented, one member per line, UTF-8 text unescaped, newline at the end.
    /// `workers` > 1 renders the items of large arrays on that many threads; the bytes are the same.
    public func render(workers: Int = 1) -> String {
        // Written as bytes: a province's result runs to tens of megabytes, and appending to a String scalar by
        // scalar was a quarter of a check's time (measured with perf on 2M dossiers).
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0, workers: workers)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The items of an array, each on its own line, rendered in pieces on `workers` threads and joined in order.
    private static func writeItems(_ items: [JSONValue], into out: inout [UInt8], indent: Int, workers: Int) {
        let pieces = Swift.min(items.count, workers * 8)
        let parts = Parallel.map(pieces, workers: workers) { p -> [UInt8] in
            var buffer: [UInt8] = []
            for i in (p * items.count / pieces)..<((p + 1) * items.count / pieces) {
                pad(&buffer, indent + 1)
                items[i].write(into: &buffer, indent: indent + 1, workers: 1)
                buffer += (i + 1 < items.count ? ",\n" : "\n").utf8
            }
            return buffer
        }
        for part in parts { out += part }
    }

    func write(into out: inout [UInt8], indent: Int, workers: Int = 1) {
        switch self {
        case .written(let body):
            var stream = JSONStream(indent: indent)
            body(&stream)
            out += stream.bytes
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .number(let d): out += Self.number(d).utf8
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out += "[\n".utf8
            if workers > 1, items.count >= 64 {
                Self.writeItems(items, into: &out, indent: indent, workers: workers)
            } else {
                for (i, item) in items.enumerated() {
                    Self.pad(&out, indent + 1)
                    item.write(into: &out, indent: indent + 1)
                    out += (i + 1 < items.count ? ",\n" : "\n").utf8
                }
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (i, (key, value)) in members.enumerated() {
                Self.pad(&out, indent + 1)
                Self.escape(key, into: &out)
                out += ": ".utf8
                value.write(into: &out, indent: indent + 1, workers: workers)
                out += (i + 1 < members.count ? ",\n" : "\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ out: inout [UInt8], _ indent: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Integral values print without a fraction; others in Swift's shortest round-trip form. NaN/∞ are not JSON: null.
    static func number(_ d: Double) -> String {
        d.isFinite ? NumberText.machine(d) : "null"
    }

    /// The escape of `"`, `\\` or a control character.
    static func escapeByte(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += "\\\"".utf8
        case UInt8(ascii: "\\"): out += "\\\\".utf8
        case UInt8(ascii: "\n"): out += "\\n".utf8
        case UInt8(ascii: "\r"): out += "\\r".utf8
        case UInt8(ascii: "\t"): out += "\\t".utf8
        default:
            let hex = Array("0123456789abcdef".utf8)
            out += "\\u00".utf8
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
    }

    /// Quotes a string; only `"`, `\\` and control characters are escaped (bytes ≥ 0x80 are UTF-8 text, kept).
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                escapeByte(byte, into: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
