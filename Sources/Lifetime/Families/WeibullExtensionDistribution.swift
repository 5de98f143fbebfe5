#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The Weibull extension of Xie, Tang and Goh (2002), "weibull-extension" (lambda, alpha, beta > 0), on t > 0:
///
///     S(t) = exp(lambda alpha (1 - e^((t/alpha)^beta))),   H(t) = lambda alpha (e^((t/alpha)^beta) - 1),
///     h(t) = lambda beta (t/alpha)^(beta-1) e^((t/alpha)^beta).
///
/// alpha = 1 is Chen's family, lambda alpha = 1 the exponential power; alpha -> infinity with
/// lambda alpha^(1-beta) fixed is the Weibull with shape beta. The hazard is bathtub-shaped for beta < 1,
/// with its minimum at t* = alpha ((1 - beta)/beta)^(1/beta), and increasing for beta >= 1.
public struct WeibullExtensionDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "weibull-extension" }
    public var parameters: [FamilyParameter] {
        [FamilyParameter("lambda", .log), FamilyParameter("alpha", .log), FamilyParameter("beta", .log)]
    }
    public var requiredDistinctFailures: Int { 3 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let lambda = p[0], alpha = p[1], beta = p[2], logZ = T.log(t) - T.log(alpha)
        return T.log(lambda) + T.log(beta) + (beta - 1) * logZ + T.exp(beta * logZ)
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        p[0] * p[1] * T.expm1(T.exp(p[2] * (T.log(t) - T.log(p[1]))))
    }

    /// Shapes beta on a grid (and the Weibull plotting-position shape) times scales alpha from 0.1 to 100
    /// times the longest time, each with the lambda that matches the expected failures to the observed
    /// ones; the best by log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let longest = BathtubSupport.timeScale(sample)
        var candidates: [[Double]] = []
        for beta in BathtubSupport.shapeGrid + [StartingValues.weibull(sample).beta] {
            for scale in [0.1, 0.3, 1, 3, 10, 100] {
                let alpha = scale * longest
                if let lambda = BathtubSupport.multiplier(sample, { alpha * expm1(pow($0 / alpha, beta)) }) {
                    candidates.append([lambda, alpha, beta])
                }
            }
        }
        return BathtubSupport.best(self, sample, candidates)
    }

    /// alpha running to infinity (the Weibull limit) or a shape running to infinity.
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let reach = pow(BathtubSupport.timeScale(sample) / p[1], p[2])
        if reach < 1e-6 {
            return "alpha runs to infinity ((t/alpha)^beta <= \(NoteNumbers.significant(reach)) on the data): the fit is the Weibull with shape beta = \(NoteNumbers.significant(p[2]))"
        }
        if p[2] > BathtubSupport.collapsedShape {
            return "beta runs to infinity (\(NoteNumbers.significant(p[2]))): the hazard collapses onto the last failures"
        }
        return nil
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        let alpha = p[1], beta = p[2]
        guard beta > 0, beta < 1, alpha > 0 else { return nil }
        return alpha * pow((1 - beta) / beta, 1 / beta)
    }
}
