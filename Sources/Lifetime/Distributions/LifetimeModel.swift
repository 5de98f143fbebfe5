#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A fully specified lifetime distribution: a family with its parameters.
///
/// Every family here is log-location-scale, log T = mu + sigma Z, so one implementation of each
/// function serves all of them, from the standardized distribution of Z:
/// S(t) = S_Z(z), f(t) = f_Z(z) / (sigma t), h(t) = f(t) / S(t), H(t) = -log S(t),
/// t_p = exp(mu + sigma z_p), E[T^k] = exp(k mu) M_Z(k sigma), with z = (log t - mu) / sigma.
/// Weibull: mu = log eta, sigma = 1/beta. Lognormal: mu, sigma of log t. Exponential: mu = -log lambda, sigma = 1.
public struct LifetimeModel: Sendable, Equatable {
    public let family: LifetimeFamily
    /// Location of log t.
    public let mu: Double
    /// Scale of log t.
    public let sigma: Double

    public init(family: LifetimeFamily, mu: Double, sigma: Double) {
        self.family = family
        self.mu = mu
        self.sigma = sigma
    }

    /// Weibull with scale eta and shape beta.
    public static func weibull(eta: Double, beta: Double) -> LifetimeModel {
        LifetimeModel(family: .weibull2p, mu: log(eta), sigma: 1 / beta)
    }

    /// Lognormal with mean mu and standard deviation sigma of log t.
    public static func lognormal(mu: Double, sigma: Double) -> LifetimeModel {
        LifetimeModel(family: .lognormal2p, mu: mu, sigma: sigma)
    }

    /// Exponential with failure rate lambda.
    public static func exponential(lambda: Double) -> LifetimeModel {
        LifetimeModel(family: .exponential1p, mu: -log(lambda), sigma: 1)
    }

    /// The family's own parameters, in the order of `LifetimeFamily.parameterNames`.
    public var parameters: [Double] {
        switch family {
        case .weibull2p: [exp(mu), 1 / sigma]
        case .lognormal2p: [mu, sigma]
        case .exponential1p: [exp(-mu)]
        }
    }

    private var z: any StandardDistribution.Type { family.standard }

    /// Standardized log time; -infinity at t = 0.
    public func standardized(_ t: Double) -> Double { (log(t) - mu) / sigma }

    /// F(t) = P(T <= t).
    public func cdf(_ t: Double) -> Double { t <= 0 ? 0 : z.cdf(standardized(t)) }

    /// Reliability R(t) = S(t) = P(T > t).
    public func reliability(_ t: Double) -> Double { t <= 0 ? 1 : z.survival(standardized(t)) }

    /// Density f(t).
    public func density(_ t: Double) -> Double {
        t <= 0 ? 0 : exp(z.logDensity(standardized(t)).value) / (sigma * t)
    }

    /// Hazard rate h(t) = f(t) / R(t), computed in logs so that it stays finite in the upper tail.
    public func hazard(_ t: Double) -> Double {
        guard t > 0 else { return family == .exponential1p ? exp(-mu) : hazardAtZero }
        let x = standardized(t)
        return exp(z.logDensity(x).value - z.logSurvival(x)) / (sigma * t)
    }

    /// The limit of h(t) as t -> 0: infinite for a decreasing Weibull hazard, 0 otherwise.
    private var hazardAtZero: Double {
        if family == .weibull2p { return sigma > 1 ? .infinity : (sigma == 1 ? exp(-mu) : 0) }
        return 0
    }

    /// Cumulative hazard H(t) = -log R(t).
    public func cumulativeHazard(_ t: Double) -> Double { t <= 0 ? 0 : -z.logSurvival(standardized(t)) }

    /// The time by which a fraction p has failed: t_p = exp(mu + sigma z_p).
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1")
        return exp(mu + sigma * z.quantile(p))
    }

    /// B-life: the time by which `percent` % of units have failed (B10 = `bLife(10)`).
    public func bLife(_ percent: Double) -> Double { quantile(percent / 100) }

    /// Mean time to failure, E[T] = exp(mu) M_Z(sigma).
    public var mean: Double { exp(mu) * z.momentGeneratingFunction(sigma) }

    /// Variance of T, exp(2 mu) (M_Z(2 sigma) - M_Z(sigma)^2); infinite where the moment does not exist.
    public var variance: Double {
        let m1 = z.momentGeneratingFunction(sigma), m2 = z.momentGeneratingFunction(2 * sigma)
        return exp(2 * mu) * (m2 - m1 * m1)
    }
}
