import Common
import Data

/// `parcheck metrics --format json`: the standard metrics and violation lists, without any plan.
public enum MetricsJSON {
    public static let schema = "parcheck.metrics/1"

    /// The document's text, streamed (a province's violation lists name tens of thousands of dossiers), the units
    /// on `workers` threads; the text is the same for any thread count.
    public static func render(_ data: DataSet, _ report: MetricsReport, period: Period, workers: Int = 1) -> [UInt8] {
        var out = JSONStream(capacity: 1 << 20)
        out.beginObject()
        out.member("schema", schema)
        out.key("period")
        out.value(InputsJSON.period(period))
        out.key("inputs")
        out.value(InputsJSON.inputs(data))
        out.key("rejected")
        out.value(InputsJSON.rejected(data))
        out.key("units")
        out.beginArray()
        out.items(data.units.count, workers: workers) { i, s in
            let unit = data.units[i]
            s.beginObject()
            s.member("id", unit.id)
            s.member("name", unit.name)
            s.member("kind", unit.kind.rawValue)
            figures(report.perUnit[i], data, &s)
            s.endObject()
        }
        out.endArray()
        out.key("total")
        out.beginObject()
        figures(report.total, data, &out)
        out.endObject()
        out.endObject()
        out.newline()
        return out.finish()
    }

    /// metrics (fractions, null when not applicable), their counts, and the sorted violation lists.
    static func figures(_ m: UnitMetrics, _ data: DataSet, _ out: inout JSONStream) {
        out.key("metrics")
        out.beginObject()
        for name in MetricName.allCases {
            out.key(text: name.rawValue)
            out.number(m.ratios[name]?.value)
        }
        out.endObject()
        out.key("counts")
        out.beginObject()
        for name in MetricName.allCases {
            let r = m.ratios[name]
            out.key(text: name.rawValue)
            out.beginObject()
            out.key("numerator")
            out.int(r?.numerator ?? 0)
            out.key("denominator")
            out.int(r?.denominator ?? 0)
            out.endObject()
        }
        out.endObject()
        out.key("received")
        out.int(m.received)
        out.key("resolved")
        out.int(m.resolved)
        out.key("violations")
        out.beginObject()
        let ids = data.dossiers.ids
        for kind in ViolationKind.allCases {
            out.key(text: kind.rawValue)
            out.beginArray()
            for row in m.violations[kind] ?? [] {
                out.item()
                out.string(ids.string(Int(row)))
            }
            out.endArray()
        }
        out.endObject()
    }
}
