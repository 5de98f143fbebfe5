#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Likelihood-ratio bounds for threshold and gamma fits, whose likelihood is not handled by the
/// two-parameter location-scale profiles: on every parameter, and on B-lives and reliability.
///
/// A quantity phi is profiled by writing the internal parameters (mu, s or ln k, gamma) as a function
/// of phi and the others: a parameter is simply held at phi; a B-life t_p = gamma + exp(mu + sigma z_p)
/// (gamma: gamma + e^mu x_p(k)) gives mu from phi = ln t_p; a reliability R(t), through
/// phi = ln(-ln R), gives mu from the standardized time at t. The profile log-likelihood at phi is the
/// maximum over the others, found by Nelder-Mead warm-started from the previous profile point, so the
/// threshold is profiled too: these bounds are not conditional on it. Each end is the root of
/// l_max - profile(phi) - chi2(c; 1)/2, bracketed by doubling steps of a Wald-sized step and solved by
/// Brent's method; an end never bracketed is nil. The threshold's upper end cannot pass the first
/// failure, where the likelihood stops: when the profile has not fallen far enough by then, the upper
/// bound is that time.
/// - Complexity: some 20-60 profile points per end, each a Nelder-Mead of a few hundred O(n)
///   log-likelihood evaluations.
enum GeneralProfileBounds {
    /// The pieces shared by every quantity of one fit.
    struct Context {
        let fit: LifetimeFit
        let data: LifetimeData
        let theta: [Double]
        let profilesThreshold: Bool
        let tMin: Double
        let drop: Double

        init?(_ fit: LifetimeFit, confidence: Double) {
            guard let data = fit.data, fit.method == .mle, fit.fixed.sigma == nil else { return nil }
            let estimate = ThresholdEstimation.internalParameters(fit.family, fit.model)
            profilesThreshold = fit.family.hasThreshold && fit.fixed.threshold == nil
            guard profilesThreshold || fit.family.isGamma else { return nil }
            self.fit = fit
            self.data = data
            theta = Array(estimate.prefix(profilesThreshold ? estimate.count : 2))
            tMin = ThresholdEstimation.earliestFailureBound(data)
            drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
        }

        var threshold: (([Double]) -> Double) { { p in profilesThreshold ? p[p.count - 1] : fit.model.threshold } }

        func logLikelihood(_ p: [Double]) -> Double {
            if profilesThreshold { return ThresholdEstimation.logLikelihood(fit.family, data, p) }
            return GammaLikelihood(data: data, threshold: fit.model.threshold).logLikelihood(mu: p[0], logShape: p[1])
        }

        /// sigma at internal parameters (1 for the exponential and the gamma).
        func sigma(_ p: [Double]) -> Double { fit.family.fixedSigma != nil || fit.family.isGamma ? 1 : exp(p[1]) }

        /// The internal parameters with mu replaced so that the standardized time (or, for the gamma,
        /// the scaled time x with P(k, x) = probability) at `time` is what a probability demands.
        func withLocation(at time: Double, probability: Double, _ others: [Double]) -> [Double]? {
            var p = [0.0] + others
            let gamma = threshold(p)
            guard time > gamma, probability > 0, probability < 1 else { return nil }
            if fit.family.isGamma {
                let x = inverseRegularizedGammaP(exp(p[1]), probability)
                guard x > 0, x.isFinite else { return nil }
                p[0] = log((time - gamma) / x)
            } else {
                p[0] = log(time - gamma) - sigma(p) * fit.family.standard.quantile(probability)
            }
            return p
        }

        /// Bounds on phi, where `complete(phi, others)` gives the internal parameters (nil: infeasible).
        func interval(estimate: Double, scale: Double, others start: [Double], upperLimit: Double? = nil,
                      complete: @escaping (Double, [Double]) -> [Double]?) -> ConfidenceInterval {
            var warm = start
            func profile(_ phi: Double) -> Double {
                let search = Minimization.nelderMead(start: warm, step: warm.map { 0.05 * max(1, abs($0)) },
                                                     tolerance: 1e-12, maxEvaluations: 4000) { others in
                    guard let p = complete(phi, others) else { return .infinity }
                    let value = logLikelihood(p)
                    return value.isFinite ? -value : .infinity
                }
                if search.value.isFinite { warm = search.x }
                return -search.value
            }
            let step0 = scale.isFinite && scale > 0 ? scale : 0.1 * max(1, abs(estimate))
            func end(_ direction: Double) -> Double? {
                warm = start
                var inner = estimate, step = step0
                for _ in 0..<40 {
                    var outer = estimate + direction * step
                    if let limit = upperLimit, direction > 0, outer >= limit {
                        outer = limit - 1e-9 * max(1, abs(limit))
                        if fit.logLikelihood - profile(outer) - drop <= 0 { return limit }
                    }
                    if fit.logLikelihood - profile(outer) - drop > 0 {
                        return RootFinding.brent(min(inner, outer), max(inner, outer), absoluteTolerance: 1e-10 * max(1, abs(estimate))) {
                            fit.logLikelihood - profile($0) - drop
                        }
                    }
                    inner = outer
                    step *= 2
                }
                return nil
            }
            return ConfidenceInterval(lower: end(-1), upper: end(1))
        }
    }

    /// Bounds on every parameter, in the family's own terms.
    static func parameters(_ fit: LifetimeFit, confidence: Double) -> [ConfidenceInterval]? {
        guard let c = Context(fit, confidence: confidence) else { return nil }
        let covariance = fit.internalCovariance
        let intervals = c.theta.indices.map { j -> ConfidenceInterval in
            let others = c.theta.enumerated().filter { $0.offset != j }.map(\.element)
            let isThreshold = c.profilesThreshold && j == c.theta.count - 1
            let scale = covariance.map { $0[j, j].squareRoot() } ?? 0.1 * max(1, abs(c.theta[j]))
            return c.interval(estimate: c.theta[j], scale: scale, others: others, upperLimit: isThreshold ? c.tMin : nil) { phi, rest in
                var p = rest
                p.insert(phi, at: j)
                return p
            }
        }
        return map(fit.family, intervals, profilesThreshold: c.profilesThreshold)
    }

    /// Bounds on the B-life t_p, profiled over ln t_p.
    static func quantile(_ fit: LifetimeFit, probability p: Double, confidence: Double) -> ConfidenceInterval? {
        guard let c = Context(fit, confidence: confidence) else { return nil }
        let value = fit.model.quantile(p)
        let scale = DeltaMethod.variance(fit) { log($0.quantile(p)) }.map { $0.squareRoot() } ?? 0.1
        let logT = c.interval(estimate: log(value), scale: scale, others: Array(c.theta.dropFirst())) { phi, others in
            c.withLocation(at: exp(phi), probability: p, others)
        }
        return logT.mappedIncreasing(exp)
    }

    /// Bounds on R(t), profiled over phi = ln(-ln R) (the log cumulative hazard, real-valued).
    static func reliability(_ fit: LifetimeFit, at t: Double, confidence: Double) -> ConfidenceInterval? {
        guard let c = Context(fit, confidence: confidence) else { return nil }
        let r = fit.model.reliability(t)
        guard r > 0 && r < 1 else { return nil }
        let scale = DeltaMethod.variance(fit) { log(-log($0.reliability(t))) }.map { $0.squareRoot() } ?? 0.1
        let phi = c.interval(estimate: log(-log(r)), scale: scale, others: Array(c.theta.dropFirst())) { phi, others in
            c.withLocation(at: t, probability: -expm1(-exp(phi)), others)
        }
        return phi.mappedDecreasing { exp(-exp($0)) }
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
