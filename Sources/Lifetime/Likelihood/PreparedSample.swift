#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lifetime data transformed once to the scale on which a family is location-scale: y = log(t - gamma)
/// for log-location-scale families (Weibull, lognormal, exponential, log-logistic), y = t - gamma for
/// location-scale families (normal, Gumbel). Every likelihood evaluation then works on y directly, so
/// no logarithm of the data is taken inside the optimisation loop.
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

    /// - Complexity: O(n) in the number of stored observations, one logarithm each on the log scale.
    /// - Precondition: every exact failure, left-censoring time and interval end lies above `threshold`
    ///   (the threshold search keeps it below the earliest failure).
    public init(_ data: LifetimeData, logScale: Bool, threshold: Double = 0) {
        @inline(__always) func y(_ t: Double) -> Double { logScale ? log(t - threshold) : t - threshold }
        exactY = data.failureTimes.map(y)
        exactWeights = data.failureCounts
        exactWeight = exactWeights.reduce(0, +)
        if logScale {
            var jacobian = 0.0
            for i in exactY.indices { jacobian -= exactWeights[i] * exactY[i] }
            logJacobian = jacobian
        }
        // A unit censored at or below the threshold (log scale) survives there with probability 1.
        for i in data.suspensionTimes.indices where !(logScale && data.suspensionTimes[i] <= threshold) {
            rightY.append(y(data.suspensionTimes[i]))
            rightWeights.append(data.suspensionCounts[i])
        }
        leftY = data.leftCensoredTimes.map(y)
        leftWeights = data.leftCensoredCounts
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
    }
}
