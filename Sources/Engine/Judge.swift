import Common
import Plan

/// Applies a target's expectation and scoring rule to a measurement.
enum Judge {
    struct Verdict {
        var status: TargetStatus
        var earned: Double
        var max: Double
        var band: Int?
    }

    /// Decides pass/fail and points. A missing value is either not applicable or a failure, as the target says.
    static func decide(_ target: TargetSpec, kind: UnitKind, value: MeasuredValue?) -> Verdict {
        let expectation = target.expect?.forKind(kind) ?? defaultExpectation(target)
        guard let value else {
            return target.whenMissing == .fail
                ? Verdict(status: .fail, earned: 0, max: target.points)
                : Verdict(status: .notApplicable, earned: 0, max: 0)
        }
        let holds = expectation.flatMap { e in value.expectValue.flatMap { e.holds($0) } }
        let (earned, band) = points(target, value: value, expectation: expectation, holds: holds ?? false)
        let passed = holds ?? (earned >= target.points)
        return Verdict(status: passed ? .pass : .fail, earned: earned, max: target.points, band: band)
    }

    /// A violation count is expected to be zero unless the plan says otherwise.
    static func defaultExpectation(_ target: TargetSpec) -> Expectation? {
        if case .violations = target.measure {
            return Expectation(op: .equal, value: .number(0), text: "== 0", location: target.location)
        }
        return nil
    }

    /// The largest share of its points a failing target can earn under proportional scoring.
    static let failingCeiling = 0.99

    private static func points(_ target: TargetSpec, value: MeasuredValue, expectation: Expectation?,
                               holds: Bool) -> (Double, Int?) {
        let full = target.points
        switch target.scoring {
        case .passFail:
            return (holds ? full : 0, nil)
        case .proportional:
            // Partial credit only makes sense for "at least X" on numbers; anything else is pass/fail.
            guard !holds, case .number(let v)? = Optional(value), let e = expectation,
                  e.op == .greaterOrEqual || e.op == .greater, case .number(let t) = e.value, t > 0 else {
                return (holds ? full : 0, nil)
            }
            // A failing value never earns all the points: at exactly the threshold of a strict `>` ("trên 85%") the
            // ratio is 1, yet the target is not met; it then earns 99% of them, short of full and still visibly close.
            return (full * Swift.max(0, Swift.min(Self.failingCeiling, v / t)), nil)
        case .bands(let bands):
            guard let v = value.expectValue else { return (0, nil) }
            for (i, band) in bands.enumerated() where band.when.holds(v) == true {
                return (Swift.min(band.points, full), i + 1)
            }
            return (0, nil)
        case .deduction(let per, let floor):
            guard case .number(let count) = value else { return (holds ? full : 0, nil) }
            return (Swift.max(floor, full - per * count), nil)
        }
    }
}
