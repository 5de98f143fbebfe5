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

    static func parameters(_ fit: LifetimeFit, confidence: Double) -> [ConfidenceInterval] {
        guard let v = fit.locationScaleVariances else {
            return Array(repeating: ConfidenceInterval(lower: nil, upper: nil), count: fit.parameterCount)
        }
        let z = criticalValue(confidence)
        let mu = fit.model.mu, s = log(fit.model.sigma)
        let muInterval = ConfidenceInterval(lower: mu - z * v.mumu.squareRoot(), upper: mu + z * v.mumu.squareRoot())
        let sInterval = ConfidenceInterval(lower: s - z * v.ss.squareRoot(), upper: s + z * v.ss.squareRoot())
        return map(fit.family, mu: muInterval, s: sInterval)
    }

    /// Maps intervals for mu and s to intervals for the family's own parameters.
    static func map(_ family: LifetimeFamily, mu: ConfidenceInterval, s: ConfidenceInterval) -> [ConfidenceInterval] {
        switch family {
        case .weibull2p: [mu.mappedIncreasing(exp), s.mappedDecreasing { exp(-$0) }]
        case .lognormal2p: [mu, s.mappedIncreasing(exp)]
        case .exponential1p: [mu.mappedDecreasing { exp(-$0) }]
        }
    }

    static func quantile(_ fit: LifetimeFit, probability p: Double, confidence: Double) -> ConfidenceInterval {
        guard let v = fit.locationScaleVariances else { return ConfidenceInterval(lower: nil, upper: nil) }
        let zp = fit.family.standard.quantile(p)
        let sigma = fit.model.sigma
        let logT = fit.model.mu + sigma * zp
        let variance = v.mumu + 2 * sigma * zp * v.mus + sigma * sigma * zp * zp * v.ss
        let half = criticalValue(confidence) * variance.squareRoot()
        return ConfidenceInterval(lower: exp(logT - half), upper: exp(logT + half))
    }

    static func reliability(_ fit: LifetimeFit, at t: Double, confidence: Double) -> ConfidenceInterval {
        guard let v = fit.locationScaleVariances else { return ConfidenceInterval(lower: nil, upper: nil) }
        let sigma = fit.model.sigma
        let u = fit.model.standardized(t)
        let variance = v.mumu / (sigma * sigma) + 2 * u * v.mus / sigma + u * u * v.ss
        let half = criticalValue(confidence) * variance.squareRoot()
        let standard = fit.family.standard
        return ConfidenceInterval(lower: standard.survival(u + half), upper: standard.survival(u - half))
    }

    static func mean(_ fit: LifetimeFit, confidence: Double) -> ConfidenceInterval {
        guard let v = fit.locationScaleVariances else { return ConfidenceInterval(lower: nil, upper: nil) }
        // log MTTF = mu + log M(sigma); d/ds = sigma M'(sigma) / M(sigma), by a central difference.
        let standard = fit.family.standard
        let sigma = fit.model.sigma
        let h = 1e-6
        let dLogM = fit.family.fixedSigma != nil ? 0 :
            (log(standard.momentGeneratingFunction(sigma * exp(h))) - log(standard.momentGeneratingFunction(sigma * exp(-h)))) / (2 * h)
        let variance = v.mumu + 2 * dLogM * v.mus + dLogM * dLogM * v.ss
        let half = criticalValue(confidence) * variance.squareRoot()
        let logMean = log(fit.model.mean)
        return ConfidenceInterval(lower: exp(logMean - half), upper: exp(logMean + half))
    }
}
