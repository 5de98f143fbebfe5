/// One observation as a set of possible failure times, for Turnbull's estimator: an exact failure is
/// the point {t}; left-, interval- and right-censored units are half-open intervals (lower, upper],
/// with lower = 0 for left censoring and upper = +infinity for right censoring, (t, infinity).
struct TurnbullObservation: Sendable, Equatable {
    var lower: Double
    var upper: Double
    var isPoint: Bool
    var count: Double

    /// Every observation of `data`, in the order exact, right-, left-, interval-censored.
    static func all(_ data: LifetimeData) -> [TurnbullObservation] {
        var result: [TurnbullObservation] = []
        for i in data.failureTimes.indices {
            result.append(.init(lower: data.failureTimes[i], upper: data.failureTimes[i], isPoint: true, count: data.failureCounts[i]))
        }
        for i in data.suspensionTimes.indices {
            result.append(.init(lower: data.suspensionTimes[i], upper: .infinity, isPoint: false, count: data.suspensionCounts[i]))
        }
        for i in data.leftCensoredTimes.indices {
            result.append(.init(lower: 0, upper: data.leftCensoredTimes[i], isPoint: false, count: data.leftCensoredCounts[i]))
        }
        for i in data.intervalCounts.indices {
            result.append(.init(lower: data.intervalLowerTimes[i], upper: data.intervalUpperTimes[i], isPoint: false, count: data.intervalCounts[i]))
        }
        return result
    }

    /// Turnbull's innermost intervals: the sets (q, p] (or points {t}) whose left end is a left end of
    /// some observation and whose right end is the next right end of any observation, with no other
    /// end in between. The NPMLE puts all its mass on them (Turnbull 1976; Peto 1973).
    ///
    /// The ends are ordered by value and, at equal values, "[x" (a point's left end) before "x]"
    /// (a closed right end) before "(x" (an open left end): a point {x} lies in (a, x] but not in
    /// (x, b], so an exact failure at x shares x with an interval ending at x, and a unit suspended at
    /// x (x, infinity) is still at risk after a failure at x (failures before suspensions, as in
    /// Kaplan-Meier).
    ///
    /// Returns the innermost intervals in increasing order (disjoint), each as (lower, upper, isPoint).
    /// - Complexity: O(n log n).
    static func innermostIntervals(_ observations: [TurnbullObservation]) -> [(lower: Double, upper: Double, isPoint: Bool)] {
        // kind: 0 = "[x" point's left end, 1 = "x]" right end, 2 = "(x" open left end.
        var ends: [(value: Double, kind: Int)] = []
        ends.reserveCapacity(2 * observations.count)
        for o in observations {
            ends.append((o.lower, o.isPoint ? 0 : 2))
            ends.append((o.upper, 1))
        }
        ends.sort { $0.value != $1.value ? $0.value < $1.value : $0.kind < $1.kind }
        var result: [(lower: Double, upper: Double, isPoint: Bool)] = []
        for k in 1..<max(ends.count, 1) where ends[k].kind == 1 && ends[k - 1].kind != 1 {
            result.append((ends[k - 1].value, ends[k].value, ends[k - 1].kind == 0))
        }
        return result
    }

    /// The indices first...last of the innermost intervals contained in this observation (a
    /// contiguous run, because both the observation and the innermost intervals are intervals and the
    /// latter are disjoint and sorted).
    /// - Complexity: O(log m).
    func containedRange(in intervals: [(lower: Double, upper: Double, isPoint: Bool)]) -> ClosedRange<Int>? {
        // The left condition (the interval starts inside this observation) is false then true along
        // the sorted intervals; the right condition (it ends inside) is true then false.
        if isPoint {
            // The point {t} is itself an innermost interval: the first one that does not start before t.
            let j = Self.partitionPoint(intervals.count) { intervals[$0].lower >= lower }
            return j < intervals.count && intervals[j].isPoint && intervals[j].lower == lower ? j...j : nil
        }
        // (lower, upper] contains a point {x} when lower < x <= upper and (a, b] when lower <= a, b <= upper.
        let first = Self.partitionPoint(intervals.count) { j in
            intervals[j].isPoint ? intervals[j].lower > lower : intervals[j].lower >= lower
        }
        let end = Self.partitionPoint(intervals.count) { intervals[$0].upper > upper }
        return first < end ? first...(end - 1) : nil
    }

    /// The first index in 0..<count at which `predicate` (false then true) becomes true.
    static func partitionPoint(_ count: Int, _ predicate: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if predicate(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
