import Plan

/// Turns a measurement into its change against an earlier figure the unit reported, for `compare:` targets.
enum Baseline {
    static func apply(_ c: Comparison, to m: Measurement, unit: UnitContext) -> Measurement {
        var out = m
        out.current = m.value
        guard case .number(let base)? = unit.indicators[c.baseline] else {
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
}
