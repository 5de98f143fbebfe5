#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// The censored log-likelihood of a threshold family (T - gamma follows the base family) with its
/// gradient and Hessian in the base family's two internal parameters and the threshold gamma, jointly,
/// in one pass over the merged sample on the data's own time scale: what the joint Newton iteration of
/// `ThresholdEstimation` climbs and what its covariance inverts.
///
/// Every term depends on the threshold through x = t - gamma (dx/dgamma = -1), so its derivatives in
/// gamma are its derivatives in time, written out by the chain rule below for each base:
/// - location-scale on the log scale (weibull3p, lognormal3p, loglogistic3p, exponential2p):
///   z = (ln x - mu) / sigma with a = 1/sigma, w = 1/x: z_mu = -a, z_s = -z, z_gamma = -a w,
///   z_mu,s = a, z_s,s = z, z_s,gamma = a w, z_gamma,gamma = -a w^2 (z_mu,mu = z_mu,gamma = 0); an exact
///   failure adds the time-scale Jacobian -s - ln x (derivative w in gamma, second derivative w^2);
/// - gamma (gamma3p), u = (ln theta, ln k): a censored term is ln Q(k, x/theta) or ln P(k, x/theta)
///   with partials from `logIncompleteGammaWithDerivatives`; the exact failures enter through
///   sum w, sum w x, sum w ln x, sum w / x and sum w / x^2 (see `gammaExactPart`).
/// The same conventions as the two-parameter likelihoods at a fixed threshold: a unit censored at or
/// below gamma says nothing, an interval that starts at or below gamma is left-censored at its end,
/// and a failure at or below gamma makes the value -infinity.
///
/// Tests hold these derivatives equal to hyper-dual derivatives of a threshold family written on the
/// public protocol (`ThresholdLikelihoodTests`) and the value equal to the fixed-threshold likelihoods.
enum ThresholdLikelihood {
    /// Value, gradient and Hessian at internal parameters `p`, in the order of
    /// `ThresholdEstimation.internalParameters`: (mu, s, gamma), (mu, gamma) for the exponential,
    /// (ln theta, ln k, gamma) for the gamma. Value -infinity when the point is impossible.
    /// - Complexity: O(n) in the merged entries; from `parallelEntries` entries the pass is split over
    ///   two cores in two fixed halves, added in order (the result does not depend on scheduling).
    static func derivatives(_ family: LifetimeFamily, _ sample: CensoredSample, _ p: [Double]) -> LikelihoodDerivatives {
        let fixedSigma = family.fixedSigma != nil
        let gamma = p[p.count - 1], u0 = p[0], u1 = fixedSigma ? 0 : p[1]
        let entries = sample.exact.count + sample.right.count + sample.left.count + sample.interval.count
        let parts = entries >= parallelEntries ? 2 : 1
        @Sendable func part(_ i: Int) -> LogTermPartials {
            if family.isGamma { return gammaPartials(sample, logScale: u0, logShape: u1, gamma: gamma, part: i, of: parts) }
            switch family.standardKind {
            case .smallestExtremeValue: return locationScalePartials(SmallestExtremeValue.self, sample, mu: u0, s: u1, gamma: gamma, part: i, of: parts)
            case .normal: return locationScalePartials(NormalStandard.self, sample, mu: u0, s: u1, gamma: gamma, part: i, of: parts)
            case .logistic: return locationScalePartials(LogisticStandard.self, sample, mu: u0, s: u1, gamma: gamma, part: i, of: parts)
            }
        }
        var total = LogTermPartials.zero
        for partial in parts == 1 ? [part(0)] : Parallel.map(parts, part) { total.add(partial, weight: 1) }
        if family.isGamma { total.add(gammaExactPart(sample, logScale: u0, logShape: u1, gamma: gamma), weight: 1) }
        var result = total.derivatives(of: fixedSigma ? [0, 2] : [0, 1, 2])
        if !result.value.isFinite || result.value.isNaN { result.value = -.infinity }
        return result
    }

    /// Merged entries from which a pass is split over two cores.
    static let parallelEntries = 16_384

    /// The indices of part `part` of `parts` equal slices of a kind with `n` entries.
    private static func slice(_ n: Int, _ part: Int, _ parts: Int) -> Range<Int> {
        (n * part / parts)..<(n * (part + 1) / parts)
    }

