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
///
/// The exact failures enter only through their weight, sum of w x and sum of w ln x (the gamma is an
/// exponential family), so they cost nothing per evaluation; runs of equal censoring times are merged
/// into one weighted entry (every survivor of a Type I test is one incomplete-gamma evaluation).
struct GammaLikelihood: Sendable {
    /// Sufficient statistics of the exact failures: sum w, sum w x, sum w ln x.
    var exactWeight = 0.0, exactSumX = 0.0, exactSumLogX = 0.0
    var right: [(x: Double, w: Double)] = []
    var left: [(x: Double, w: Double)] = []
    var interval: [(a: Double, b: Double, w: Double)] = []

    init(data: LifetimeData, threshold: Double) {
        for (t, w) in zip(data.failureTimes, data.failureCounts) {
            exactWeight += w
            exactSumX += w * (t - threshold)
            exactSumLogX += w * log(t - threshold)
        }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) where t > threshold { Self.add(t - threshold, w, to: &right) }
        for (t, w) in zip(data.leftCensoredTimes, data.leftCensoredCounts) { Self.add(t - threshold, w, to: &left) }
        for i in data.intervalCounts.indices {
            let a = data.intervalLowerTimes[i] - threshold, b = data.intervalUpperTimes[i] - threshold
            if a <= 0 { Self.add(b, data.intervalCounts[i], to: &left) } else { interval.append((a, b, data.intervalCounts[i])) }
        }
    }

    /// Appends (x, w), or adds w to the last entry when it has the same x.
    private static func add(_ x: Double, _ w: Double, to entries: inout [(x: Double, w: Double)]) {
        if let last = entries.last, last.x == x { entries[entries.count - 1].w += w } else { entries.append((x, w)) }
    }

    /// - Complexity: O(1) for the exact failures; one incomplete-gamma evaluation per merged censored entry.
    func logLikelihood(mu: Double, logShape: Double) -> Double {
        let k = exp(logShape), inverseScale = exp(-mu)
        guard k.isFinite, k > 0, inverseScale.isFinite else { return -.infinity }
        let constant = logGamma(k) + k * mu
        var total = (k - 1) * exactSumLogX - exactSumX * inverseScale - exactWeight * constant
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
