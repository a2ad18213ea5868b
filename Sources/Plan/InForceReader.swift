import Common
import LocatedYAML

extension ReadContext {
    static let inForceKeys = ["from", "until", "value", "source"]

    /// A dated value: a list of `{from, until, value, source}` entries, none overlapping; nil after errors.
    func schedule<V>(_ node: YAMLNode, what: String, read: (YAMLNode, String) -> V?) -> [InForce<V>]? {
        guard let items = list(node, what: what), !items.isEmpty else {
            if node.sequence?.isEmpty == true { error(node.location, "bad-value", "\(what) lists no value") }
            return nil
        }
        var entries: [InForce<V>] = []
        var ok = true
        for (i, item) in items.enumerated() {
            let entryWhat = "entry \(i + 1) of \(what)"
            guard let f = Fields(item, what: entryWhat, allowed: Self.inForceKeys, ctx: self),
                  let valueNode = f.value("value", required: true) else { ok = false; continue }
            let from = f.value("from").map { date($0, what: f.describe("from")) }
            let until = f.value("until").map { date($0, what: f.describe("until")) }
            let source = f.string("source")
            guard let value = read(valueNode, f.describe("value")), from.map({ $0 != nil }) ?? true,
                  until.map({ $0 != nil }) ?? true else { ok = false; continue }
            let entry = InForce(value: value, from: from??.day, until: until??.day, source: source, location: item.location)
            if let a = entry.from, let b = entry.until, b < a {
                error(item.location, "bad-range", "\(entryWhat) ends (\(isoDate(b))) before it starts (\(isoDate(a)))")
                ok = false
                continue
            }
            if let other = entries.first(where: { Self.overlap($0, entry) }) {
                error(item.location, "overlapping-in-force", "\(entryWhat) (\(entry.rangeText)) overlaps the entry at line "
                      + "\(other.location.line) (\(other.rangeText)); a value in force must be unique on every day")
                ok = false
                continue
            }
            entries.append(entry)
        }
        return ok ? entries : nil
    }

    /// Whether two date ranges share a day.
    static func overlap<V>(_ a: InForce<V>, _ b: InForce<V>) -> Bool {
        let aStart = a.from ?? .min, aEnd = a.until ?? .max
        let bStart = b.from ?? .min, bEnd = b.until ?? .max
        return aStart <= bEnd && bStart <= aEnd
    }
}

extension Array {
    /// The value a loaded target shows outside any evaluation: the one in force on `day` (the plan period's last
    /// day), else the latest entry.
    func representative<V>(on day: DayNumber?) -> InForce<V>? where Element == InForce<V> {
        if let day, let entry = inForce(on: day) { return entry }
        return self.max { ($0.until ?? .max, $0.from ?? .min) < ($1.until ?? .max, $1.from ?? .min) }
    }
}
