#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A fully specified lifetime distribution: a family with its parameters.
///
/// Every family but the gamma is location-scale in y = ln(t - gamma) (or y = t for normal and
/// Gumbel): y = mu + sigma Z. One implementation of each function serves all of them, from the
/// standardized distribution of Z: with z = (y - mu) / sigma, S(t) = S_Z(z), f(t) = f_Z(z) / (sigma dt/dy),
/// h = f / S, H = -ln S, t_p = y^-1(mu + sigma z_p), and moments from the moment generating function of Z.
/// Weibull: mu = ln eta, sigma = 1/beta. Log-logistic: mu = ln alpha, sigma = 1/beta. Exponential:
/// mu = -ln lambda, sigma = 1. Gamma: shape k, scale theta = e^mu, through the regularized incomplete
/// gamma function.
public struct LifetimeModel: Sendable, Equatable {
    public let family: LifetimeFamily
    /// Location of y (for the gamma families, ln of the scale).
    public let mu: Double
    /// Scale of y (1 for the gamma families).
    public let sigma: Double
    /// Threshold gamma: no failures before it (0 for families without one).
    public let threshold: Double
    /// Shape k of the gamma families (nil otherwise).
    public let shape: Double?

    public init(family: LifetimeFamily, mu: Double, sigma: Double, threshold: Double = 0, shape: Double? = nil) {
        self.family = family
        self.mu = mu
        self.sigma = sigma
        self.threshold = threshold
        self.shape = shape
    }

    /// Weibull with scale eta, shape beta and optional threshold gamma.
    public static func weibull(eta: Double, beta: Double, gamma: Double? = nil) -> LifetimeModel {
        LifetimeModel(family: gamma == nil ? .weibull2p : .weibull3p, mu: log(eta), sigma: 1 / beta, threshold: gamma ?? 0)
    }

    /// Lognormal with mean mu and standard deviation sigma of ln(t - gamma).
    public static func lognormal(mu: Double, sigma: Double, gamma: Double? = nil) -> LifetimeModel {
        LifetimeModel(family: gamma == nil ? .lognormal2p : .lognormal3p, mu: mu, sigma: sigma, threshold: gamma ?? 0)
    }

    /// Exponential with failure rate lambda and optional threshold gamma.
    public static func exponential(lambda: Double, gamma: Double? = nil) -> LifetimeModel {
        LifetimeModel(family: gamma == nil ? .exponential1p : .exponential2p, mu: -log(lambda), sigma: 1, threshold: gamma ?? 0)
    }

    /// Normal with mean mu and standard deviation sigma.
    public static func normal(mu: Double, sigma: Double) -> LifetimeModel {
        LifetimeModel(family: .normal, mu: mu, sigma: sigma)
    }

    /// Gumbel (smallest extreme value) with location mu and scale sigma: F = 1 - exp(-exp((t - mu)/sigma)).
    public static func gumbel(mu: Double, sigma: Double) -> LifetimeModel {
        LifetimeModel(family: .gumbel, mu: mu, sigma: sigma)
    }

    /// Log-logistic with scale alpha (the median) and shape beta: F = 1 / (1 + (t/alpha)^-beta).
    public static func loglogistic(alpha: Double, beta: Double, gamma: Double? = nil) -> LifetimeModel {
        LifetimeModel(family: gamma == nil ? .loglogistic2p : .loglogistic3p, mu: log(alpha), sigma: 1 / beta, threshold: gamma ?? 0)
    }

    /// Gamma with shape k and scale theta: f = x^(k-1) e^(-x/theta) / (Gamma(k) theta^k), x = t - gamma.
    public static func gamma(shape: Double, scale: Double, gamma: Double? = nil) -> LifetimeModel {
        LifetimeModel(family: gamma == nil ? .gamma2p : .gamma3p, mu: log(scale), sigma: 1, threshold: gamma ?? 0, shape: shape)
    }

    /// The family's own parameters, in the order of `LifetimeFamily.parameterNames`.
    public var parameters: [Double] {
        var p: [Double]
        switch family {
        case .weibull2p, .weibull3p, .loglogistic2p, .loglogistic3p: p = [exp(mu), 1 / sigma]
        case .lognormal2p, .lognormal3p, .normal, .gumbel: p = [mu, sigma]
        case .exponential1p, .exponential2p: p = [exp(-mu)]
        case .gamma2p, .gamma3p: p = [shape ?? .nan, exp(mu)]
        }
        if family.hasThreshold { p.append(threshold) }
        return p
    }

    private var z: any StandardDistribution.Type { family.standard }

    /// y(t): ln(t - gamma) for the log families, t for normal and Gumbel.
    public func transformed(_ t: Double) -> Double { family.isLogLocationScale ? log(t - threshold) : t }

    /// The time whose transform is y.
    public func time(fromTransformed y: Double) -> Double { family.isLogLocationScale ? threshold + exp(y) : y }

