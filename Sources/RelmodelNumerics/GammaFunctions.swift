#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Natural logarithm of the gamma function, log Gamma(x), for x > 0.
///
/// Uses libm's reentrant `lgamma_r` (glibc and Apple's libm are accurate to a few ulps, including near
/// the zeros at x = 1 and x = 2). Returns +infinity at x = 0 (the pole, approached from the right) and for
/// x = +infinity, and NaN for x < 0 or NaN: negative arguments are outside what reliability models need and
/// would otherwise silently return log|Gamma(x)|. Cost: one libm call.
public func logGamma(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return .infinity }
    return lgammaPositive(x)
}

/// Digamma function psi(x) = d/dx log Gamma(x).
///
/// For x >= 10 the asymptotic series log x - 1/(2x) - sum B_2k / (2k x^2k) (through B_16, truncation
/// below 1e-17) is used; smaller x are shifted up with psi(x) = psi(x + 1) - 1/x. Around the positive root
/// x0 = 1.46163... (|x - x0| <= 1/2) a Taylor series in x - x0 with coefficients (-1)^(n+1) zeta(n+1, x0)
/// (computed with mpmath to 50 digits) keeps full relative accuracy where the general route would cancel.
/// Negative non-integer x use the reflection psi(x) = psi(1 - x) - pi / tan(pi x) with an exact argument
/// reduction. Accuracy: about 1e-15 relative away from the root, ~1e-16 absolute everywhere.
/// Returns NaN at 0, negative integers, -infinity and NaN; +infinity at +infinity. Cost: at most ~12 divisions
/// and one log.
public func digamma(_ x: Double) -> Double {
    if x.isNaN || x == -.infinity { return .nan }
    if x == .infinity { return .infinity }
    if x <= 0 {
        if x == x.rounded(.down) { return .nan }
        return digamma(1 - x) - Double.pi * cotPi(x)
    }
    let h0 = x - digammaRootHigh
    if abs(h0) <= 0.5 {
        let h = h0 - digammaRootLow
        var s = 0.0
        for c in digammaRootTaylor.reversed() { s = s * h + c }
        return s * h
    }
    var z = x
    var shift = 0.0
    while z < 10 {
        shift += 1 / z
        z += 1
    }
    let r2 = 1 / (z * z)
    // sum_{k=1}^{8} B_2k / (2k) r^(2k), Horner in r^2.
    var s = -3617.0 / 8160.0
    s = s * r2 + 1.0 / 12.0
    s = s * r2 - 691.0 / 32760.0
    s = s * r2 + 1.0 / 132.0
    s = s * r2 - 1.0 / 240.0
    s = s * r2 + 1.0 / 252.0
    s = s * r2 - 1.0 / 120.0
    s = s * r2 + 1.0 / 12.0
    s *= r2
    return (log(z) - 0.5 / z - s) - shift
}

/// Trigamma function psi'(x) = d^2/dx^2 log Gamma(x).
///
/// Shifts x up to at least 10 with psi'(x) = psi'(x + 1) + 1/x^2 and then uses the asymptotic series
/// 1/x + 1/(2x^2) + sum B_2k / x^(2k+1) through B_16. For x > 0 every term is positive, so the result
/// carries a relative error of a few ulps. Negative non-integer x use the reflection
/// psi'(1 - x) + psi'(x) = pi^2 / sin^2(pi x). Returns NaN at 0, negative integers, -infinity and NaN;
/// 0 at +infinity. Cost: at most ~12 divisions.
public func trigamma(_ x: Double) -> Double {
    if x.isNaN || x == -.infinity { return .nan }
    if x == .infinity { return 0 }
    if x <= 0 {
        if x == x.rounded(.down) { return .nan }
        let s = sinPi(x)
        return Double.pi * Double.pi / (s * s) - trigamma(1 - x)
    }
    var z = x
    var shift = 0.0
    while z < 10 {
        shift += 1 / (z * z)
        z += 1
    }
    let r = 1 / z
    let r2 = r * r
    // sum_{k=1}^{8} B_2k r^(2k+1), Horner in r^2.
    var s = -3617.0 / 510.0
    s = s * r2 + 7.0 / 6.0
    s = s * r2 - 691.0 / 2730.0
    s = s * r2 + 5.0 / 66.0
    s = s * r2 - 1.0 / 30.0
    s = s * r2 + 1.0 / 42.0
    s = s * r2 - 1.0 / 30.0
    s = s * r2 + 1.0 / 6.0
    s *= r2 * r
    return shift + (r + 0.5 * r2 + s)
}

// MARK: - Internal helpers

/// High and low parts of the positive root of digamma, x0 = 1.461632144968362341262659542325721328468.
let digammaRootHigh = 1.4616321449683622
let digammaRootLow = 9.549995429965697e-17

