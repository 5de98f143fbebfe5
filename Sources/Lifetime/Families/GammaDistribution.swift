#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// The two-parameter gamma: density t^(k-1) e^(-t/theta) / (Gamma(k) theta^k), survival Q(k, t/theta),
/// with Q the regularized upper incomplete gamma function.
///
/// Parameters, in the maximiser's order: the scale theta and the shape k, both on the log scale, so
/// the unconstrained parameters are (ln theta, ln k), the internal parameters of the `gamma2p` and
/// `gamma3p` fits (`GammaEstimation`; the threshold of gamma3p is profiled by `ThresholdEstimation`
/// on the sample shifted by it, `CensoredSample(_:threshold:)`). The output reports them as shape and
/// scale.
///
/// The gamma is an exponential family: the exact failures enter only through sum w, sum w t and
/// sum w ln t (`exactLogDensitySum`), so they cost nothing per evaluation; each censored entry costs
/// one incomplete gamma with its derivatives in both arguments (`T.logRegularizedGammaQ`, exact in
/// the shape by differentiating the series or continued fraction).
public struct GammaDistribution: ParametricFamily {
    public init() {}
    public var name: String { "gamma2p" }
    public var parameters: [FamilyParameter] { [FamilyParameter("scale", .log), FamilyParameter("shape", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    /// ln f = (k - 1) ln t - t/theta - ln Gamma(k) - k ln theta.
    public func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let theta = p[0], k = p[1]
        return (k - 1) * T.log(t) - t / theta - T.logGamma(k) - k * T.log(theta)
    }

    /// The same sum from the sufficient statistics: (k - 1) sum w ln t - sum w t / theta
    /// - sum w (ln Gamma(k) + k ln theta).
    public func exactLogDensitySum<T: LikelihoodScalar>(_ sample: CensoredSample, _ p: [T]) -> T? {
        let sums = sample.exactSums
        guard sums.weight > 0 else { return T(0) }
        let theta = p[0], k = p[1]
        return (k - 1) * T(sums.logTime) - T(sums.time) / theta - T(sums.weight) * (T.logGamma(k) + k * T.log(theta))
    }

    public func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.logRegularizedGammaQ(p[1], t / p[0]) }

    public func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.logRegularizedGammaP(p[1], t / p[0]) }

    /// ln(P(k, b/theta) - P(k, a/theta)): from the lower tail when the interval lies below the shape
    /// (where Q is near 1 and the survival difference would cancel), from the upper tail otherwise.
    public func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T {
        let k = p[1], za = a / p[0], zb = b / p[0]
        if za.value > k.value {
            let la = T.logRegularizedGammaQ(k, za), lb = T.logRegularizedGammaQ(k, zb)
            return la + T.log1mexp(lb - la)
        }
        let la = T.logRegularizedGammaP(k, za), lb = T.logRegularizedGammaP(k, zb)
        return lb + T.log1mexp(la - lb)
    }

    /// Value, gradient and Hessian in u = (ln theta, ln k) in one pass: the exact failures from their
    /// sufficient statistics, each censored entry from one incomplete gamma with its partials in
    /// (k, z = t/theta) (`logIncompleteGammaWithDerivatives`), carried to u by the chain rule
    /// (`LogTermPartials`). The general path would evaluate every entry three times in hyper-dual numbers;
    /// this one is the same numbers (tested equal to 1e-10 relative) at a third of the work or less.
    /// - Complexity: O(1) for the exact failures, one incomplete gamma per right- or left-censored
    ///   entry and two per interval.
    public func logLikelihoodDerivatives(_ sample: CensoredSample, _ u: [Double]) -> LikelihoodDerivatives? {
        guard u.count == 2 else { return nil }
        var total = LogTermPartials.zero
        for (i, j) in [(0, 0), (0, 1), (1, 1)] {
            guard let s = exactLogDensitySum(sample, natural(u, seeding: i, j)) else { continue }
            total.value = s.value
            switch (i, j) {
            case (0, 0): total.g0 = s.e1; total.h00 = s.e12
            case (0, 1): total.h01 = s.e12
            default: total.g1 = s.e1; total.h11 = s.e12
            }
        }
        let theta = exp(u[0]), k = exp(u[1])
        // From `parallelEntries` censored entries on, two fixed halves on two cores, added in order (the
        // result does not depend on the scheduling).
        let entries = sample.right.count + sample.left.count + sample.interval.count
        let parts = entries >= Self.parallelEntries
            ? Parallel.map(2) { Self.censoredPartials(sample, theta: theta, k: k, part: $0, of: 2) }
            : [Self.censoredPartials(sample, theta: theta, k: k, part: 0, of: 1)]
        for part in parts { total.add(part, weight: 1) }
        return total.derivatives
    }

