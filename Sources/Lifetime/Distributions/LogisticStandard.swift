#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard logistic distribution, F(z) = 1 / (1 + exp(-z)): log T of a log-logistic lifetime.
///
/// log f = -z - 2 log(1 + e^-z), log S = -log(1 + e^z), log F = -log(1 + e^-z), evaluated with
/// log1p and the sign of z chosen so that no exponential overflows.
public enum LogisticStandard: StandardDistribution {
    /// log(1 + e^x) without overflow.
    @inlinable static func softplus(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }

    /// e = exp(-|z|), log1p(e), F(z) and S(z) from one `exp` and one `log1p`: every derivative triple
    /// below needs these, and computing F and S separately cost three `exp` per observation.
    @inlinable
    static func parts(_ z: Double) -> (log1pE: Double, f: Double, s: Double) {
        let e = exp(-abs(z))
        let near = 1 / (1 + e), far = e / (1 + e)         // the larger and the smaller of F and S
        return z >= 0 ? (log1p(e), near, far) : (log1p(e), far, near)
    }

    /// d/dz log f = 1 - 2F(z) = -tanh(z/2); d2/dz2 = -2 f(z) = -2 F(z) S(z).
    @inlinable
    public static func logDensity(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let p = parts(z)
        return (-abs(z) - 2 * p.log1pE, p.s - p.f, -2 * p.f * p.s)
    }

    @inlinable public static func logSurvival(_ z: Double) -> Double { -softplus(z) }
    @inlinable public static func logCDF(_ z: Double) -> Double { -softplus(-z) }
    @inlinable public static func cdf(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }
    @inlinable public static func survival(_ z: Double) -> Double { cdf(-z) }
    @inlinable public static func quantile(_ p: Double) -> Double { log(p) - log1p(-p) }

    /// E[exp(kZ)] = Beta(1 + k, 1 - k) = pi k / sin(pi k) for |k| < 1, infinite otherwise.
    public static func momentGeneratingFunction(_ k: Double) -> Double {
        if k == 0 { return 1 }
        return abs(k) < 1 ? Double.pi * k / sin(Double.pi * k) : .infinity
    }

    public static var mean: Double { 0 }
    /// pi^2 / 3.
    public static var variance: Double { Double.pi * Double.pi / 3 }

    /// d/dz log S = -F(z); d2/dz2 = -f(z) = -F S.
    @inlinable
    public static func logSurvivalDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let p = parts(z)
        return (-(max(z, 0) + p.log1pE), -p.f, -p.f * p.s)    // softplus(z) = max(z, 0) + log1p(e^-|z|)
    }

    /// d/dz log F = S(z); d2/dz2 = -F S.
    @inlinable
    public static func logCDFDerivatives(_ z: Double) -> (value: Double, first: Double, second: Double) {
        let p = parts(z)
        return (-(max(-z, 0) + p.log1pE), p.s, -p.f * p.s)
    }
}
