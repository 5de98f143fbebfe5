#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution N(0, 1), to full double precision in both tails.
///
/// All functions return NaN for a NaN argument. Each costs at most one or two libm calls plus a short
/// rational function, except `logCDF`/`logSurvival` in the far tail, which add a short continued fraction.
public enum StandardNormal: Sendable {
    /// 1 / sqrt(2 pi).
    static let inverseSqrtTwoPi = 0.3989422804014327
    /// 1/sqrt(2) split into a double and the remainder, so that z/sqrt(2) can be formed to ~1e-32.
    static let inverseSqrtTwoHigh = 0.7071067811865476
    static let inverseSqrtTwoLow = -4.833646656726457e-17
    /// 2 / sqrt(pi).
    static let twoOverSqrtPi = 1.1283791670955126

    /// Density phi(z) = exp(-z^2/2) / sqrt(2 pi).
    ///
    /// For |z| >= 2 the square is split as z = z1 + z2 with z1 a multiple of 2^-16, so z1^2 is exact and the
    /// exponent is formed without the z^2 * eps rounding that would otherwise cost up to ~1e-13 relative
    /// (the same device as R's dnorm). Accurate to a few ulps until exp underflows (|z| > ~38.6 gives 0).
    public static func pdf(_ z: Double) -> Double {
        let a = abs(z)
        if a < 2 { return inverseSqrtTwoPi * exp(-0.5 * a * a) }
        if !a.isFinite { return a.isNaN ? .nan : 0 }
        let a1 = (a * 65536).rounded() / 65536
        let a2 = a - a1
        return inverseSqrtTwoPi * (exp(-0.5 * a1 * a1) * exp((-0.5 * a2 - a1) * a2))
    }

    /// log phi(z) = -z^2/2 - log(2 pi)/2, accurate to a few ulps relative for every finite z
    /// (-infinity for infinite z).
    public static func logPDF(_ z: Double) -> Double {
        -0.5 * z * z - halfLogTwoPi
    }

    /// Distribution function Phi(z) = P(Z <= z) = erfc(-z/sqrt(2)) / 2.
    ///
    /// erfc comes from libm (a few ulps); the rounding error of -z/sqrt(2), which erfc would amplify by a
    /// factor ~z^2 in the lower tail (1e-13 at z = -37), is recovered with a fused multiply-add and applied
    /// as a first-order correction. Result: a few ulps relative in the lower tail down to the subnormal
    /// range (z ~ -37.5) and in the upper half; 0 for z <= -38.5, 1 for z >= 8.3 (the nearest double).
    public static func cdf(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        if z == .infinity { return 1 }
        if z == -.infinity { return 0 }
        let w = -z
        let x = w * inverseSqrtTwoHigh
        // x + dx = -z/sqrt(2) to about 1e-32 relative; d/dx erfc(x) = -2/sqrt(pi) exp(-x^2).
        let dx = (-x).addingProduct(w, inverseSqrtTwoHigh) + w * inverseSqrtTwoLow
        return 0.5 * (erfc(x) - twoOverSqrtPi * exp(-x * x) * dx)
    }

    /// Survival function 1 - Phi(z) = Phi(-z), computed directly (never as 1 - Phi), so it is accurate
    /// in the upper tail exactly as `cdf` is in the lower tail.
    public static func survival(_ z: Double) -> Double {
        cdf(-z)
    }

    /// log Phi(z), finite for every finite z.
    ///
    /// For z > 0 it is log1p(-Phi(-z)) (no cancellation near 0); for -20 <= z <= 0 log(Phi(z)); below -20,
    /// where Phi would lose digits and then underflow, log phi(z) + log R(-z) with the Mills ratio
    /// R(x) = Phi(-x)/phi(x) = 1/(x + 1/(x + 2/(x + 3/(x + ...)))) evaluated by modified Lentz (a dozen
    /// terms at x = 20, fewer beyond). Accuracy ~1e-16 relative; for example logCDF(-40) = -804.60844201375379.
    public static func logCDF(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        if z == .infinity { return 0 }
        if z == -.infinity { return -.infinity }
        if z > 0 { return log1p(-cdf(-z)) }
        if z >= -20 { return log(cdf(z)) }
        return logPDF(z) + log(millsRatio(-z))
    }

    /// log(1 - Phi(z)) = logCDF(-z), accurate for z -> +infinity.
    public static func logSurvival(_ z: Double) -> Double {
        logCDF(-z)
    }

    /// Quantile function Phi^-1(p): Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477-484,
    /// with the published coefficients.
    ///
    /// Three rational approximations (|p - 1/2| <= 0.425, then in r = sqrt(-log(min(p, 1-p))) for r <= 5
    /// and r > 5) give about 1e-16 relative accuracy (7e-16 worst over 500 points checked against mpmath)
    /// for 1e-300 < p < 1; since 1 - p is exact for p >= 1/2, the upper tail is as accurate as the double p
    /// allows. Returns -infinity for p = 0, +infinity for p = 1,
    /// NaN for p outside [0, 1] or NaN. Cost: one rational function, plus one log and one sqrt in the tails.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((r * 5226.495278852854561 + 28729.085735721942674) * r
                + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1)
            return q * num / den
        }
        var r = (q < 0 ? p : 1 - p)
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1)
            value = num / den
        } else {
            r -= 5
            let num = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1)
            value = num / den
        }
        return q < 0 ? -value : value
    }

    /// Mills ratio R(x) = (1 - Phi(x)) / phi(x) for x >= 20 by the Laplace continued fraction
    /// 1/(x + 1/(x + 2/(x + ...))), modified Lentz.
    static func millsRatio(_ x: Double) -> Double {
        var f = x
        var c = x
        var d = 0.0
        var n = 1.0
        while n < 500 {
            d = x + n * d
            if d == 0 { d = lentzTiny }
            c = x + n / c
            if c == 0 { c = lentzTiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= 1e-16 { break }
            n += 1
        }
        return 1 / f
    }
}
