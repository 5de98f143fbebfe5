#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Likelihood-ratio bounds on the parameters of threshold and gamma fits, whose likelihood is not
/// handled by the two-parameter location-scale profiles.
///
/// For internal parameter j (mu, s or ln k, gamma), the profile log-likelihood at theta_j = phi is
/// the maximum over the other internal parameters, found by Nelder-Mead warm-started from the
/// previous profile point (the threshold is thus profiled too: these bounds are not conditional on
/// it). Each end is the root of l_max - profile(phi) - chi2(c; 1)/2, bracketed by doubling steps of
/// the Wald standard error and solved by Brent's method; an end never bracketed is nil. The
/// threshold's upper end cannot pass the first failure time, where the likelihood stops: when the
/// profile has not fallen far enough by then, the upper bound is that time.
/// - Complexity: some 20-60 profile points per end, each a Nelder-Mead of a few hundred O(n)
///   log-likelihood evaluations.
enum GeneralProfileBounds {
    static func parameters(_ fit: LifetimeFit, confidence: Double) -> [ConfidenceInterval]? {
        guard let data = fit.data, fit.method == .mle else { return nil }
        let family = fit.family
        guard fit.fixed.sigma == nil else { return nil }
        let estimate = ThresholdEstimation.internalParameters(family, fit.model)
        let profilesThreshold = family.hasThreshold && fit.fixed.threshold == nil
        guard profilesThreshold || family.isGamma else { return nil }
        let dimension = profilesThreshold ? estimate.count : 2
        let theta = Array(estimate.prefix(dimension))
        let tMin = ThresholdEstimation.earliestFailureBound(data)
        func logLikelihood(_ p: [Double]) -> Double {
            if profilesThreshold { return ThresholdEstimation.logLikelihood(family, data, p) }
            return GammaLikelihood(data: data, threshold: fit.model.threshold).logLikelihood(mu: p[0], logShape: p[1])
        }
        let drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
        let covariance = fit.internalCovariance
        var intervals: [ConfidenceInterval] = []
        for j in 0..<dimension {
            var warm = theta.enumerated().filter { $0.offset != j }.map(\.element)
            func profile(_ phi: Double) -> Double {
                let search = Minimization.nelderMead(start: warm, step: warm.map { 0.05 * max(1, abs($0)) },
                                                     tolerance: 1e-12, maxEvaluations: 4000) { others in
                    var p = others
                    p.insert(phi, at: j)
                    let value = logLikelihood(p)
                    return value.isFinite ? -value : .infinity
                }
                if search.value.isFinite { warm = search.x }
                return -search.value
            }
            let isThreshold = profilesThreshold && j == dimension - 1
            var scale = covariance.map { $0[j, j].squareRoot() } ?? 0.1 * max(1, abs(theta[j]))
            if !(scale.isFinite && scale > 0) { scale = 0.1 * max(1, abs(theta[j])) }
            func end(_ direction: Double) -> Double? {
                warm = theta.enumerated().filter { $0.offset != j }.map(\.element)
                var inner = theta[j], step = scale
                for _ in 0..<40 {
                    var outer = theta[j] + direction * step
                    if isThreshold && outer >= tMin {
                        outer = tMin - 1e-9 * max(1, abs(tMin))
                        let excess = fit.logLikelihood - profile(outer) - drop
                        if excess <= 0 { return tMin }   // still inside the region at the first failure
                    }
                    let excess = fit.logLikelihood - profile(outer) - drop
                    if excess > 0 {
                        return RootFinding.brent(min(inner, outer), max(inner, outer), absoluteTolerance: 1e-10 * max(1, abs(theta[j]))) {
                            fit.logLikelihood - profile($0) - drop
                        }
                    }
                    if isThreshold && outer >= tMin - 2e-9 * max(1, abs(tMin)) { return tMin }
                    inner = outer
                    step *= 2
                }
                return nil
            }
            intervals.append(ConfidenceInterval(lower: end(-1), upper: end(1)))
        }
        return map(family, intervals, profilesThreshold: profilesThreshold)
    }

    /// Internal intervals (mu, s or ln k[, gamma]) to the family's own parameters.
    static func map(_ family: LifetimeFamily, _ bounds: [ConfidenceInterval], profilesThreshold: Bool) -> [ConfidenceInterval] {
        var result: [ConfidenceInterval]
        if family.isGamma {
            result = [bounds[1].mappedIncreasing(exp), bounds[0].mappedIncreasing(exp)]   // shape, scale
        } else if family.fixedSigma != nil {
            result = FisherBounds.map(family, mu: bounds[0], s: ConfidenceInterval(lower: nil, upper: nil))
        } else {
            result = FisherBounds.map(family, mu: bounds[0], s: bounds[1])
        }
        if family.hasThreshold { result.append(profilesThreshold ? bounds[bounds.count - 1] : ConfidenceInterval(lower: nil, upper: nil)) }
        return result
    }
}
