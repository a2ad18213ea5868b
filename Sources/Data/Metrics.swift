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

/// Counters of one pass; index = `MetricName.allCases` position.
struct MetricCounts {
    var num = [Int](repeating: 0, count: MetricName.allCases.count)
    var den = [Int](repeating: 0, count: MetricName.allCases.count)
    var received = 0, resolved = 0
    var late: [Int32] = [], closedEarly: [Int32] = [], notSynced: [Int32] = []

    @inline(__always)
    mutating func count(_ m: MetricName, _ hit: Bool) {
        let i = MetricCounts.index(m)
        den[i] += 1
        if hit { num[i] += 1 }
    }

    mutating func merge(_ o: MetricCounts) {
        for i in num.indices { num[i] += o.num[i]; den[i] += o.den[i] }
        received += o.received; resolved += o.resolved
        late += o.late; closedEarly += o.closedEarly; notSynced += o.notSynced
    }

    func metrics(sortedBy ids: StringColumn) -> UnitMetrics {
        var ratios: [MetricName: Ratio] = [:]
        for m in MetricName.allCases { ratios[m] = Ratio(numerator: num[Self.index(m)], denominator: den[Self.index(m)]) }
        let sort = { (rows: [Int32]) in rows.sorted { ids.compare(Int($0), Int($1)) < 0 } }
        return UnitMetrics(ratios: ratios, received: received, resolved: resolved,
                           violations: [.lateWithoutApology: sort(late), .closedBeforeResult: sort(closedEarly),
                                        .notSynced: sort(notSynced)])
    }

    /// Position of `m` in `MetricName.allCases` (a switch, so the hot loop does no hashing).
    @inline(__always)
    static func index(_ m: MetricName) -> Int {
        switch m {
        case .onTimeRate: 0
        case .onlineRate: 1
        case .fullyOnlineRate: 2
        case .digitizationRate: 3
        case .eResultRate: 4
        case .reuseRate: 5
        case .onlinePaymentRate: 6
        case .portalSyncRate: 7
        case .satisfactionRate: 8
        }
    }
}