    /// Censored entries from which the one-pass derivatives split their work over two cores.
    static let parallelEntries = 16_384

    /// The censored entries' sum over part `part` of `parts` equal slices of each kind.
    private static func censoredPartials(_ sample: CensoredSample, theta: Double, k: Double, part: Int, of parts: Int) -> LogTermPartials {
        func slice(_ n: Int) -> Range<Int> { (n * part / parts)..<(n * (part + 1) / parts) }
        var total = LogTermPartials.zero
        for e in sample.right[slice(sample.right.count)] {
            total.add(LogTermPartials(k: k, z: e.time / theta, upper: true), weight: e.weight)
        }
        for e in sample.left[slice(sample.left.count)] {
            total.add(LogTermPartials(k: k, z: e.time / theta, upper: false), weight: e.weight)
        }
        for e in sample.interval[slice(sample.interval.count)] {
            // As `logProbability`: the tail in which the difference does not cancel.
            let upper = e.lower / theta > k
            let near = LogTermPartials(k: k, z: (upper ? e.lower : e.upper) / theta, upper: upper)
            let far = LogTermPartials(k: k, z: (upper ? e.upper : e.lower) / theta, upper: upper)
            total.add(near.minusLog1mexp(of: far), weight: e.weight)
        }
        return total
    }

    /// The method of moments on the failure locations: k = m^2/v, theta = v/m.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let locations = sample.failureLocations
        let total = locations.reduce(0.0) { $0 + $1.weight }
        guard total > 0 else { return [[1, 1]] }
        let m = locations.reduce(0.0) { $0 + $1.weight * $1.time } / total
        let v = locations.reduce(0.0) { $0 + $1.weight * ($1.time - m) * ($1.time - m) } / max(total - 1, 1)
        guard v > 0, m > 0 else { return [[max(m, 1e-300), 1]] }
        return [[v / m, m * m / v]]
    }
}

extension LogTermPartials {
    /// ln Q(k, z) (upper) or ln P(k, z) at z = t/theta, in u = (ln theta, ln k). With dz/du0 = -z,
    /// dk/du1 = k (and the second derivatives z and k): g0 = -f_z z, g1 = f_k k, H00 = f_zz z^2 + f_z z,
    /// H01 = -f_kz k z, H11 = f_kk k^2 + f_k k.
    ///
    /// With a threshold gamma (z = (t - gamma)/theta) the third parameter is gamma itself, and
    /// `thresholdRate` a = 1/theta: dz/dgamma = -a, d2z/du0 dgamma = a, so g2 = -f_z a,
    /// H02 = f_zz z a + f_z a, H12 = -f_kz k a, H22 = f_zz a^2 (`ThresholdLikelihood`); 0, the
    /// default, leaves them 0.
    init(k: Double, z: Double, upper: Bool, thresholdRate a: Double = 0) {
        let r = logIncompleteGammaWithDerivatives(k, z, upper: upper)
        self.init()
        value = r.value
        g0 = -r.first.x * z
        g1 = r.first.a * k
        h00 = r.second.xx * z * z + r.first.x * z
        h01 = -r.second.ax * k * z
        h11 = r.second.aa * k * k + r.first.a * k
        if a != 0 {
            g2 = -r.first.x * a
            h02 = (r.second.xx * z + r.first.x) * a
            h12 = -r.second.ax * k * a
            h22 = r.second.xx * a * a
        }
    }
}
