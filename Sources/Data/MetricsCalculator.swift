import Common

/// Computes the contract's standard dossier metrics natively: one sequential pass over all rows (split into
/// ranges done in parallel) adding into per-unit counters, then each violation list sorted by id once.
///
/// Why one pass over all rows rather than one per unit: it splits evenly across threads whatever the units'
/// sizes, and reads each column front to back once. Counts are integers added in range order and violation
/// lists are sorted by id, so results never depend on threads.
public enum MetricsCalculator {
    /// Metrics of every unit and the total, for `period` (bounds and a date-only as-of compare by day).
    public static func compute(_ data: DataSet, period: Period, workers: Int = Parallel.defaultWorkers) -> MetricsReport {
        let store = data.dossiers
        let units = data.units.count
        let pieces = max(1, min(workers * 4, store.count / 65_536 + 1))
        let partials = Parallel.map(pieces, workers: workers) { k in
            MetricsPass.count(store, rows: store.count * k / pieces ..< store.count * (k + 1) / pieces, units: units, period)
        }
        var counts = [Int](repeating: 0, count: (units + 1) * MetricsPass.width)
        var lists: [[Int32]] = [[], [], []]
        for part in partials {
            for i in counts.indices { counts[i] += part.counts[i] }
            for k in 0..<3 { lists[k] += part.violations[k] }
        }
        let sorted = Parallel.map(3, workers: workers) { ViolationOrder.sorted(lists[$0], by: store.ids) }
        var perUnit = [[[Int32]]](repeating: [[], [], []], count: units)
        for k in 0..<3 {
            for row in sorted[k] { perUnit[Int(store.unit[Int(row)])][k].append(row) }
        }
        for u in 0..<units {  // the total is every unit's counts added up (slot `units`)
            for i in 0..<MetricsPass.width { counts[units * MetricsPass.width + i] += counts[u * MetricsPass.width + i] }
        }
        let report = (0..<units).map { u in metrics(counts, u, perUnit[u]) }
        return MetricsReport(perUnit: report, total: metrics(counts, units, sorted))
    }

    private static func metrics(_ counts: [Int], _ u: Int, _ violations: [[Int32]]) -> UnitMetrics {
        let c = counts[(u * MetricsPass.width)..<((u + 1) * MetricsPass.width)].map { $0 }
        var ratios: [MetricName: Ratio] = [:]
        for (i, m) in MetricName.allCases.enumerated() { ratios[m] = Ratio(numerator: c[2 * i], denominator: c[2 * i + 1]) }
        return UnitMetrics(ratios: ratios, received: c[MetricsPass.received], resolved: c[MetricsPass.resolved],
                           violations: [.lateWithoutApology: violations[0], .closedBeforeResult: violations[1],
                                        .notSynced: violations[2]])
    }
}
