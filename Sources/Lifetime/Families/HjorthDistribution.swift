#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Hjorth's (1980) IDB family, "hjorth" (delta, theta, beta > 0), on t > 0:
///
///     h(t) = delta t + theta/(1 + beta t),   H(t) = delta t^2/2 + (theta/beta) ln(1 + beta t),
///
/// a Rayleigh wear-out hazard plus a decreasing one (theta at t = 0). The hazard is bathtub-shaped when
/// theta beta > delta, with its minimum where h'(t) = delta - theta beta/(1 + beta t)^2 = 0:
/// t* = (sqrt(theta beta/delta) - 1)/beta; increasing from t = 0 otherwise.
public struct HjorthDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "hjorth" }
    public var parameters: [FamilyParameter] {
        [FamilyParameter("delta", .log), FamilyParameter("theta", .log), FamilyParameter("beta", .log)]
    }
    public var requiredDistinctFailures: Int { 3 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.log(p[0] * t + p[1] / (1 + p[2] * t))
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        p[0] * t * t / 2 + p[1] / p[2] * T.log1p(p[2] * t)
    }

    /// Rates beta t_max from 0.01 to 100, each with a share q of the expected failures in the decreasing
    /// part (0.1 to 0.9) and delta and theta that make the expected failures the observed ones; the best
    /// by log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let longest = BathtubSupport.timeScale(sample)
        var candidates: [[Double]] = []
        for rate in [0.01, 0.3, 1, 3, 10, 30, 100] {
            let beta = rate / longest
            guard let delta = BathtubSupport.multiplier(sample, { $0 * $0 / 2 }),
                  let theta = BathtubSupport.multiplier(sample, { log1p(beta * $0) / beta }) else { continue }
            for q in [0.1, 0.3, 0.5, 0.7, 0.9] { candidates.append([(1 - q) * delta, q * theta, beta]) }
        }
        return BathtubSupport.best(self, sample, candidates)
    }

    /// A part of the hazard that carries no failures, or beta negligible on the data's range (a linear
    /// hazard delta t + theta, on the boundary beta = 0).
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let delta = p[0], theta = p[1], beta = p[2]
        let total = { (t: Double) in delta * t + theta / (1 + beta * t) }
        let wearOut = BathtubSupport.attributedFailures(sample, part: { delta * $0 }, total: total)
        if wearOut < BathtubSupport.negligibleFailures {
            return "delta runs to 0: the increasing part delta t carries \(NoteNumbers.significant(wearOut)) of the failures"
        }
        let early = BathtubSupport.attributedFailures(sample, part: { theta / (1 + beta * $0) }, total: total)
        if early < BathtubSupport.negligibleFailures {
            return "theta runs to 0: the decreasing part theta/(1 + beta t) carries \(NoteNumbers.significant(early)) of the failures"
        }
        let reach = beta * BathtubSupport.timeScale(sample)
        if reach < 1e-6 {
            return "beta runs to 0 (beta t <= \(NoteNumbers.significant(reach)) on the data): the hazard is the linear delta t + theta"
        }
        return nil
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        let delta = p[0], theta = p[1], beta = p[2]
        guard delta > 0, beta > 0, theta * beta > delta else { return nil }
        return ((theta * beta / delta).squareRoot() - 1) / beta
    }
}
