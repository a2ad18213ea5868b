import Common

/// One pass over a range of rows: per-unit counters and the rows of each violation, in row order.
struct MetricsPass {
    /// Counters per unit: numerator and denominator of each metric (in `MetricName.allCases` order), received,
    /// resolved.
    static let width = 2 * 9 + 2
    static let received = 18, resolved = 19
    static let onTime = 0, online = 1, fullyOnline = 2, digitization = 3, eResult = 4, reuse = 5, payment = 6
    static let sync = 7, satisfaction = 8

    var counts: [Int]
    /// Late without apology, closed before result, not synced.
    var violations: [[Int32]] = [[], [], []]

    static func count(_ s: DossierStore, rows: Range<Int>, units: Int, _ p: Period) -> MetricsPass {
        var pass = MetricsPass(counts: [Int](repeating: 0, count: (units + 1) * width))
        let unit = s.unit.pointer, channel = s.channel.pointer, flags = s.flags.pointer, stars = s.satisfaction.pointer
        let received = s.received.days.pointer, resolved = s.resolved.days.pointer, closed = s.closed.days.pointer
        let (start, end) = (p.start, p.end)
        pass.counts.withUnsafeMutableBufferPointer { c in
            for r in rows {
                let u = Int(unit[r])
                guard u >= 0 && u < units else { continue }
                let base = u * width
                @inline(__always) func tally(_ metric: Int, _ hit: Bool) {
                    c[base + 2 * metric + 1] += 1
                    if hit { c[base + 2 * metric] += 1 }
                }
                let f = flags[r]
                let recv = received[r], res = resolved[r]
                if recv != DateColumn.none && recv >= start && recv <= end {
                    c[base + MetricsPass.received] += 1
                    let isOnline = channel[r] == ChannelCode.online
                    tally(online, isOnline)
                    if isOnline { tally(fullyOnline, f & DossierFlags.fullyOnline != 0) }
                    tally(digitization, f & DossierFlags.digitized != 0)
                    tally(reuse, f & DossierFlags.dataReused != 0)
                    if f & DossierFlags.feeRequired != 0 { tally(payment, f & DossierFlags.paidOnline != 0) }
                    tally(sync, f & DossierFlags.synced != 0)
                    if stars[r] != 0 { tally(satisfaction, stars[r] >= 4) }
                }
                var resolvedLate = false
                if res != DateColumn.none && res >= start && res <= end {
                    c[base + MetricsPass.resolved] += 1
                    resolvedLate = s.due.has(r) && s.resolved.compare(r, s.due, r) > 0
                    tally(onTime, !resolvedLate)
                    tally(eResult, f & DossierFlags.eResult != 0)
                    if f & DossierFlags.synced == 0 { pass.violations[2].append(Int32(r)) }
                }
                if f & DossierFlags.apology == 0 && (resolvedLate || overdueAtAsOf(s, r, p.asOf)) {
                    pass.violations[0].append(Int32(r))
                }
                let cl = closed[r]
                if cl != DateColumn.none && cl >= start && cl <= end
                    && (res == DateColumn.none || s.closed.compare(r, s.resolved, r) < 0) {
                    pass.violations[1].append(Int32(r))
                }
            }
        }
        return pass
    }

    /// Quá hạn: received on or before as_of, still unresolved at as_of (no resolved_at, or one after it),
    /// and due before as_of — whenever it was received.
    @inline(__always)
    static func overdueAtAsOf(_ s: DossierStore, _ r: Int, _ asOf: DateValue) -> Bool {
        guard s.received.has(r), s.due.has(r), s.received.compare(r, asOf) <= 0, s.due.compare(r, asOf) < 0 else { return false }
        return !s.resolved.has(r) || s.resolved.compare(r, asOf) > 0
    }
}
