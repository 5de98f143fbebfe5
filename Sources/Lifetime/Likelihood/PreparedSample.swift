#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Lifetime data transformed once to the scale on which a family is location-scale: y = log(t - gamma)
/// for log-location-scale families (Weibull, lognormal, exponential, log-logistic), y = t - gamma for
/// location-scale families (normal, Gumbel). Every likelihood evaluation then works on y directly, so
/// no logarithm of the data is taken inside the optimisation loop.
///
/// Runs of equal times within one kind of observation are merged into one entry whose weight is the
/// sum of their counts: the likelihood is a weighted sum, so this changes nothing but the work. It is
/// what makes Type I censored data cheap (every survivor of a test removed at its end is one entry)
/// and costs one comparison per observation; it does not sort, so only adjacent repeats merge.
///
/// Right-censored units at or below the threshold on the log scale (time 0 for two-parameter families)
/// contribute log S = 0 and no derivative; they are left out here because their z would be -infinity
/// and 0 * infinity is NaN. Nothing else is omitted.
public struct PreparedSample: Sendable {
    public var exactY: [Double] = []
    public var exactWeights: [Double] = []
    public var rightY: [Double] = []
    public var rightWeights: [Double] = []
    public var leftY: [Double] = []
    public var leftWeights: [Double] = []
    public var intervalLowerY: [Double] = []
    public var intervalUpperY: [Double] = []
    public var intervalWeights: [Double] = []
    /// Sum over exact failures of w * dy/dt's log, i.e. -sum w log(t - gamma) on the log scale and 0
    /// otherwise: the Jacobian that turns the density of y into the density of t.
    public var logJacobian: Double = 0
    /// Sum of the weights of exact failures.
    public var exactWeight: Double = 0
    /// Weighted mean of the exact failures' y (0 when there are none).
    public var exactMean: Double = 0
    /// Weighted sum of squared deviations of the exact failures' y from `exactMean`: with `exactWeight`
    /// and `exactMean`, the sufficient statistics of the exact part of a normal likelihood.
    public var exactSumOfSquares: Double = 0
    /// Total time on test above the threshold, sum of w (t - gamma) over exact failures and right-censored
    /// units: the exponential's closed form needs it, and it is cheaper to add here than to undo the log.
    public var timeOnTest: Double = 0
    /// Smallest and largest y of the exact failures and right-censored entries ((0, 0) when empty).
    public var exactAndRightRange: (low: Double, high: Double) = (0, 0)
    /// True when y = log(t - gamma), false when y = t - gamma.
    public private(set) var logScale = false

    /// - Complexity: O(n) in the number of stored observations, one logarithm per merged entry on the
    ///   log scale.
    /// - Precondition: every exact failure, left-censoring time and interval end lies above `threshold`
    ///   (the threshold search keeps it below the earliest failure).
    public init(_ data: LifetimeData, logScale: Bool, threshold: Double = 0) {
        self.logScale = logScale
        @inline(__always) func y(_ t: Double) -> Double { logScale ? log(t - threshold) : t - threshold }
        var total = 0.0
        var range = (low: Double.infinity, high: -Double.infinity)
        (exactY, exactWeights) = Self.merged(data.failureTimes, data.failureCounts, threshold: threshold, logScale: logScale,
                                             timeOnTest: &total, range: &range, above: -.infinity)
        // A unit censored at or below the threshold (log scale) survives there with probability 1.
        (rightY, rightWeights) = Self.merged(data.suspensionTimes, data.suspensionCounts, threshold: threshold, logScale: logScale,
                                             timeOnTest: &total, range: &range, above: logScale ? threshold : -.infinity)
        timeOnTest = total
        if range.low <= range.high { exactAndRightRange = (y(range.low), y(range.high)) }
        var ignoredTotal = 0.0
        var ignoredRange = range
        (leftY, leftWeights) = Self.merged(data.leftCensoredTimes, data.leftCensoredCounts, threshold: threshold, logScale: logScale,
                                           timeOnTest: &ignoredTotal, range: &ignoredRange, above: -.infinity)
        for i in data.intervalCounts.indices {
            // An interval that starts at or below the threshold is, above it, left-censored at its end.
            if logScale && data.intervalLowerTimes[i] <= threshold {
                leftY.append(y(data.intervalUpperTimes[i]))
                leftWeights.append(data.intervalCounts[i])
            } else {
                intervalLowerY.append(y(data.intervalLowerTimes[i]))
                intervalUpperY.append(y(data.intervalUpperTimes[i]))
                intervalWeights.append(data.intervalCounts[i])
            }
        }
        updateExactStatistics()
    }

    /// Recomputes the exact failures' weight, mean, sum of squares and log Jacobian from `exactY` and
    /// `exactWeights`: weighted mean first, then squared deviations from it (two passes, so no
    /// cancellation when the spread is small against the mean, as for log hours near 7 with a spread
    /// of 0.01).
    private mutating func updateExactStatistics() {
        var weight = 0.0, sum = 0.0
        for i in exactY.indices {
            weight += exactWeights[i]
            sum += exactWeights[i] * exactY[i]
        }
        let mean = weight > 0 ? sum / weight : 0
        var squares = 0.0
        for i in exactY.indices {
            let delta = exactY[i] - mean
            squares += exactWeights[i] * delta * delta
        }
        exactWeight = weight
        exactMean = mean
        exactSumOfSquares = squares
        logJacobian = logScale ? -sum : 0
    }

