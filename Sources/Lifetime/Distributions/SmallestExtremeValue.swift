#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The standard smallest extreme value (Gumbel minimum) distribution: F(z) = 1 - exp(-exp(z)).
///
/// log T of a Weibull lifetime is SEV with mu = log(eta) and sigma = 1/beta; the exponential is the
/// case sigma = 1. With w = exp(z): log f = z - w, log S = -w, log F = log(1 - exp(-w)). The overrides
/// below use these closed forms so that a Weibull likelihood costs one `exp` per observation.
public enum SmallestExtremeValue: StandardDistribution {
    @inlinable
    public static func logDensity(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let w = exp(z)
        return (z - w, 1 - w, -w)
    }

    @inlinable
    public static func logSurvival(_ z: Double) -> Double { -exp(z) }

    @inlinable
    public static func logCDF(_ z: Double) -> Double { log(-expm1(-exp(z))) }

    @inlinable
    public static func cdf(_ z: Double) -> Double { -expm1(-exp(z)) }

    @inlinable
    public static func survival(_ z: Double) -> Double { exp(-exp(z)) }

    /// z_p = log(-log(1 - p)), computed with log1p for accuracy at small p.
    @inlinable
    public static func quantile(_ p: Double) -> Double { log(-log1p(-p)) }

    /// E[exp(kZ)] = Gamma(1 + k) for k > -1.
    public static func momentGeneratingFunction(_ k: Double) -> Double {
        k > -1 ? exp(logGamma(1 + k)) : .infinity
    }

    /// -Euler's constant.
    public static var mean: Double { -0.57721566490153286061 }
    /// pi^2 / 6.
    public static var variance: Double { Double.pi * Double.pi / 6 }

    /// log S = -w: value, first and second derivatives are all -w.
    @inlinable
    public static func logSurvivalDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let w = exp(z)
        return (-w, -w, -w)
    }

    /// q = f/F = w / (exp(w) - 1); second derivative q (1 - w) - q^2.
    @inlinable
    public static func logCDFDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let w = exp(z)
        let q = w == 0 ? 1 : w / expm1(w)
        return (log(-expm1(-w)), q, q * (1 - w) - q * q)
    }
}
