#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Building blocks shared by the gamma and beta families. They exist so that the large-argument prefactors
// x^a e^-x / Gamma(a) and x^a y^b / B(a, b) can be formed without subtracting large, nearly equal logarithms.

/// log(2 pi) / 2.
let halfLogTwoPi = 0.91893853320467274178032973640561764

/// Euler-Mascheroni constant.
let eulerGamma = 0.57721566490153286060651209008240243

/// log(1 + t) - t with full relative accuracy for t > -1, including t near 0 where both terms cancel.
///
/// For |t| < 0.5 it uses log(1 + t) = 2 atanh(y), y = t / (2 + t), and the identity t - 2y = t y, which
/// leaves a series in y^2 (|y| <= 1/3) whose leading term -t y carries the result. Outside that range
/// log1p(t) - t loses at most a few bits.
@inline(__always)
func log1pmx(_ t: Double) -> Double {
    if abs(t) < 0.5 {
        let y = t / (2 + t)
        let y2 = y * y
        var power = 1.0
        var sum = 1.0 / 3.0
        var k = 5.0
        while true {
            power *= y2
            let term = power / k
            sum += term
            if term < 1e-17 * sum { break }
            k += 2
        }
        return -t * y + 2 * y * y2 * sum
    }
    return log1p(t) - t
}

/// log Gamma*(z), where Gamma(z) = sqrt(2 pi) z^(z - 1/2) e^-z Gamma*(z), for z > 0.
///
/// For z >= 10 the Stirling series (terms through B_16) is accurate to 2e-18 absolute. Below 10 the ratio
/// is formed from correctly rounded libm pieces (tgamma, exp, pow), so the error stays at a few ulps instead
/// of the ~1e-14 that subtracting lgamma(z) from (z - 1/2) log z would leave.
func logGammaStar(_ z: Double) -> Double {
    if z >= 10 {
        let r = 1 / z
        let r2 = r * r
        var s = -3617.0 / 122400.0
        s = s * r2 + 1.0 / 156.0
        s = s * r2 - 691.0 / 360360.0
        s = s * r2 + 1.0 / 1188.0
        s = s * r2 - 1.0 / 1680.0
        s = s * r2 + 1.0 / 1260.0
        s = s * r2 - 1.0 / 360.0
        s = s * r2 + 1.0 / 12.0
        return s * r
    }
    if z < 1e-100 {
        // Gamma(z) ~ 1/z here; the terms below do not cancel badly.
        return lgammaPositive(z) - (z - 0.5) * log(z) + z - halfLogTwoPi
    }
    // z^(z - 1/2) can underflow only for z < ~1e-300, excluded above.
    return log(tgamma(z) * exp(z) / pow(z, z - 0.5)) - halfLogTwoPi
}

/// lgamma for z > 0 through the reentrant libm entry point, which does not write the global `signgam`.
@inline(__always)
func lgammaPositive(_ z: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(z, &sign)
}

/// log(1 + t) - t where log(1 + t) is also available as `logOnePlusT` from a ratio known more accurately
/// than t itself (t = ratio - 1 loses the ratio's low digits when the ratio is far below 1).
@inline(__always)
func log1pmx(_ t: Double, logOnePlusT: () -> Double) -> Double {
    if abs(t) < 0.5 { return log1pmx(t) }
    return logOnePlusT() - t
}

/// log(u / v) for positive u, v, without underflow or overflow of the quotient.
@inline(__always)
func logRatio(_ u: Double, _ v: Double) -> Double {
    let r = u / v
    if r.isNormal { return log(r) }
    return log(u) - log(v)
}

/// log(x^a e^-x / Gamma(a)) for a > 0, x > 0, written as -a D(x/a) + log(a / 2 pi)/2 - log Gamma*(a)
/// with D(l) = l - 1 - log(l) evaluated through log1pmx, so that for large a no large logarithms are
/// subtracted. The error is a few ulps of the exponent's magnitude, which is the conditioning of the
/// function itself.
func logGammaPrefix(_ a: Double, _ x: Double) -> Double {
    let t = (x - a) / a
    let main = a * log1pmx(t) { logRatio(x, a) }
    return main + 0.5 * log(a / (2 * Double.pi)) - logGammaStar(a)
}

/// x^a e^-x / Gamma(a) as a product of libm results (pow, exp and tgamma are each within an ulp or two),
/// when every factor and the result are normal numbers; nil otherwise. Far from x = a the exponent is large
/// and this beats `logGammaPrefix`, whose rounding of the exponent costs ~|exponent| * 1e-16.
@inline(__always)
func directGammaPrefix(_ a: Double, _ x: Double) -> Double? {
    guard a < 170, x < 708 else { return nil }
    let power = pow(x, a)
    guard power.isNormal, power.isFinite else { return nil }
    let result = power * exp(-x) / tgamma(a)
    return result.isNormal && result.isFinite ? result : nil
}

/// x^a e^-x / Gamma(a), direct product when representable, else from `logGammaPrefix`.
@inline(__always)
func gammaPrefix(_ a: Double, _ x: Double) -> Double {
    directGammaPrefix(a, x) ?? exp(logGammaPrefix(a, x))
}

/// log(x^a y^b / B(a, b)) with y = 1 - x, both supplied (each accurate in its own right, so that x near 1
/// keeps the information in y).
///
/// With x0 = a/(a+b), y0 = b/(a+b) and d = x - x0, the exponent is
/// a log1pmx(d/x0) + b log1pmx(-d/y0) + log(ab / (2 pi (a+b)))/2 + log G*(a+b) - log G*(a) - log G*(b);
/// the linear terms a d/x0 and b d/y0 cancel exactly on paper, so no large logarithms are subtracted.
func logBetaPrefix(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
    let s = a + b
    let x0 = a / s
    let y0 = b / s
    // Difference from the mode taken from whichever of x, y is the smaller (the exactly known one).
    let d = x <= y ? x - x0 : y0 - y
    let main = a * log1pmx(d / x0) { logRatio(x, x0) } + b * log1pmx(-d / y0) { logRatio(y, y0) }
    let norm = 0.5 * log(a / s * b / (2 * Double.pi)) + logGammaStar(s) - logGammaStar(a) - logGammaStar(b)
    return main + norm
}

/// Smallest magnitude used by the modified Lentz algorithm in place of a zero denominator.
let lentzTiny = 1e-300
