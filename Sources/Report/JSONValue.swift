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
        var out = JSONStream(capacity: 1 << 16)
        write(to: &out, workers: workers)
        out.newline()
        return String(decoding: out.finish(), as: UTF8.self)
    }

    /// Writes the value where the stream stands: `JSONStream` is the one writer of JSON text (layout, escapes).
    func write(to out: inout JSONStream, workers: Int = 1) {
        switch self {
        case .written(let body): body(&out)
        case .null: out.null()
        case .bool(let b): out.bool(b)
        case .int(let i): out.int(i)
        case .number(let d): out.number(d)
        case .string(let s): out.string(s)
        case .array(let items):
            out.beginArray()
            if workers > 1, items.count >= 64 {
                out.items(items.count, workers: workers) { i, s in items[i].write(to: &s) }
            } else {
                for item in items {
                    out.item()
                    item.write(to: &out)
                }
            }
            out.endArray()
        case .object(let members):
            out.beginObject()
            for (key, value) in members {
                out.key(text: key)
                value.write(to: &out, workers: workers)
            }
            out.endObject()
        }
    }

    /// Integral values print without a fraction; others in Swift's shortest round-trip form. NaN/∞ are not JSON: null.
    static func number(_ d: Double) -> String {
        d.isFinite ? NumberText.machine(d) : "null"
    }
}
