/// Lifetime data as the general likelihood reads them: on the time scale, one entry per distinct
/// time (or interval) of each kind with the units there added into its weight.
///
/// Merging is what makes tied readout data cheap and safe: 4,000 survivors at one inspection time are
/// one survival term with weight 4,000, and 12 failures found in one interval are one interval term.
public struct CensoredSample: Sendable, Equatable {
    /// Exact failures: distinct times, ascending, and their unit counts.
    public private(set) var exact: [WeightedTime] = []
    /// Right-censored units (survived past the time).
    public private(set) var right: [WeightedTime] = []
    /// Left-censored units (failed by the time).
    public private(set) var left: [WeightedTime] = []
    /// Interval-censored units (failed in (lower, upper]).
    public private(set) var interval: [WeightedInterval] = []

    /// All units, failed or not (the n of AICc and BIC).
    public let unitCount: Double
    /// Units known to have failed (exact, left- and interval-censored).
    public let failureCount: Double
    /// Sums over the exact failures: weight, weighted time and weighted log-time (the sufficient
    /// statistics of an exponential family such as the gamma; see `ParametricFamily.exactLogDensitySum`).
    public private(set) var exactSums = ExactFailureSums()

    /// - Complexity: O(n log n) (a sort of each kind).
    public init(_ data: LifetimeData) {
        exact = Self.merged(zip(data.failureTimes, data.failureCounts).map { WeightedTime(time: $0, weight: $1) })
        right = Self.merged(zip(data.suspensionTimes, data.suspensionCounts).map { WeightedTime(time: $0, weight: $1) })
        left = Self.merged(zip(data.leftCensoredTimes, data.leftCensoredCounts).map { WeightedTime(time: $0, weight: $1) })
        interval = Self.merged(data.intervalCounts.indices.map {
            WeightedInterval(lower: data.intervalLowerTimes[$0], upper: data.intervalUpperTimes[$0], weight: data.intervalCounts[$0])
        })
        unitCount = data.unitCount
        failureCount = data.failureCount
        exactSums = ExactFailureSums(exact)
    }

    /// The data on the scale of time above a threshold: every time minus `threshold`. A unit censored
    /// at or below the threshold says nothing (it was certain to survive) and is left out of the
    /// likelihood; an interval starting at or below it is left-censored at its end. An exact or
    /// left-censored time at or below the threshold stays, and makes the likelihood -infinity there
    /// (the threshold must lie below the first failure). The unit count stays that of the data.
    /// - Complexity: O(n log n).
    public init(_ data: LifetimeData, threshold: Double) {
        var left = zip(data.leftCensoredTimes, data.leftCensoredCounts).map { WeightedTime(time: $0 - threshold, weight: $1) }
        var interval: [WeightedInterval] = []
        for i in data.intervalCounts.indices {
            let a = data.intervalLowerTimes[i] - threshold, b = data.intervalUpperTimes[i] - threshold
            if a <= 0 {
                left.append(WeightedTime(time: b, weight: data.intervalCounts[i]))
            } else {
                interval.append(WeightedInterval(lower: a, upper: b, weight: data.intervalCounts[i]))
            }
        }
        self.init(exact: zip(data.failureTimes, data.failureCounts).map { WeightedTime(time: $0 - threshold, weight: $1) },
                  right: zip(data.suspensionTimes, data.suspensionCounts).compactMap {
                      $0 > threshold ? WeightedTime(time: $0 - threshold, weight: $1) : nil
                  },
                  left: left, interval: interval, unitCount: data.unitCount)
    }

    /// This sample (on the data's own time scale) above a threshold, as `init(_:threshold:)` builds it
    /// from the data, without sorting again: a profile over the threshold shifts one merged sample to
    /// each trial value. (Two times that differ by less than the rounding of the subtraction stay two
    /// entries here, where `init(_:threshold:)` would merge them; the likelihood is the same.)
    /// - Complexity: O(n), plus a sort of the intervals that become left-censored.
    public func shifted(by threshold: Double) -> CensoredSample {
        var result = self
        result.exact = exact.map { WeightedTime(time: $0.time - threshold, weight: $0.weight) }
        result.right = right.compactMap { $0.time > threshold ? WeightedTime(time: $0.time - threshold, weight: $0.weight) : nil }
        var moved: [WeightedTime] = []
        result.interval = interval.compactMap {
            let a = $0.lower - threshold, b = $0.upper - threshold
            if a <= 0 {
                moved.append(WeightedTime(time: b, weight: $0.weight))
                return nil
            }
            return WeightedInterval(lower: a, upper: b, weight: $0.weight)
        }
        let left = self.left.map { WeightedTime(time: $0.time - threshold, weight: $0.weight) }
        result.left = moved.isEmpty ? left : Self.merged(left + moved)
        result.exactSums = ExactFailureSums(result.exact)
        return result
    }

