#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The censored log-likelihood of a gamma lifetime with shape k = e^l and scale theta = e^mu above a
/// threshold gamma, of the time-scale density:
/// exact: (k - 1) ln x - x/theta - ln Gamma(k) - k mu; right: ln Q(k, x/theta); left: ln P(k, x/theta);
/// interval: ln(P(k, b/theta) - P(k, a/theta)), with x = t - gamma and P, Q the regularized incomplete
/// gamma functions. Units censored at or below the threshold contribute nothing; an interval starting
/// there is left-censored at its end.
struct GammaLikelihood: Sendable {
    var exact: [(x: Double, logX: Double, w: Double)] = []
    var right: [(x: Double, w: Double)] = []
    var left: [(x: Double, w: Double)] = []
    var interval: [(a: Double, b: Double, w: Double)] = []

    init(data: LifetimeData, threshold: Double) {
        for (t, w) in zip(data.failureTimes, data.failureCounts) { exact.append((t - threshold, log(t - threshold), w)) }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) where t > threshold { right.append((t - threshold, w)) }
        for (t, w) in zip(data.leftCensoredTimes, data.leftCensoredCounts) { left.append((t - threshold, w)) }
        for i in data.intervalCounts.indices {
            let a = data.intervalLowerTimes[i] - threshold, b = data.intervalUpperTimes[i] - threshold
            if a <= 0 { left.append((b, data.intervalCounts[i])) } else { interval.append((a, b, data.intervalCounts[i])) }
        }
    }

    /// - Complexity: O(n) incomplete-gamma evaluations for the censored units.
    func logLikelihood(mu: Double, logShape: Double) -> Double {
        let k = exp(logShape), inverseScale = exp(-mu)
        guard k.isFinite, k > 0, inverseScale.isFinite else { return -.infinity }
        let constant = logGamma(k) + k * mu
        var total = 0.0
        for e in exact { total += e.w * ((k - 1) * e.logX - e.x * inverseScale - constant) }
        for r in right { total += r.w * logRegularizedGammaQ(k, r.x * inverseScale) }
        for l in left { total += l.w * log(regularizedGammaP(k, l.x * inverseScale)) }
        for i in interval {
            let lo = i.a * inverseScale, hi = i.b * inverseScale
            let p = lo > k ? regularizedGammaQ(k, lo) - regularizedGammaQ(k, hi) : regularizedGammaP(k, hi) - regularizedGammaP(k, lo)
            total += i.w * log(p)
        }
        return total.isNaN ? -.infinity : total
    }
}
