#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standardized distribution of Z in a location-scale model Y = mu + sigma Z.
///
/// Weibull, lognormal, exponential and log-logistic lifetimes are location-scale in Y = log T; normal
/// and Gumbel lifetimes are location-scale in Y = T. A family therefore needs only the distribution of
/// Z: its log-density, log-CDF and log-survival with their first two derivatives in z. The censored
/// log-likelihood of every observation type, its gradient and Hessian in (mu, log sigma), and all the
/// bounds follow once from these (see `LocationScaleLikelihood`), as in R's survreg.
///
/// The derivative triples are `(value, first, second)` derivatives of the log function in z. The
/// defaults derive the log-survival and log-CDF derivatives from the log-density and the ratio of the
/// density to the survival (the hazard of Z) or to the CDF; families override them where a closed form
/// is cheaper or more accurate.
public protocol StandardDistribution: Sendable {
    /// log f(z) and its first two derivatives in z.
    static func logDensity(_ z: Double) -> (value: Double, first: Double, second: Double)
    /// log F(z).
    static func logCDF(_ z: Double) -> Double
    /// log S(z) = log(1 - F(z)).
    static func logSurvival(_ z: Double) -> Double
    /// F(z).
    static func cdf(_ z: Double) -> Double
    /// S(z) = 1 - F(z), accurate in the upper tail.
    static func survival(_ z: Double) -> Double
    /// The z with F(z) = p, for p in (0, 1).
    static func quantile(_ p: Double) -> Double
    /// E[exp(k Z)], the moment generating function, used for the mean and variance of exp(mu + sigma Z)
    /// with k = sigma and 2 sigma; +infinity where it does not exist.
    static func momentGeneratingFunction(_ k: Double) -> Double
    /// Mean and variance of Z (for families that are location-scale in T itself).
    static var mean: Double { get }
    static var variance: Double { get }

    /// log S(z) with its first two derivatives in z.
    static func logSurvivalDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double)
    /// log F(z) with its first two derivatives in z.
    static func logCDFDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double)
    /// True for the standard normal, whose log-density -z^2/2 - log sqrt(2 pi) makes the exact part of
    /// a likelihood a function of the count, mean and sum of squares of the data alone.
    static var isStandardNormal: Bool { get }
}

extension StandardDistribution {
    @inlinable
    public static var isStandardNormal: Bool { false }

    /// f(z).
    @inlinable
    public static func density(_ z: Double) -> Double { exp(logDensity(z).value) }

    /// d/dz log S = -f/S = -r; d2/dz2 log S = -r (d log f/dz + r).
    @inlinable
    public static func logSurvivalDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let logS = logSurvival(z)
        let lf = logDensity(z)
        let r = exp(lf.value - logS)
        return (logS, -r, -r * (lf.first + r))
    }

    /// d/dz log F = f/F = q; d2/dz2 log F = q (d log f/dz - q).
    @inlinable
    public static func logCDFDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let logF = logCDF(z)
        let lf = logDensity(z)
        let q = exp(lf.value - logF)
        return (logF, q, q * (lf.first - q))
    }

    /// F(z2) - F(z1) for z1 < z2, taken from whichever tail keeps the difference accurate.
    @inlinable
    public static func probability(between z1: Double, and z2: Double) -> Double {
        if z1 > quantile(0.5) { return survival(z1) - survival(z2) }
        return cdf(z2) - cdf(z1)
    }
}