/// Taylor coefficients of psi about x0: c_n = (-1)^(n+1) zeta(n+1, x0), n = 1...42 (mpmath, 50 digits).
/// They shrink like x0^-n, so at |x - x0| <= 1/2 the truncation is below 4e-20 relative.
let digammaRootTaylor: [Double] = [
    0.9676722454476212, -0.4427631689835921, 0.258499760955651, -0.16394270544240652,
    0.10782405069126237, -0.07219956125645471, 0.04880428816414311, -0.03316112647484736,
    0.022597648232218104, -0.01542476590494896, 0.010538791616612175, -0.007204534386356869,
    0.004926781395729853, -0.003369801655439328, 0.002305126326734928, -0.0015769367714301972,
    0.0010788252019162967, -0.0007380709389960052, 0.000504953265834602, -0.0003454680251063077,
    0.00023635601564027053, -0.00016170622091974803, 0.0001106337276874741, -7.569179582195066e-05,
    5.178575795222081e-05, -3.5430070947659604e-05, 2.424006611860132e-05, -1.6584242271854135e-05,
    1.134638458466385e-05, -7.762817668462094e-06, 5.3110609208898636e-06, -3.6336507898010456e-06,
    2.486022733129538e-06, -1.7008538854332607e-06, 1.1636675363548843e-06, -7.96142543124197e-07,
    5.446941930669446e-07, -3.7266161283438227e-07, 2.549626552021554e-07, -1.7443695117727745e-07,
    1.1934394829830244e-07, -8.165115189488409e-08,
]

/// zeta(k) - 1 for k = 2...39 (mpmath, 50 digits), for the series of log Gamma(2 + z).
let zetaMinusOne: [Double] = [
    0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993,
    0.01734306198444914, 0.008349277381922827, 0.00407735619794434, 0.0020083928260822143,
    0.0009945751278180853, 0.0004941886041194645, 0.0002460865533080483, 0.00012271334757848915,
    6.124813505870483e-05, 3.058823630702049e-05, 1.528225940865187e-05, 7.637197637899763e-06,
    3.81729326499984e-06, 1.908212716553939e-06, 9.539620338727962e-07, 4.769329867878064e-07,
    2.38450502727733e-07, 1.1921992596531106e-07, 5.960818905125948e-08, 2.980350351465228e-08,
    1.4901554828365043e-08, 7.45071178983543e-09, 3.725334024788457e-09, 1.862659723513049e-09,
    9.313274324196682e-10, 4.656629065033784e-10, 2.3283118336765053e-10, 1.164155017270052e-10,
    5.820772087902701e-11, 2.9103850444971e-11, 1.4551921891041985e-11, 7.275959835057482e-12,
    3.637979547378651e-12, 1.818989650307066e-12,
]

/// log Gamma(2 + z) = (1 - gamma) z + sum_{k>=2} (-1)^k (zeta(k) - 1) z^k / k for |z| <= 0.5
/// (Abramowitz & Stegun 6.1.33); the terms shrink like (z/2)^k, so 38 terms reach 1e-23.
func logGammaTwoPlus(_ z: Double) -> Double {
    var s = 0.0
    var k = zetaMinusOne.count + 1
    for c in zetaMinusOne.reversed() {
        // Horner on sum_k (-1)^k c_k z^(k-2) / k.
        let signed = (k % 2 == 0 ? c : -c) / Double(k)
        s = s * z + signed
        k -= 1
    }
    return z * ((1 - eulerGamma) + z * s)
}

/// log Gamma(1 + a) for 0 <= a <= 1 with full relative accuracy near a = 0, where lgamma(1 + a) would
/// inherit the rounding of 1 + a.
func logGammaOnePlus(_ a: Double) -> Double {
    a <= 0.5 ? logGammaTwoPlus(a) - log1p(a) : logGammaTwoPlus(a - 1)
}

/// Gamma(1 + a) - 1 with full relative accuracy for 0 <= a <= 1 (also near a = 0 and a = 1, where it
/// vanishes). Used by the small-a upper incomplete gamma function.
func gammaOnePlusMinusOne(_ a: Double) -> Double {
    expm1(logGammaOnePlus(a))
}

/// cot(pi x) with the argument reduced exactly to r = x - round(x) in [-1/2, 1/2]; near |r| = 1/2, where
/// cot vanishes, it is tan(pi (1/2 - |r|)) with 1/2 - |r| exact, so small results keep relative accuracy.
func cotPi(_ x: Double) -> Double {
    let r = x - x.rounded()
    let m = abs(r)
    if m <= 0.25 { return 1 / tan(Double.pi * r) }
    let t = tan(Double.pi * (0.5 - m))
    return r < 0 ? -t : t
}

/// sin(pi x) with the argument reduced exactly modulo 2 and folded into [0, 1/2].
func sinPi(_ x: Double) -> Double {
    if x < 0 { return -sinPi(-x) }
    let r = x.truncatingRemainder(dividingBy: 2)   // exact
    if r <= 0.5 { return sin(Double.pi * r) }
    if r <= 1 { return sin(Double.pi * (1 - r)) }
    if r <= 1.5 { return -sin(Double.pi * (r - 1)) }
    return -sin(Double.pi * (2 - r))
}
