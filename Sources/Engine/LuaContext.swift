import Common
import Data
import LuaRuntime
import Plan

/// Builds the `ctx` a check receives and reads back what it returns.
enum LuaContext {
    static func build(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> LuaValue {
        let u = unit.unit
        var indicators: [(String, LuaValue)] = []
        var evidence: [(String, LuaValue)] = []
        for (name, value) in unit.indicators.sorted(by: { $0.key < $1.key }) { indicators.append((name, lua(value))) }
        for (name, reported) in u.indicators.sorted(by: { $0.key < $1.key }) {
            guard let e = reported.evidence else { continue }
            var fields: [(String, LuaValue)] = []
            if let n = e.number { fields.append(("number", .string(n))) }
            if let d = e.date { fields.append(("date", .string(isoDate(d.day)))) }
            evidence.append((name, .table(fields)))
        }
        var metrics: [(String, LuaValue)] = []
        for name in MetricName.allCases {
            if let v = unit.metrics.ratios[name]?.value { metrics.append((name.rawValue, .number(v))) }
        }
        metrics.append(("received", .integer(Int64(unit.metrics.received))))
        metrics.append(("resolved", .integer(Int64(unit.metrics.resolved))))
        let period: [(String, LuaValue)] = [("start", .string(isoDate(run.period.start))),
                                            ("end", .string(isoDate(run.period.end))),
                                            ("as_of", .string(isoDate(run.period.asOf.day)))]
        return .table([
            ("unit", .table([("id", .string(u.id)), ("name", .string(u.name)), ("kind", .string(u.kind.rawValue)),
                             ("parent", u.parent.map(LuaValue.string) ?? .null)])),
            ("indicators", .table(indicators)), ("evidence", .table(evidence)), ("metrics", .table(metrics)),
            ("params", target.params.map(lua) ?? .table([])), ("period", .table(period)),
            ("target", .table([("id", .string(target.id)), ("citation", .string(target.citation)),
                               ("points", .number(target.points))])),
        ])
    }

    static func lua(_ value: MeasuredValue) -> LuaValue {
        switch value {
        case .number(let n): .number(n)
        case .date(let d): .string(isoDate(d))
        case .bool(let b): .bool(b)
        case .text(let s): .string(s)
        }
    }

    static func lua(_ param: ParamValue) -> LuaValue {
        switch param {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? .integer(Int64(n)) : .number(n)
        case .string(let s): .string(s)
        case .list(let items): .list(items.map(lua))
        case .map(let pairs): .table(pairs.map { ($0.0, lua($0.1)) })
        }
    }

    /// A returned number, boolean, ISO date or text is the value; a table may give `value`, `numerator`, `denominator`.
    static func measurement(_ value: LuaValue, findings: [Finding]) -> Measurement {
        if case .table = value {
            return Measurement(value: value["value"].flatMap(measured), numerator: value["numerator"]?.doubleValue,
                               denominator: value["denominator"]?.doubleValue, findings: findings)
        }
        return Measurement(value: measured(value), findings: findings)
    }

    static func measured(_ value: LuaValue) -> MeasuredValue? {
        switch value {
        case .integer(let i): .number(Double(i))
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        case .string(let s): DateValue.parse(s).map { .date($0.day) } ?? .text(s)
        default: nil
        }
    }

    static func scalarText(_ value: LuaValue) -> String? {
        switch value {
        case .integer(let i): String(i)
        case .number(let n): NumberText.machine(n)
        case .bool(let b): b ? "true" : "false"
        case .string(let s): s
        default: nil
        }
    }
}
