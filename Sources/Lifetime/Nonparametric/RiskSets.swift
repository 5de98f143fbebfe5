/// The risk sets of exact and right-censored data: at each distinct exact failure time t_j, the
/// number of units at risk n_j and the number that failed there, d_j.
///
/// Ties: units suspended at a failure time are counted at risk at that time (failures are taken to
/// happen before suspensions at equal times), the convention of Kaplan and Meier (1958), R survival,
/// Minitab and Weibull++. So n_j = number of units, failed or suspended, with time >= t_j.
struct RiskSets: Sendable, Equatable {
    var times: [Double] = []
    var atRisk: [Double] = []
    var failures: [Double] = []
    /// All units, failed or suspended.
    var unitCount: Double = 0

    /// - Precondition: the data hold exact failures and right-censored units only.
    /// - Complexity: O(n) for the sorts of non-negative times (`TimeSort`), n stored rows.
    init(_ data: LifetimeData) {
        let failed = TimeSort.sortedPairs(data.failureTimes, data.failureCounts).map { ($0.time, $0.count) }
        let suspended = TimeSort.sortedPairs(data.suspensionTimes, data.suspensionCounts).map { ($0.time, $0.count) }
        unitCount = data.failureCounts.reduce(0, +) + data.suspensionCounts.reduce(0, +)
        var removed = 0.0   // units that left the risk set before the current time
        var s = 0
        var i = 0
        while i < failed.count {
            let t = failed[i].0
            // Suspensions strictly before t leave first; those at t stay at risk (failures first).
            while s < suspended.count && suspended[s].0 < t {
                removed += suspended[s].1
                s += 1
            }
            var d = 0.0
            while i < failed.count && failed[i].0 == t {
                d += failed[i].1
                i += 1
            }
            times.append(t)
            atRisk.append(unitCount - removed)
            failures.append(d)
            removed += d
        }
    }
}
