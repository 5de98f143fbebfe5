import RelmodelNumerics

/// Plotting positions (estimates of F at the failure times) for probability plots and rank
/// regression, from exact failures and right-censored units.
///
/// Rank methods (`.benard`, `.exactMedian`) give one point per failed unit, tied failures getting
/// consecutive order numbers, so a row with count c gives c points at its time. With suspensions the
/// order numbers are Johnson's adjusted ranks (mean order numbers, Johnson 1964): units are sorted by
/// time, failures before suspensions at equal times (the convention of `KaplanMeier`), and each
/// failure's order number is the previous one plus the increment
///   I = (N + 1 - O_prev) / (1 + n_at_risk),
/// where N is the number of units and n_at_risk the number of units not yet passed in the sorted order
/// (the failure itself included), i.e. 1 + the units beyond the present suspended set. Without
/// suspensions the increment is 1 and the order numbers are 1, 2, ..., N. This is the formula of
/// Weibull++ ("rank adjustment") and of Python's `reliability`, written there as
/// O = (r O_prev + N + 1) / (r + 1) with r the reverse rank.
/// - `.benard`: F = (O - 0.3) / (N + 0.4), Benard's approximation to the median rank;
/// - `.exactMedian`: the median of the Beta(O, N - O + 1) distribution of the O-th order statistic of
///   N uniforms, F = I^{-1}_{0.5}(O, N - O + 1) (regularised incomplete beta inverse), for real O.
/// - `.kaplanMeier`: F = 1 - S_KM(t) at each distinct failure time, one point per time (no ranks);
///   F = 1 when the last unit at risk fails.
public enum PlottingPositions {
    public enum Method: String, Sendable, CaseIterable {
        case benard
        case exactMedian
        case kaplanMeier
    }

    /// Plotting positions of the failures of `data`, in increasing time.
    /// - Throws: `NonparametricError.censoringNotSupported` for left- or interval-censored data;
    ///   `.nonIntegerCount` when a rank method meets a failure count that is not a whole number;
    ///   `.noUnits` for empty data. No failures give an empty array.
    /// - Complexity: O(n log n + r) for n stored rows and r failed units.
    public static func compute(_ data: LifetimeData, method: Method) throws(NonparametricError) -> [(time: Double, probability: Double)] {
        switch method {
        case .kaplanMeier:
            let km = try KaplanMeier(data)
            return km.steps.map { ($0.time, 1 - $0.survival) }
        case .benard, .exactMedian:
            let ranks = try adjustedRanks(data)
            let n = data.unitCount
            return ranks.map { point in
                let o = point.rank
                let f = method == .benard ? (o - 0.3) / (n + 0.4) : inverseRegularizedBeta(0.5, o, n - o + 1)
                return (point.time, f)
            }
        }
    }

    /// Plotting positions from Turnbull's nonparametric maximum-likelihood estimate, for any censoring
    /// (left- and interval-censored readout data included, where ranks do not exist): F = 1 - S after
    /// each innermost interval that carries mass, plotted at its upper end, the time by which that
    /// mass has failed (the convention of JMP's and Minitab's plots of interval data). An interval
    /// whose upper end is infinite (mass beyond the last inspection) gives no point. On exact and
    /// right-censored data the points are the Kaplan-Meier estimate at the failure times.
    /// - Throws: what `Turnbull` throws (no units).
    /// - Complexity: that of `Turnbull`, then O(m) for its m innermost intervals.
    public static func turnbull(_ data: LifetimeData) throws(NonparametricError) -> [(time: Double, probability: Double)] {
        let estimate = try Turnbull(data)
        return estimate.intervals.compactMap { interval in
            guard interval.mass > 0, interval.upper.isFinite else { return nil }
            return (interval.upper, 1 - interval.survivalAfter)
        }
    }

    /// Johnson's adjusted order numbers (mean order numbers) of the failed units, in increasing time,
    /// one per failed unit (see the type's documentation).
    /// - Throws: as `compute`.
    /// - Complexity: O(n log n + r).
    /// Failed units ranked one by one, at most (10^7: about a second).
    public static let maximumRankedUnits = 1e7

    public static func adjustedRanks(_ data: LifetimeData) throws(NonparametricError) -> [(time: Double, rank: Double)] {
        try NonparametricError.requireExactOrRightCensored(data, method: "rank-based plotting positions")
        for c in data.failureCounts where c != c.rounded() { throw .nonIntegerCount(c) }
        let n = data.unitCount
        guard n > 0 else { throw .noUnits }
        // One position per failed unit: a count of 1e15 would loop for days and exhaust memory.
        guard data.failureCount <= maximumRankedUnits else { throw .tooManyUnits(data.failureCount) }
        // Sorted by time, failures (false < true) before suspensions at equal times.
        var rows: [(time: Double, suspended: Bool, count: Double)] = []
        rows.reserveCapacity(data.failureTimes.count + data.suspensionTimes.count)
        for i in data.failureTimes.indices { rows.append((data.failureTimes[i], false, data.failureCounts[i])) }
        for i in data.suspensionTimes.indices { rows.append((data.suspensionTimes[i], true, data.suspensionCounts[i])) }
        rows.sort { $0.time != $1.time ? $0.time < $1.time : (!$0.suspended && $1.suspended) }

        var result: [(time: Double, rank: Double)] = []
        var order = 0.0
        var passed = 0.0
        for row in rows {
            if row.suspended {
                passed += row.count
                continue
            }
            for _ in 0..<Int(row.count) {
                let atRisk = n - passed
                order += (n + 1 - order) / (1 + atRisk)
                passed += 1
                result.append((row.time, order))
            }
        }
        return result
    }
}