    /// A sample from entries given directly (merged and sorted here), for example the
    /// responsibility-weighted data of a mixture's EM step. Weights need not be whole numbers.
    /// - Parameters:
    ///   - exact: exact failure times with their weights.
    ///   - right: right-censoring (suspension) times with their weights.
    ///   - left: left-censoring times (failed by then) with their weights.
    ///   - interval: interval-censored failures (lower, upper] with their weights.
    ///   - unitCount: all units (the n of AICc and BIC); by default the sum of all weights.
    public init(exact: [WeightedTime] = [], right: [WeightedTime] = [], left: [WeightedTime] = [],
                interval: [WeightedInterval] = [], unitCount: Double? = nil) {
        self.exact = Self.merged(exact)
        self.right = Self.merged(right)
        self.left = Self.merged(left)
        self.interval = Self.merged(interval)
        let failed = (exact + left).reduce(0.0) { $0 + $1.weight } + interval.reduce(0.0) { $0 + $1.weight }
        failureCount = failed
        self.unitCount = unitCount ?? failed + right.reduce(0.0) { $0 + $1.weight }
        exactSums = ExactFailureSums(self.exact)
    }

    private static func merged(_ entries: [WeightedInterval]) -> [WeightedInterval] {
        var result: [WeightedInterval] = []
        for entry in entries.sorted(by: { ($0.lower, $0.upper) < ($1.lower, $1.upper) }) {
            if let last = result.last, last.lower == entry.lower, last.upper == entry.upper {
                result[result.count - 1].weight += entry.weight
            } else {
                result.append(entry)
            }
        }
        return result
    }

    private static func merged(_ entries: [WeightedTime]) -> [WeightedTime] {
        var result: [WeightedTime] = []
        for entry in entries.sorted(by: { $0.time < $1.time }) {
            if let last = result.last, last.time == entry.time {
                result[result.count - 1].weight += entry.weight
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// Distinct places where failures are known to lie: exact times, left-censoring times and intervals.
    public var distinctFailureLocations: Int { exact.count + left.count + interval.count }

    /// The longest time observed: the largest exact, censoring or interval-end time (0 when empty).
    public var longestTime: Double {
        max(exact.last?.time ?? 0, right.last?.time ?? 0, left.last?.time ?? 0, interval.map(\.upper).max() ?? 0)
    }

    /// Where failures are known to lie, as (time, weight): exact times, left-censoring times and interval
    /// midpoints, ascending; what moment and quantile starting values are computed from.
    public var failureLocations: [WeightedTime] {
        (exact + left + interval.map { WeightedTime(time: ($0.lower + $0.upper) / 2, weight: $0.weight) })
            .sorted { $0.time < $1.time }
    }

    /// Units in the sample at or before each failure location have failed: the Kaplan-Meier-like
    /// fraction failed by `time` when every censored unit is counted as a survivor at its time (a rough
    /// plotting position for starting values): failures at or before `time` over all units.
    public func fractionFailed(by time: Double) -> Double {
        let failed = failureLocations.reduce(0.0) { $0 + ($1.time <= time ? $1.weight : 0) }
        return unitCount > 0 ? failed / unitCount : 0
    }
}

/// Sums over exact failures: sum w, sum w t and sum w ln t.
public struct ExactFailureSums: Sendable, Equatable {
    public var weight = 0.0
    public var time = 0.0
    public var logTime = 0.0

    public init() {}

    /// - Complexity: O(n).
    public init(_ entries: [WeightedTime]) {
        for e in entries {
            weight += e.weight
            time += e.weight * e.time
            logTime += e.weight * Double.log(e.time)
        }
    }
}

/// A time with the number of units at it.
public struct WeightedTime: Sendable, Equatable {
    public var time: Double
    public var weight: Double

    public init(time: Double, weight: Double) {
        self.time = time
        self.weight = weight
    }
}

/// An inspection interval (lower, upper] with the number of units that failed in it.
public struct WeightedInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var weight: Double

    public init(lower: Double, upper: Double, weight: Double) {
        self.lower = lower
        self.upper = upper
        self.weight = weight
    }
}
