import Common
import Data
import Plan

/// Reads a unit's reported figures as the types the plan declares, so a submission is validated before any check runs.
enum IndicatorTyping {
    /// Typed values of the declared indicators, and a `submission` finding for each missing required or malformed one.
    static func type(_ unit: Unit, plan: Plan) -> (values: [String: MeasuredValue], findings: [Finding]) {
        var values: [String: MeasuredValue] = [:]
        var findings: [Finding] = []
        let declared = Dictionary(plan.indicators.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for spec in plan.indicators where spec.kinds.contains(unit.kind) {
            let reported = unit.indicators[spec.name]
            guard let raw = reported?.raw, !raw.isEmpty else {
                // An evidence-only report (a document number and date, no value) is a report too.
                if spec.required, reported?.evidence == nil {
                    findings.append(problem(unit, spec.name, reported?.location ?? unit.location,
                        vi: "thiếu chỉ tiêu bắt buộc '\(spec.name)'\(spec.title.map { " (\($0))" } ?? "")",
                        en: "required indicator '\(spec.name)' is missing"))
                }
                continue
            }
            if let value = parse(raw, as: spec.type) {
                values[spec.name] = value
            } else if spec.type.isNumeric, IndicatorValue.spellsNonFiniteNumber(raw) {
                findings.append(problem(unit, spec.name, reported?.location ?? unit.location,
                    vi: "chỉ tiêu '\(spec.name)' có giá trị '\(raw)' không phải là số hữu hạn",
                    en: "indicator '\(spec.name)' value '\(raw)' is not a finite number"))
            } else {
                findings.append(problem(unit, spec.name, reported?.location ?? unit.location,
                    vi: "chỉ tiêu '\(spec.name)' có giá trị '\(raw)' không đúng kiểu \(spec.type.rawValue)",
                    en: "indicator '\(spec.name)' value '\(raw)' is not a valid \(spec.type.rawValue)"))
            }
        }
        for (name, value) in unit.indicators.sorted(by: { $0.key < $1.key }) where declared[name] == nil {
            findings.append(problem(unit, name, value.location, severity: .warning,
                vi: "chỉ tiêu '\(name)' không có trong kế hoạch nên không được đánh giá",
                en: "indicator '\(name)' is not declared by the plan and is ignored"))
        }
        return (values, findings)
    }

    /// Parses one reported value; nil when it does not fit the type.
    static func parse(_ raw: String, as type: IndicatorType) -> MeasuredValue? {
        let text = raw.trimmingSpacesAndTabs()
        switch type {
        case .text: return .text(text)
        case .bool: return ContractBool.parse(text).map(MeasuredValue.bool)
        case .date: return DateValue.parse(text).map { .date($0.day) }
        case .number: return decimal(text).map(MeasuredValue.number)
        case .count:
            guard let n = Int(text), n >= 0 else { return nil }
            return .number(Double(n))
        case .percent:
            // "96,5%" is a percentage; a bare number is a fraction 0–1, so 96.5 is refused rather than guessed.
            if text.hasSuffix("%") { return decimal(String(text.dropLast())).map { .number($0 / 100) } }
            guard let f = decimal(text), f >= 0, f <= 1 else { return nil }
            return .number(f)
        }
    }

    /// A finite decimal written with a point or a Vietnamese comma. Finite because 400 digits parse as infinity,
    /// which would meet any `>=` target.
    static func decimal(_ text: String) -> Double? {
        let t = String(text.trimmingSpacesAndTabs().map { $0 == "," ? "." : $0 })
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let value = Double(t), value.isFinite else { return nil }
        return value
    }

    private static func problem(_ unit: Unit, _ name: String, _ at: SourceLocation, severity: DiagnosticSeverity = .error,
                                vi: String, en: String) -> Finding {
        Finding(kind: .submission, severity: severity, unitId: unit.id, subject: name, location: at,
                message: LocalizedText(vi: vi, en: en))
    }
}

