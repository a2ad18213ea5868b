import Common
import Data

/// `parcheck metrics --format json`: the standard metrics and violation lists, without any plan.
public enum MetricsJSON {
    public static let schema = "parcheck.metrics/1"

    public static func document(_ data: DataSet, _ report: MetricsReport, period: Period) -> JSONValue {
        let units = data.units.enumerated().map { i, unit in
            JSONValue.object([("id", .string(unit.id)), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue))]
                             + figures(report.perUnit[i], data))
        }
        return .object([
            ("schema", .string(schema)),
            ("period", InputsJSON.period(period)),
            ("inputs", InputsJSON.inputs(data)),
            ("rejected", InputsJSON.rejected(data)),
            ("units", .array(units)),
            ("total", .object(figures(report.total, data))),
        ])
    }

    /// metrics (fractions, null when not applicable), their counts, and the sorted violation lists.
    static func figures(_ m: UnitMetrics, _ data: DataSet) -> [(String, JSONValue)] {
        let rates = MetricName.allCases.map { ($0.rawValue, JSONValue.optional(m.ratios[$0]?.value)) }
        let counts = MetricName.allCases.map { name -> (String, JSONValue) in
            let r = m.ratios[name]
            return (name.rawValue, .object([("numerator", .int(r?.numerator ?? 0)), ("denominator", .int(r?.denominator ?? 0))]))
        }
        let violations = ViolationKind.allCases.map { kind in
            (kind.rawValue, JSONValue.array((m.violations[kind] ?? []).map { .optional(data.dossiers.ids.string(Int($0))) }))
        }
        return [("metrics", .object(rates)), ("counts", .object(counts)),
                ("received", .int(m.received)), ("resolved", .int(m.resolved)),
                ("violations", .object(violations))]
    }
}
