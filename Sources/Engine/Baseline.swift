import Plan

/// Turns a measurement into its change against an earlier figure, for `compare:` targets: one the unit reported
/// (an indicator), or its value of a target in the previous parcheck result.
enum Baseline {
    static func apply(_ c: Comparison, to m: Measurement, unit: UnitContext, previous: PreviousResult?) -> Measurement {
        var out = m
        out.current = m.value
        guard let base = figure(c.source, unit: unit, previous: previous) else {
            out.value = nil
            return out
        }
        out.baseline = base
        guard case .number(let now)? = m.value else {
            out.value = nil
            return out
        }
        switch c.mode {
        case .difference: out.value = .number(now - base)
        case .relative: out.value = base == 0 ? nil : .number((now - base) / base)
        }
        return out
    }

    /// The earlier figure; nil when it was not reported, or no previous result (or no value there) is given.
    static func figure(_ source: Comparison.Source, unit: UnitContext, previous: PreviousResult?) -> Double? {
        switch source {
        case .indicator(let name):
            guard case .number(let base)? = unit.indicators[name] else { return nil }
            return base
        case .previous(let target):
            return previous?.units[unit.unit.id]?.values[target]
        }
    }
}
