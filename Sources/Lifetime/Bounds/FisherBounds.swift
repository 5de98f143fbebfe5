#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Fisher-matrix (Wald) bounds from the covariance of (mu, s = log sigma).
///
/// Transforms, chosen as Weibull++ and Minitab do so that bounds respect the parameter's range:
/// - positive quantities (eta, beta, sigma, lambda, B-lives, MTTF) are bounded on the log scale:
///   exp(log q +- z se(log q));
/// - lognormal mu is unbounded and bounded directly: mu +- z se(mu);
/// - reliability R(t) = S(u) is bounded through the standardized time u = (log t - mu) / sigma:
///   u +- z se(u), then R = S(u) at the ends.
/// The variances come from the delta method: with V the covariance of (mu, s),
/// var(log t_p) = V_mumu + 2 sigma z_p V_mus + (sigma z_p)^2 V_ss and
/// var(u) = V_mumu / sigma^2 + 2 u V_mus / sigma + u^2 V_ss.
enum FisherBounds {
    /// Two-sided standard normal quantile z_{(1 + c)/2}.
    static func criticalValue(_ confidence: Double) -> Double { StandardNormal.quantile(0.5 + confidence / 2) }

    /// True when the analytic (mu, s) formulas apply: no threshold and not a gamma family.
    static func isLocationScale(_ fit: LifetimeFit) -> Bool { !fit.family.hasThreshold && !fit.family.isGamma }

    static func parameters(_ fit: LifetimeFit, confidence: Double) -> [ConfidenceInterval] {
        let none = ConfidenceInterval(lower: nil, upper: nil)
        if !isLocationScale(fit) {
            if fit.internalCovariance != nil {
                return fit.family.parameterNames.indices.map { i in
                    let positive = !["mu", "gamma"].contains(fit.family.parameterNames[i])
                    return DeltaMethod.interval(fit, confidence: confidence, transform: positive ? .log : .identity) { $0.parameters[i] }
                }
            }
            // Conditional on the fitted threshold, when only (mu, s) has a covariance.
            guard fit.locationScaleCovariance != nil else { return Array(repeating: none, count: fit.parameterCount) }
        }
        guard let v = fit.locationScaleVariances else { return Array(repeating: none, count: fit.parameterCount) }
        let z = criticalValue(confidence)
        let mu = fit.model.mu, s = log(fit.model.sigma)
        let muInterval = ConfidenceInterval(lower: mu - z * v.mumu.squareRoot(), upper: mu + z * v.mumu.squareRoot())
        let sInterval = ConfidenceInterval(lower: s - z * v.ss.squareRoot(), upper: s + z * v.ss.squareRoot())
        var result = map(fit.family, mu: muInterval, s: sInterval)
        if fit.family.hasThreshold { result.append(none) }
        return result
    }

    /// Maps intervals for mu and s to intervals for the family's own shape and scale parameters.
    static func map(_ family: LifetimeFamily, mu: ConfidenceInterval, s: ConfidenceInterval) -> [ConfidenceInterval] {
        switch family {
        case .weibull2p, .weibull3p, .loglogistic2p, .loglogistic3p: [mu.mappedIncreasing(exp), s.mappedDecreasing { exp(-$0) }]
        case .lognormal2p, .lognormal3p, .normal, .gumbel: [mu, s.mappedIncreasing(exp)]
        case .exponential1p, .exponential2p: [mu.mappedDecreasing { exp(-$0) }]
        case .gamma2p, .gamma3p: [ConfidenceInterval(lower: nil, upper: nil), ConfidenceInterval(lower: nil, upper: nil)]
        }
    }

    /// Bounds on t_p: Wald on y_p = mu + sigma z_p (ln t_p for log families), mapped back to time.
    static func quantile(_ fit: LifetimeFit, probability p: Double, confidence: Double) -> ConfidenceInterval {
        if !isLocationScale(fit) && fit.internalCovariance != nil {
            return DeltaMethod.interval(fit, confidence: confidence, transform: .log) { $0.quantile(p) }
        }
        guard let v = fit.locationScaleVariances, !fit.family.isGamma else { return ConfidenceInterval(lower: nil, upper: nil) }
        let zp = fit.family.standard.quantile(p)
        let sigma = fit.model.sigma
        let y = fit.model.mu + sigma * zp
        let variance = v.mumu + 2 * sigma * zp * v.mus + sigma * sigma * zp * zp * v.ss
        let half = criticalValue(confidence) * variance.squareRoot()
        return ConfidenceInterval(lower: fit.model.time(fromTransformed: y - half), upper: fit.model.time(fromTransformed: y + half))
    }

    static func reliability(_ fit: LifetimeFit, at t: Double, confidence: Double) -> ConfidenceInterval {
        if !isLocationScale(fit) && fit.internalCovariance != nil {
            if fit.family.isGamma {
                return DeltaMethod.interval(fit, confidence: confidence, transform: .logit) { $0.reliability(t) }
            }
            guard let v = DeltaMethod.variance(fit, { $0.standardized(t) }), v.isFinite else { return ConfidenceInterval(lower: nil, upper: nil) }
            let u = fit.model.standardized(t), half = criticalValue(confidence) * v.squareRoot()
            return ConfidenceInterval(lower: fit.family.standard.survival(u + half), upper: fit.family.standard.survival(u - half))
        }
        guard let v = fit.locationScaleVariances, !fit.family.isGamma else { return ConfidenceInterval(lower: nil, upper: nil) }
        let sigma = fit.model.sigma
        let u = fit.model.standardized(t)
        let variance = v.mumu / (sigma * sigma) + 2 * u * v.mus / sigma + u * u * v.ss
        let half = criticalValue(confidence) * variance.squareRoot()
        let standard = fit.family.standard
        return ConfidenceInterval(lower: standard.survival(u + half), upper: standard.survival(u - half))
    }

    static func mean(_ fit: LifetimeFit, confidence: Double) -> ConfidenceInterval {
        if !isLocationScale(fit) {
            return DeltaMethod.interval(fit, confidence: confidence, transform: .log) { $0.mean }
        }
        guard let v = fit.locationScaleVariances else { return ConfidenceInterval(lower: nil, upper: nil) }
        let standard = fit.family.standard
        let sigma = fit.model.sigma
        let z = criticalValue(confidence)
        if !fit.family.isLogLocationScale {
            // mean = mu + sigma E[Z]: d/dmu = 1, d/ds = sigma E[Z]; bounded directly.
            let d = sigma * standard.mean
            let half = z * (v.mumu + 2 * d * v.mus + d * d * v.ss).squareRoot()
            return ConfidenceInterval(lower: fit.model.mean - half, upper: fit.model.mean + half)
        }
        // ln MTTF = mu + ln M(sigma); d/ds = sigma M'(sigma) / M(sigma), by a central difference.
        let h = 1e-6
        let dLogM = fit.isScaleFixed ? 0 :
            (log(standard.momentGeneratingFunction(sigma * exp(h))) - log(standard.momentGeneratingFunction(sigma * exp(-h)))) / (2 * h)
        let variance = v.mumu + 2 * dLogM * v.mus + dLogM * dLogM * v.ss
        let half = z * variance.squareRoot()
        let logMean = log(fit.model.mean)
        return ConfidenceInterval(lower: exp(logMean - half), upper: exp(logMean + half))
    }
}