    /// A strided subsample of about `size` entries of each kind, for a starting value: every k-th
    /// entry of a kind with k = count / size, its weight scaled by k / k_exact so that each kind keeps
    /// its share of the weight; nil when no kind has more than 2 `size` entries. The exact failures'
    /// statistics are recomputed; the range is kept (it still bounds the subsample).
    /// - Complexity: O(size) per kind.
    public func strided(toAbout size: Int) -> PreparedSample? {
        let counts = [exactY.count, rightY.count, leftY.count, intervalWeights.count]
        guard counts.max()! > 2 * size else { return nil }
        let reference = Double(max(1, exactY.count / size))
        func take(_ arrays: [[Double]], weights: [Double]) -> ([[Double]], [Double]) {
            let stride = max(1, weights.count / size)
            let scale = Double(stride) / reference
            var taken = arrays.map { _ in [Double]() }, w: [Double] = []
            var i = 0
            while i < weights.count {
                for a in arrays.indices { taken[a].append(arrays[a][i]) }
                w.append(weights[i] * scale)
                i += stride
            }
            return (taken, w)
        }
        var sub = self
        var (y, w) = take([exactY], weights: exactWeights)
        (sub.exactY, sub.exactWeights) = (y[0], w)
        (y, w) = take([rightY], weights: rightWeights)
        (sub.rightY, sub.rightWeights) = (y[0], w)
        (y, w) = take([leftY], weights: leftWeights)
        (sub.leftY, sub.leftWeights) = (y[0], w)
        (y, w) = take([intervalLowerY, intervalUpperY], weights: intervalWeights)
        (sub.intervalLowerY, sub.intervalUpperY, sub.intervalWeights) = (y[0], y[1], w)
        sub.updateExactStatistics()
        return sub
    }

    /// Times above `minimum` as y = t - threshold, or log(t - threshold) on the log scale, with adjacent
    /// equal times merged and their counts added; adds w (t - threshold) of every kept unit to
    /// `timeOnTest` and widens `range` (on the original scale) to cover every kept time.
    /// - Complexity: O(n), one `log` per merged entry on the log scale, taken in a separate loop after
    ///   the merging one; writes through preallocated buffers.
    private static func merged(_ times: [Double], _ counts: [Double], threshold: Double, logScale: Bool,
                               timeOnTest: inout Double, range: inout (low: Double, high: Double),
                               above minimum: Double) -> ([Double], [Double]) {
        var run = MergedRun(exposure: 0, low: range.low, high: range.high, count: 0)
        var weights: [Double] = []
        let y = [Double](unsafeUninitializedCapacity: times.count) { yBuffer, yCount in
            weights = [Double](unsafeUninitializedCapacity: times.count) { wBuffer, wCount in
                times.withUnsafeBufferPointer { times in
                    counts.withUnsafeBufferPointer { counts in
                        run = merge(times, counts, threshold: threshold, into: yBuffer, wBuffer, low: run.low, high: run.high, above: minimum)
                    }
                }
                wCount = run.count
            }
            if logScale { Self.logInPlace(UnsafeMutableBufferPointer(rebasing: yBuffer[0..<run.count])) }
            yCount = run.count
        }
        timeOnTest += run.exposure
        range = (run.low, run.high)
        return (y, weights)
    }

    /// Entries from which a pass over a sample is split over two cores (the logarithms here, the
    /// Weibull moments in `WeibullProfileEstimation`): below it the dispatch costs more than it saves.
    static let parallelEntries = 32_768

    /// log of every element, in two halves on two cores from `parallelEntries` elements on (each
    /// element's result is the same either way).
    private static func logInPlace(_ y: UnsafeMutableBufferPointer<Double>) {
        guard y.count >= parallelEntries else {
            BufferElementaryFunctions.log(y)
            return
        }
        nonisolated(unsafe) let shared = y
        let half = y.count / 2
        _ = Parallel.map(2) { k in
            BufferElementaryFunctions.log(UnsafeMutableBufferPointer(rebasing: k == 0 ? shared[0..<half] : shared[half...]))
        }
    }

    private struct MergedRun {
        var exposure: Double, low: Double, high: Double, count: Int
    }

    /// The merging loop itself, a plain function over buffers so that its accumulators are locals in
    /// registers (captured variables of the closures above stayed in memory, and their load-add-store
    /// chain was most of the time).
    @inline(never)
    private static func merge(_ times: UnsafeBufferPointer<Double>, _ counts: UnsafeBufferPointer<Double>, threshold: Double,
                              into y: UnsafeMutableBufferPointer<Double>, _ w: UnsafeMutableBufferPointer<Double>,
                              low: Double, high: Double, above minimum: Double) -> MergedRun {
        var previous = Double.nan, runWeight = 0.0
        var sum = 0.0, lowest = low, highest = high, n = 0
        for i in 0..<times.count {
            let t = times[i], c = counts[i]
            guard t > minimum else { continue }
            sum += c * (t - threshold)
            lowest = t < lowest ? t : lowest
            highest = t > highest ? t : highest
            if t == previous {
                runWeight += c
            } else {
                if n > 0 { w.initializeElement(at: n - 1, to: runWeight) }
                y.initializeElement(at: n, to: t - threshold)
                runWeight = c
                n += 1
                previous = t
            }
        }
        if n > 0 { w.initializeElement(at: n - 1, to: runWeight) }
        return MergedRun(exposure: sum, low: lowest, high: highest, count: n)
    }
}
