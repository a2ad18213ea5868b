import Common

/// Computes the contract's standard dossier metrics natively, one pass per unit over its rows.
public enum MetricsCalculator {
    /// Metrics of every unit and the total, for `period` (bounds and a date-only as-of compare by day).
    public static func compute(_ data: DataSet, period: Period) -> MetricsReport {
        let store = data.dossiers
        var total = MetricCounts()
        var perUnit: [UnitMetrics] = []
        perUnit.reserveCapacity(data.units.count)
        for u in data.units.indices {
            let counts = count(store, rows: store.rows(ofUnit: u), period)
            total.merge(counts)
            perUnit.append(counts.metrics(sortedBy: store.ids))
        }
        return MetricsReport(perUnit: perUnit, total: total.metrics(sortedBy: store.ids))
    }

    /// One pass over `rows`.
    static func count(_ s: DossierStore, rows: [Int32], _ p: Period) -> MetricCounts {
        var c = MetricCounts()
        let online = ChannelCode.online
        for row in rows {
            let r = Int(row)
            let hasResolved = s.resolved.has(r)
            let resolvedIn = hasResolved && p.contains(s.resolved.days[r])
            if s.received.has(r) && p.contains(s.received.days[r]) {
                c.received += 1
                let isOnline = s.channel[r] == online
                c.count(.onlineRate, isOnline)
                if isOnline { c.count(.fullyOnlineRate, s.fullyOnline[r] != 0) }
                c.count(.digitizationRate, s.digitized[r] != 0)
                c.count(.reuseRate, s.dataReused[r] != 0)
                if s.feeRequired[r] != 0 { c.count(.onlinePaymentRate, s.paidOnline[r] != 0) }
                c.count(.portalSyncRate, s.synced[r] != 0)
                if s.satisfaction[r] != 0 { c.count(.satisfactionRate, s.satisfaction[r] >= 4) }
            }
            var resolvedLate = false
            if resolvedIn {
                c.resolved += 1
                resolvedLate = s.due.has(r) && s.resolved.compare(r, s.due, r) > 0
                c.count(.onTimeRate, !resolvedLate)
                c.count(.eResultRate, s.eResult[r] != 0)
                if s.synced[r] == 0 { c.notSynced.append(row) }
            }
            if s.apology[r] == 0 && (resolvedLate || overdueAtAsOf(s, r, p.asOf)) { c.late.append(row) }
            if s.closed.has(r) && p.contains(s.closed.days[r])
                && (!hasResolved || s.closed.compare(r, s.resolved, r) < 0) {
                c.closedEarly.append(row)
            }
        }
        return c
    }

    /// Quá hạn: received on or before as_of, still unresolved at as_of (no resolved_at, or one after it),
    /// and due before as_of — whenever it was received.
    @inline(__always)
    static func overdueAtAsOf(_ s: DossierStore, _ r: Int, _ asOf: DateValue) -> Bool {
        guard s.received.has(r), s.due.has(r), s.received.compare(r, asOf) <= 0, s.due.compare(r, asOf) < 0 else { return false }
        return !s.resolved.has(r) || s.resolved.compare(r, asOf) > 0
    }
}
