import Common

/// A rate: numerator over denominator; `value` is nil ("not applicable") when the denominator is 0.
public struct Ratio: Sendable, Hashable {
    /// Dossiers counted in the numerator.
    public var numerator: Int
    /// Dossiers counted in the denominator.
    public var denominator: Int
    /// `numerator / denominator`, nil when `denominator == 0`.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// Makes a ratio.
    public init(numerator: Int, denominator: Int) { self.numerator = numerator; self.denominator = denominator }
}

/// The contract's standard metrics and violations for one unit (or the whole province) over a period.
public struct UnitMetrics: Sendable, Hashable {
    /// All nine metrics, always present.
    public var ratios: [MetricName: Ratio]
    /// Dossiers received in the period.
    public var received: Int
    /// Dossiers resolved in the period.
    public var resolved: Int
    /// Rows of the dossiers with each violation (all three kinds present), sorted by dossier id byte-wise.
    public var violations: [ViolationKind: [Int32]]

    /// Makes metrics.
    public init(ratios: [MetricName: Ratio], received: Int, resolved: Int, violations: [ViolationKind: [Int32]]) {
        self.ratios = ratios; self.received = received; self.resolved = resolved; self.violations = violations
    }
}

/// Metrics of every unit (index = unit index) and of all dossiers together.
public struct MetricsReport: Sendable, Hashable {
    /// Per unit, in `DataSet.units` order; every unit has an entry, also one with no dossiers.
    public var perUnit: [UnitMetrics]
    /// Over all accepted dossiers.
    public var total: UnitMetrics

    /// Makes a report.
    public init(perUnit: [UnitMetrics], total: UnitMetrics) { self.perUnit = perUnit; self.total = total }
}