    /// A location-scale family's terms in (mu, s, gamma) over one slice of each kind of entry.
    private static func locationScalePartials<Z: StandardDistribution>(_: Z.Type, _ sample: CensoredSample, mu: Double, s: Double,
                                                                       gamma: Double, part: Int, of parts: Int) -> LogTermPartials {
        let a = exp(-s)
        var total = LogTermPartials.zero
        @inline(__always) func term(_ x: Double, _ l: (value: Double, first: Double, second: Double), z: Double) -> LogTermPartials {
            let w = 1 / x
            return LogTermPartials(value: l.value, first: l.first, second: l.second,
                                   z0: -a, z1: -z, z00: 0, z01: a, z11: z,
                                   z2: -a * w, z02: 0, z12: a * w, z22: -a * w * w)
        }
        @inline(__always) func standardized(_ x: Double) -> Double { (log(x) - mu) * a }
        let impossible = LogTermPartials(value: -.infinity, first: 0, second: 0, z0: 0, z1: 0, z00: 0, z01: 0, z11: 0)
        for e in sample.exact[slice(sample.exact.count, part, parts)] {
            let x = e.time - gamma
            guard x > 0 else { return impossible }
            let y = log(x), z = (y - mu) * a, w = 1 / x
            var t = term(x, Z.logDensity(z), z: z)
            // The time-scale Jacobian: ln f_T = ln f_Z(z) - s - ln x.
            t.value -= s + y
            t.g1 -= 1
            t.g2 += w
            t.h22 += w * w
            total.add(t, weight: e.weight)
        }
        for e in sample.right[slice(sample.right.count, part, parts)] {
            let x = e.time - gamma
            guard x > 0 else { continue }
            let z = standardized(x)
            total.add(term(x, Z.logSurvivalDerivatives(z), z: z), weight: e.weight)
        }
        func leftTerm(_ x: Double) -> LogTermPartials {
            let z = standardized(x)
            return term(x, Z.logCDFDerivatives(z), z: z)
        }
        for e in sample.left[slice(sample.left.count, part, parts)] {
            let x = e.time - gamma
            guard x > 0 else { return impossible }
            total.add(leftTerm(x), weight: e.weight)
        }
        for e in sample.interval[slice(sample.interval.count, part, parts)] {
            let xa = e.lower - gamma, xb = e.upper - gamma
            guard xb > 0 else { return impossible }
            guard xa > 0 else {
                total.add(leftTerm(xb), weight: e.weight)
                continue
            }
            // ln(S(a) - S(b)) from the upper tail where S(a) < 1/2, ln(F(b) - F(a)) from the lower one
            // otherwise: the tail in which the difference does not cancel.
            let za = standardized(xa), zb = standardized(xb)
            let survivalA = Z.logSurvivalDerivatives(za)
            if survivalA.value < -M_LN2 {
                let near = term(xa, survivalA, z: za), far = term(xb, Z.logSurvivalDerivatives(zb), z: zb)
                total.add(near.minusLog1mexp(of: far), weight: e.weight)
            } else {
                let near = term(xb, Z.logCDFDerivatives(zb), z: zb), far = term(xa, Z.logCDFDerivatives(za), z: za)
                total.add(near.minusLog1mexp(of: far), weight: e.weight)
            }
        }
        return total
    }

    /// The gamma's censored terms in (ln theta, ln k, gamma) over one slice of each kind of entry.
    private static func gammaPartials(_ sample: CensoredSample, logScale: Double, logShape: Double, gamma: Double,
                                      part: Int, of parts: Int) -> LogTermPartials {
        let theta = exp(logScale), k = exp(logShape), a = 1 / theta
        let impossible = LogTermPartials(value: -.infinity, first: 0, second: 0, z0: 0, z1: 0, z00: 0, z01: 0, z11: 0)
        var total = LogTermPartials.zero
        for e in sample.right[slice(sample.right.count, part, parts)] {
            let x = e.time - gamma
            guard x > 0 else { continue }
            total.add(LogTermPartials(k: k, z: x * a, upper: true, thresholdRate: a), weight: e.weight)
        }
        for e in sample.left[slice(sample.left.count, part, parts)] {
            let x = e.time - gamma
            guard x > 0 else { return impossible }
            total.add(LogTermPartials(k: k, z: x * a, upper: false, thresholdRate: a), weight: e.weight)
        }
        for e in sample.interval[slice(sample.interval.count, part, parts)] {
            let xa = e.lower - gamma, xb = e.upper - gamma
            guard xb > 0 else { return impossible }
            guard xa > 0 else {
                total.add(LogTermPartials(k: k, z: xb * a, upper: false, thresholdRate: a), weight: e.weight)
                continue
            }
            // As `GammaDistribution.logProbability`: the tail in which the difference does not cancel.
            let upper = xa * a > k
            let near = LogTermPartials(k: k, z: (upper ? xa : xb) * a, upper: upper, thresholdRate: a)
            let far = LogTermPartials(k: k, z: (upper ? xb : xa) * a, upper: upper, thresholdRate: a)
            total.add(near.minusLog1mexp(of: far), weight: e.weight)
        }
        return total
    }

    /// The gamma's exact failures in (ln theta, ln k, gamma). With x = t - gamma and the sums
    /// W = sum w, X = sum w x, L = sum w ln x, R1 = sum w / x, R2 = sum w / x^2:
    /// LL = (k - 1) L - X / theta - W (ln Gamma(k) + k ln theta), so
    /// g = (X/theta - k W, k (L - W ln theta - W psi(k)), -(k - 1) R1 + W / theta),
    /// H00 = -X/theta, H01 = -k W, H02 = -W/theta, H11 = g1 - W k^2 psi'(k), H12 = -k R1, H22 = -(k - 1) R2.
    /// - Complexity: O(n) in the distinct exact times (one logarithm each).
    private static func gammaExactPart(_ sample: CensoredSample, logScale: Double, logShape: Double, gamma: Double) -> LogTermPartials {
        var w = 0.0, xSum = 0.0, l = 0.0, r1 = 0.0, r2 = 0.0
        for e in sample.exact {
            let x = e.time - gamma
            guard x > 0 else {
                return LogTermPartials(value: -.infinity, first: 0, second: 0, z0: 0, z1: 0, z00: 0, z01: 0, z11: 0)
            }
            let inverse = 1 / x
            w += e.weight
            xSum += e.weight * x
            l += e.weight * log(x)
            r1 += e.weight * inverse
            r2 += e.weight * inverse * inverse
        }
        var result = LogTermPartials.zero
        guard w > 0 else { return result }
        let theta = exp(logScale), k = exp(logShape)
        result.value = (k - 1) * l - xSum / theta - w * (logGamma(k) + k * logScale)
        result.g0 = xSum / theta - k * w
        result.g1 = k * (l - w * logScale - w * digamma(k))
        result.g2 = -(k - 1) * r1 + w / theta
        result.h00 = -xSum / theta
        result.h01 = -k * w
        result.h02 = -w / theta
        result.h11 = result.g1 - w * k * k * trigamma(k)
        result.h12 = -k * r1
        result.h22 = -(k - 1) * r2
        return result
    }
}
