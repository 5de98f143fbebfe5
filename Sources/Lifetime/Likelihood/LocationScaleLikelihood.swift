#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The censored log-likelihood of a location-scale model y = mu + sigma Z, with its gradient and
/// Hessian in theta = (mu, s), s = log sigma, written once for every family and censoring type.
///
/// With z = (y - mu) / sigma each observation contributes
/// - exact failure: log f(z) - s (plus the Jacobian -log t on the log scale, a constant);
/// - right-censored: log S(z); left-censored: log F(z);
/// - interval (y1, y2]: log(F(z2) - F(z1)).
/// For a term l(z): dz/dmu = -1/sigma, dz/ds = -z, d2z/dmu ds = 1/sigma, d2z/ds2 = z, so with the sums
/// A = sum w l', B = sum w l' z, C = sum w l'', D = sum w l'' z, E = sum w l'' z^2 the derivatives are
/// g = (-A/sigma, -B), H = [[C/sigma^2, (D + A)/sigma], [., E + B]]. Interval terms depend on two z's
/// and are added with their cross derivative.
///
/// The log-likelihood is of the time-scale density (NIST, Weibull++ and survreg convention): the sum
/// over exact failures of log f_T(t) plus the sum over censored units of the log probability of
/// their interval.
public struct LocationScaleLikelihood<Z: StandardDistribution>: LocationScaleSurface, Sendable {
    public let sample: PreparedSample

    public init(_ sample: PreparedSample) { self.sample = sample }

    public typealias Evaluation = LocationScaleEvaluation

    /// The log-likelihood alone.
    /// - Complexity: O(n), one evaluation of log f, log S or log F per stored observation.
    public func logLikelihood(mu: Double, sigma: Double) -> Double {
        let s = sample
        let inv = 1 / sigma
        var total = s.logJacobian - s.exactWeight * log(sigma)
        if Z.isStandardNormal {
            total += Self.normalExactPart(s, mu: mu, inv: inv).value
        } else {
            for i in s.exactY.indices { total += s.exactWeights[i] * Z.logDensity((s.exactY[i] - mu) * inv).value }
        }
        for i in s.rightY.indices { total += s.rightWeights[i] * Z.logSurvival((s.rightY[i] - mu) * inv) }
        for i in s.leftY.indices { total += s.leftWeights[i] * Z.logCDF((s.leftY[i] - mu) * inv) }
        for i in s.intervalWeights.indices {
            let p = Z.probability(between: (s.intervalLowerY[i] - mu) * inv, and: (s.intervalUpperY[i] - mu) * inv)
            total += s.intervalWeights[i] * log(p)
        }
        return total
    }

    /// The exact failures' sum of w log f(z), sum w z and sum w z^2 under the standard normal, from the
    /// sample's weight, mean and sum of squares: sum w (y - mu)^2 = SS + W (mean - mu)^2.
    /// - Complexity: O(1).
    @inline(__always)
    static func normalExactPart(_ s: PreparedSample, mu: Double, inv: Double) -> (value: Double, sumZ: Double, sumZ2: Double) {
        let offset = (s.exactMean - mu) * inv
        let sumZ = s.exactWeight * offset
        let sumZ2 = s.exactSumOfSquares * inv * inv + s.exactWeight * offset * offset
        return (-0.5 * sumZ2 - s.exactWeight * NormalStandard.logRootTwoPi, sumZ, sumZ2)
    }

    /// Log-likelihood with gradient and Hessian in (mu, s).
    /// - Complexity: O(n); no allocation.
    public func evaluate(mu: Double, s logSigma: Double) -> Evaluation {
        let sample = self.sample
        let sigma = exp(logSigma)
        let inv = 1 / sigma
        var value = sample.logJacobian - sample.exactWeight * logSigma
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0, e = 0.0

        @inline(__always) func accumulate(_ w: Double, _ z: Double, _ term: (value: Double, first: Double, second: Double)) {
            value += w * term.value
            let wl1 = w * term.first, wl2 = w * term.second
            a += wl1; b += wl1 * z
            c += wl2; d += wl2 * z; e += wl2 * z * z
        }
        func rightCensored() {
            for i in sample.rightY.indices {
                let z = (sample.rightY[i] - mu) * inv
                accumulate(sample.rightWeights[i], z, Z.logSurvivalDerivatives(z))
            }
        }
        if Z.isStandardNormal {
            // l = -z^2/2 - log sqrt(2 pi), l' = -z, l'' = -1: the sums need only sum w z and sum w z^2.
            let part = Self.normalExactPart(sample, mu: mu, inv: inv)
            value += part.value
            a -= part.sumZ; b -= part.sumZ2
            c -= sample.exactWeight; d -= part.sumZ; e -= part.sumZ2
            rightCensored()
        } else if Z.self == LogisticStandard.self {
            // Log-logistic: exp and log1p a block at a time (LogisticSums), exact and right-censored.
            var sums = LogisticSums.Sums()
            LogisticSums.add(sample.exactY, sample.exactWeights, mu: mu, inverseScale: inv, density: true, to: &sums)
            LogisticSums.add(sample.rightY, sample.rightWeights, mu: mu, inverseScale: inv, density: false, to: &sums)
            value += sums.value
            a += sums.a; b += sums.b; c += sums.c; d += sums.d; e += sums.e
        } else {
            for i in sample.exactY.indices {
                let z = (sample.exactY[i] - mu) * inv
                accumulate(sample.exactWeights[i], z, Z.logDensity(z))
            }
            rightCensored()
        }
        for i in sample.leftY.indices {
            let z = (sample.leftY[i] - mu) * inv
            accumulate(sample.leftWeights[i], z, Z.logCDFDerivatives(z))
        }
        var gMu = -a * inv, gS = -b - sample.exactWeight
        var hMuMu = c * inv * inv, hMuS = (d + a) * inv, hSS = e + b

        // Interval terms: l(z1, z2) = log(F(z2) - F(z1)).
        for i in sample.intervalWeights.indices {
            let w = sample.intervalWeights[i]
            let z1 = (sample.intervalLowerY[i] - mu) * inv
            let z2 = (sample.intervalUpperY[i] - mu) * inv
            let p = Z.probability(between: z1, and: z2)
            let f1 = Z.logDensity(z1), f2 = Z.logDensity(z2)
            let a1 = exp(f1.value) / p, a2 = exp(f2.value) / p
            let l1 = -a1, l2 = a2                                   // dl/dz1, dl/dz2
            let l11 = -a1 * f1.first - a1 * a1, l22 = a2 * f2.first - a2 * a2, l12 = a1 * a2
            value += w * log(p)
            gMu += w * (-(l1 + l2) * inv)
            gS += w * (-(l1 * z1 + l2 * z2))
            hMuMu += w * (l11 + 2 * l12 + l22) * inv * inv
            hMuS += w * ((l11 * z1 + l12 * (z1 + z2) + l22 * z2) + l1 + l2) * inv
            hSS += w * (l11 * z1 * z1 + 2 * l12 * z1 * z2 + l22 * z2 * z2 + l1 * z1 + l2 * z2)
        }
        return Evaluation(value: value, gradient: (gMu, gS), hessian: (hMuMu, hMuS, hSS))
    }
}