    /// Standardized time z = (y(t) - mu) / sigma; -infinity at or below the threshold of a log family.
    public func standardized(_ t: Double) -> Double {
        if family.isLogLocationScale && t <= threshold { return -.infinity }
        return (transformed(t) - mu) / sigma
    }

    /// Below the support of the log families (t <= gamma) nothing has failed yet.
    private func belowSupport(_ t: Double) -> Bool { family.isLogLocationScale && t <= threshold }

    /// x = (t - gamma) / theta for the gamma families.
    private func gammaArgument(_ t: Double) -> Double { (t - threshold) * exp(-mu) }

    /// F(t) = P(T <= t).
    public func cdf(_ t: Double) -> Double {
        if belowSupport(t) { return 0 }
        if let k = shape { return regularizedGammaP(k, gammaArgument(t)) }
        return z.cdf(standardized(t))
    }

    /// Reliability R(t) = S(t) = P(T > t).
    public func reliability(_ t: Double) -> Double {
        if belowSupport(t) { return 1 }
        if let k = shape { return regularizedGammaQ(k, gammaArgument(t)) }
        return z.survival(standardized(t))
    }

    /// ln f(t).
    public func logDensity(_ t: Double) -> Double {
        if belowSupport(t) { return -.infinity }
        if let k = shape {
            let x = gammaArgument(t)
            return (k - 1) * log(x) - x - logGamma(k) - mu
        }
        let jacobian = family.isLogLocationScale ? log(t - threshold) : 0
        return z.logDensity(standardized(t)).value - log(sigma) - jacobian
    }

    /// Density f(t).
    public func density(_ t: Double) -> Double { exp(logDensity(t)) }

    /// ln S(t), finite far into the upper tail.
    public func logReliability(_ t: Double) -> Double {
        if belowSupport(t) { return 0 }
        if let k = shape { return logRegularizedGammaQ(k, gammaArgument(t)) }
        return z.logSurvival(standardized(t))
    }

    /// Hazard rate h(t) = f(t) / R(t), computed in logs so that it stays finite in the upper tail.
    public func hazard(_ t: Double) -> Double {
        if belowSupport(t) {
            // The limit at the threshold from above: infinite for a decreasing Weibull hazard.
            if t < threshold { return 0 }
            switch family {
            case .exponential1p, .exponential2p: return exp(-mu)
            case .weibull2p, .weibull3p: return sigma > 1 ? .infinity : (sigma == 1 ? exp(-mu) : 0)
            case .gamma2p, .gamma3p: return (shape ?? 1) < 1 ? .infinity : ((shape ?? 1) == 1 ? exp(-mu) : 0)
            default: return 0
            }
        }
        return exp(logDensity(t) - logReliability(t))
    }

    /// Cumulative hazard H(t) = -ln R(t).
    public func cumulativeHazard(_ t: Double) -> Double { -logReliability(t) }

    /// The time by which a fraction p has failed. Total: p = 0 gives the lower end of the support (the
    /// threshold, or -infinity for the normal and Gumbel), p = 1 gives +infinity, and p outside [0, 1]
    /// or NaN gives NaN.
    public func quantile(_ p: Double) -> Double {
        guard p > 0 && p < 1 else {
            if p == 0 { return family.isLogLocationScale || shape != nil ? threshold : -.infinity }
            return p == 1 ? .infinity : .nan
        }
        if let k = shape { return threshold + exp(mu) * inverseRegularizedGammaP(k, p) }
        return time(fromTransformed: mu + sigma * z.quantile(p))
    }

    /// B-life: the time by which `percent` % of units have failed (B10 = `bLife(10)`).
    public func bLife(_ percent: Double) -> Double { quantile(percent / 100) }

    /// Mean time to failure.
    public var mean: Double {
        if let k = shape { return threshold + k * exp(mu) }
        if !family.isLogLocationScale { return mu + sigma * z.mean }
        return threshold + exp(mu) * z.momentGeneratingFunction(sigma)
    }

    /// Variance of T; infinite where the moment does not exist.
    public var variance: Double {
        if let k = shape { return k * exp(2 * mu) }
        if !family.isLogLocationScale { return sigma * sigma * z.variance }
        let m1 = z.momentGeneratingFunction(sigma), m2 = z.momentGeneratingFunction(2 * sigma)
        return exp(2 * mu) * (m2 - m1 * m1)
    }

    /// Reliability over the next `duration` for a unit that has survived to `age`: R(age + d) / R(age).
    public func conditionalReliability(_ duration: Double, age: Double) -> Double {
        exp(logReliability(age + duration) - logReliability(age))
    }

    /// Mean residual life at `age`: the integral of R from age to infinity, divided by R(age),
    /// by adaptive quadrature on the substitution t = age + u / (1 - u).
    public func meanResidualLife(age: Double) -> Double {
        let logRAge = logReliability(age)
        let integral = AdaptiveQuadrature.integrate(0, 1, tolerance: 1e-11) { u in
            guard u < 1 else { return 0 }
            let t = age + u / (1 - u)
            return exp(self.logReliability(t) - logRAge) / ((1 - u) * (1 - u))
        }
        return integral
    }
}
