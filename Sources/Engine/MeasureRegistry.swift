import Common
import Data
import Plan

/// The run half of a measure kind; `Plan.Measure` is the parse half. The registry joins them.
protocol MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement
}

/// Picks the runner for each measure kind. Native kinds are stateless; Lua checks share one prepared runner.
struct MeasureRegistry {
    let lua: LuaCheckRunner

    func runner(for measure: Measure) -> MeasureRunner {
        switch measure {
        case .metric: MetricRunner()
        case .indicator: IndicatorRunner()
        case .ratio: RatioRunner()
        case .violations: ViolationRunner()
        case .check: lua
        case .evidence: EvidenceRunner()
        }
    }
}

/// A standard dossier metric, computed natively by `Data`.
struct MetricRunner: MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .metric(let name) = target.measure, let ratio = unit.metrics.ratios[name] else {
            return Measurement(value: nil)
        }
        return Measurement(value: ratio.value.map(MeasuredValue.number),
                           numerator: Double(ratio.numerator), denominator: Double(ratio.denominator))
    }
}

/// The date of the document proving an indicator; counts only with both its number and its date.
struct EvidenceRunner: MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .evidence(let name) = target.measure, let e = unit.unit.indicators[name]?.evidence,
              let number = e.number, !number.isEmpty, let date = e.date else { return Measurement(value: nil) }
        return Measurement(value: .date(date.day))
    }
}

/// A figure the unit reported.
struct IndicatorRunner: MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .indicator(let name) = target.measure else { return Measurement(value: nil) }
        return Measurement(value: unit.indicators[name])
    }
}

/// One reported count over another ("100% văn bản … đúng tiến độ"); a zero denominator is not applicable.
struct RatioRunner: MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .ratio(let numName, let denName) = target.measure,
              case .number(let num)? = unit.indicators[numName],
              case .number(let den)? = unit.indicators[denName] else { return Measurement(value: nil) }
        return Measurement(value: den == 0 ? nil : .number(num / den), numerator: num, denominator: den)
    }
}

/// Counts one of the contract's dossier violations and names each dossier.
struct ViolationRunner: MeasureRunner {
    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .violations(let kind) = target.measure else { return Measurement(value: nil) }
        let rows = unit.metrics.violations[kind] ?? []
        let store = run.data.dossiers
        let findings = rows.map { row -> Finding in
            let id = store.ids.string(Int(row)) ?? ""
            return Finding(kind: .violation, severity: target.severity, targetId: target.id, unitId: unit.unit.id,
                           dossierId: id, location: store.location(Int(row)),
                           message: ViolationText.message(kind, dossier: id), citation: target.citation)
        }
        return Measurement(value: .number(Double(rows.count)), findings: findings)
    }
}

/// Vietnamese and English wording of the dossier violations.
enum ViolationText {
    static func message(_ kind: ViolationKind, dossier: String) -> LocalizedText {
        switch kind {
        case .lateWithoutApology:
            LocalizedText(vi: "hồ sơ \(dossier) trễ hạn hoặc quá hạn nhưng chưa có văn bản xin lỗi",
                          en: "dossier \(dossier) is late or overdue without an apology")
        case .closedBeforeResult:
            LocalizedText(vi: "hồ sơ \(dossier) kết thúc quy trình điện tử trước khi có kết quả",
                          en: "dossier \(dossier) closed electronically before it had a result")
        case .notSynced:
            LocalizedText(vi: "hồ sơ \(dossier) đã giải quyết nhưng chưa đồng bộ lên Cổng DVC quốc gia",
                          en: "dossier \(dossier) resolved but not synchronised to the national portal")
        }
    }
}
