#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Regularized lower incomplete gamma function P(a, x) = gamma(a, x) / Gamma(a).
///
/// Method: the power series for P when x < a (a >= 1) or x < 1 (a < 1), the modified-Lentz continued
/// fraction for Q = 1 - P otherwise, and for a < 1, x < 1 with P > 1/2 a dedicated series for Q built on
/// Gamma(1 + a) - 1 (DiDonato & Morris 1986), so that whichever tail is below 1/2 is computed directly and
/// the other is its complement. Shapes 1 and 1/2 (exponential, chi-squared with 1 degree of freedom) use
/// their closed forms 1 - e^-x and erf(sqrt x). The prefactor x^a e^-x / Gamma(a) is formed as exp(-a D(x/a)) with
/// D(l) = l - 1 - log l and a Stirling-corrected normaliser, so large a (1e3 to 1e8) keep ~1e-15 relative
/// accuracy instead of losing log10(a) digits. Accuracy: about 1e-15 relative in the tail computed directly.
/// Domain: a > 0 finite, x >= 0; P(a, 0) = 0, P(a, +inf) = 1; NaN otherwise.
/// Cost: O(1 + sqrt(a)) iterations near x ~ a, far fewer away from it.
public func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    guard a > 0, a.isFinite, x >= 0 else { return .nan }
    if x == 0 { return 0 }
    if x == .infinity { return 1 }
    switch incompleteGammaTail(a, x) {
    case .lower(let p): return p
    case .upper(let q, _): return 1 - q
    }
}

/// Regularized upper incomplete gamma function Q(a, x) = Gamma(a, x) / Gamma(a) = 1 - P(a, x).
///
/// Same algorithm as `regularizedGammaP`; when x > a the tail is computed directly (never as 1 - P), so
/// Q keeps its relative accuracy down to the underflow threshold (about 1e-308); use
/// `logRegularizedGammaQ` beyond that. Domain: a > 0 finite, x >= 0; Q(a, 0) = 1, Q(a, +inf) = 0; NaN
/// otherwise. Cost: as `regularizedGammaP`.
public func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, a.isFinite, x >= 0 else { return .nan }
    if x == 0 { return 1 }
    if x == .infinity { return 0 }
    switch incompleteGammaTail(a, x) {
    case .lower(let p): return 1 - p
    case .upper(let q, _): return q
    }
}

/// Natural logarithm of Q(a, x), finite far beyond the point where Q underflows (for example
/// log Q(2, 1000) = -993.09...), as needed for the survival term of gamma-distribution likelihoods.
///
/// In the continued-fraction region the logarithm is assembled from log-prefactor and log of the fraction,
/// never from Q itself; elsewhere Q >= ~0.3 or is computed directly and log1p(-P) / log(Q) is exact enough.
/// Accuracy: ~1e-15 relative. Domain as `regularizedGammaQ`; returns 0 at x = 0 and -infinity at
/// x = +infinity. Cost: as `regularizedGammaP`.
public func logRegularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, a.isFinite, x >= 0 else { return .nan }
    if x == 0 { return 0 }
    if x == .infinity { return -.infinity }
    switch incompleteGammaTail(a, x) {
    case .lower(let p): return log1p(-p)
    case .upper(_, let lq): return lq
    }
}

/// The x with P(a, x) = p: the p-quantile of the standard gamma distribution with shape a.
///
/// Starts from the Wilson-Hilferty cube-root normal approximation (a > 1) or the small-shape power law
/// (Numerical Recipes 3rd ed., 6.2.1), then applies Halley's method to whichever tail is below 1/2
/// (P - p or (1 - p) - Q), inside a bracket that falls back to bisection if a step leaves it. Converges in a
/// handful of iterations to ~1e-15 relative (the round trip P(a, x) reproduces p to its own accuracy).
/// Domain: a > 0 finite, 0 <= p <= 1; returns 0 for p = 0, +infinity for p = 1, NaN otherwise.
/// Cost: typically 3-6 evaluations of P.
public func inverseRegularizedGammaP(_ a: Double, _ p: Double) -> Double {
    guard a > 0, a.isFinite, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return .infinity }
    return inverseIncompleteGamma(a, p: p, q: 1 - p)
}

// MARK: - Implementation

/// Which tail was computed directly.
enum GammaTail {
    /// P(a, x), accurate relative to itself.
    case lower(Double)
    /// Q(a, x) and log Q(a, x), each accurate relative to itself (Q may have underflowed to 0 while
    /// log Q is still finite).
    case upper(Double, log: Double)
}

/// Incomplete gamma for a > 0 finite and 0 < x < infinity.
func incompleteGammaTail(_ a: Double, _ x: Double) -> GammaTail {
    // Beyond 1e9 the series and the continued fraction need millions of terms per call (O(sqrt a)):
    // a chi-square quantile with 1e31 degrees of freedom ran for hours. Temme's expansion is accurate
    // there and costs O(1).
    if a >= uniformAsymptoticShape { return uniformAsymptoticTail(a, x) }
    // Closed forms for the exponential (a = 1) and chi-squared with 1 degree of freedom (a = 1/2), the
    // most common shapes; they are exact to an ulp or two where the general route leaves ~3e-15.
    if a == 1 {
        return x < 0.6931471805599453 ? .lower(-expm1(-x)) : .upper(exp(-x), log: -x)
    }
    if a == 0.5 && x < 700 {
        // P = erf(sqrt x), Q = erfc(sqrt x), with the rounding of sqrt(x) corrected to first order.
        let s = x.squareRoot()
        let ds = x.addingProduct(-s, s) / (2 * s)   // (x - s^2) / (2 s), the fma keeps x - s^2 exact
        let slope = StandardNormal.twoOverSqrtPi * exp(-x) * ds
        if x < 0.2275 { return .lower(erf(s) + slope) }
        let q = erfc(s) - slope
        return .upper(q, log: log(q))
    }
    if a < 1 {
        if x < 1 {
            let p = lowerGammaSeries(a, x)
            if p <= 0.5 { return .lower(p) }
            let q = upperGammaSmallShape(a, x)
            return .upper(q, log: log(q))
        }
        return upperGammaFraction(a, x)
    }
    if x < a { return .lower(lowerGammaSeries(a, x)) }
    return upperGammaFraction(a, x)
}

/// The shape from which `incompleteGammaTail` uses Temme's uniform asymptotic expansion.
let uniformAsymptoticShape = 1e9

/// P or Q for a >= 1e9 by Temme's uniform asymptotic expansion (DLMF 8.12.3, 8.12.4, 8.12.8): with
/// lambda = x / a and eta = sign(lambda - 1) sqrt(2 (lambda - 1 - ln lambda)),
///   Q(a, x) = erfc(eta sqrt(a/2)) / 2 + R,  P(a, x) = erfc(-eta sqrt(a/2)) / 2 - R,
///   R = e^(-a eta^2 / 2) / sqrt(2 pi a) * c0(eta),  c0(eta) = 1/(lambda - 1) - 1/eta,
/// truncated after c0: the next term is smaller by a factor 1/a, below 1e-9 of R and so below 1e-13 of
/// the tail from a = 1e9 on. Near lambda = 1, lambda - 1 - ln lambda and c0 come from their series
/// (c0 = -1/3 + eta/12 - 2 eta^2/135 + eta^3/864 + eta^4/2835, Temme 1979), which avoid the cancellation.
/// When Q underflows its logarithm is the expansion's leading term, -a eta^2/2 - ln(sqrt(2 pi a) (lambda - 1)).
func uniformAsymptoticTail(_ a: Double, _ x: Double) -> GammaTail {
    // x - a is exact near a (Sterbenz): x / a - 1 would carry an absolute rounding of 1e-16, which at
    // a = 1e20 is 3e-7 of d = 3 / sqrt(a) and moves a 3-sigma tail by 4e-6 of itself.
    let d = (x - a) / a
    var half: Double   // lambda - 1 - ln lambda
    if abs(d) < 0.1 {
        // d^2/2 - d^3/3 + d^4/4 - ...: 16 terms reach 1e-17 relative at |d| = 0.1.
        half = 0
        var power = d * d
        for k in 2...17 {
            half += (k % 2 == 0 ? 1 : -1) * power / Double(k)
            power *= d
        }
    } else {
        half = d - log1p(d)
    }
    let eta = (d < 0 ? -1.0 : 1.0) * (2 * half).squareRoot()
    let c0: Double
    if abs(eta) < 1e-3 {
        c0 = -1.0 / 3 + eta * (1.0 / 12 + eta * (-2.0 / 135 + eta * (1.0 / 864 + eta / 2835)))
    } else {
        c0 = 1 / d - 1 / eta
    }
    let z = eta * (a / 2).squareRoot()
    let exponent = -a * half   // -a eta^2 / 2
    let r = exp(exponent) / (2 * Double.pi * a).squareRoot() * c0
    if d < 0 {
        return .lower(0.5 * erfc(-z) - r)
    }
    let q = 0.5 * erfc(z) + r
    let logQ = q >= .leastNormalMagnitude ? log(q) : exponent - log((2 * Double.pi * a).squareRoot() * d)
    return .upper(q, log: logQ)
}

/// Iteration cap for the series and continued fraction: both need O(sqrt(a)) terms when x is near a.
@inline(__always)
func incompleteGammaIterationLimit(_ a: Double) -> Int {
    10_000 + Int(min(1e8, 60 * a.squareRoot()))
}

/// P(a, x) = x^a e^-x / Gamma(a + 1) * sum_{n>=0} x^n / ((a+1)...(a+n)); positive terms, so the sum is
/// accurate to a few ulps and the prefactor decides the error.
func lowerGammaSeries(_ a: Double, _ x: Double) -> Double {
    var term = 1.0
    var sum = 1.0
    var ap = a
    let limit = incompleteGammaIterationLimit(a)
    for _ in 0..<limit {
        ap += 1
        term *= x / ap
        sum += term
        if term <= sum * 1e-17 { break }
    }
    return lowerGammaFromSeries(a, x, sum: sum)
}

/// P(a, x) from the converged series sum (`lowerGammaSeries`): the prefactor x^a e^-x / Gamma(a + 1)
/// directly where representable, else through its logarithm.
func lowerGammaFromSeries(_ a: Double, _ x: Double, sum: Double) -> Double {
    if let prefix = directGammaPrefix(a, x) { return prefix * (sum / a) }
    return exp(logGammaPrefix(a, x) + log(sum) - log(a))
}

/// Q(a, x) and its logarithm from the Legendre continued fraction
/// Q = x^a e^-x / Gamma(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...))), evaluated by modified Lentz.
/// Used for x >= max(a, 1), where x + 1 - a >= 1 and the fraction converges quickly.
func upperGammaFraction(_ a: Double, _ x: Double) -> GammaTail {
    var b = x + 1 - a
    var c = 1 / lentzTiny
    var d = 1 / b
    var h = d
    let limit = incompleteGammaIterationLimit(a)
    var i = 1.0
    for _ in 0..<limit {
        let an = -i * (i - a)
        b += 2
        d = an * d + b
        if abs(d) < lentzTiny { d = lentzTiny }
        c = b + an / c
        if abs(c) < lentzTiny { c = lentzTiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= 1e-16 { break }
        i += 1
    }
    return upperGammaFromFraction(a, x, fraction: h)
}

/// Q(a, x) and ln Q from the converged continued fraction h (`upperGammaFraction`).
func upperGammaFromFraction(_ a: Double, _ x: Double, fraction h: Double) -> GammaTail {
    if let prefix = directGammaPrefix(a, x) {
        let q = prefix * h
        return .upper(q, log: log(q))
    }
    let lq = logGammaPrefix(a, x) + log(h)
    return .upper(exp(lq), log: lq)
}

/// Q(a, x) for a < 1, x < 1 when Q < 1/2, without forming 1 - P:
/// Q = [(Gamma(1+a) - 1) - expm1(a log x)] / Gamma(1+a) - a x^a / Gamma(1+a) * sum_{n>=1} (-x)^n / (n! (a+n)).
/// Both bracketed terms are O(a) and computed to full relative accuracy, so tiny a (Q ~ a E1(x)) is fine.
func upperGammaSmallShape(_ a: Double, _ x: Double) -> Double {
    let g1m1 = gammaOnePlusMinusOne(a)
    let alx = a * log(x)
    var power = 1.0
    var sum = 0.0
    var n = 1.0
    while n < 200 {
        power *= -x / n
        let term = power / (a + n)
        sum += term
        if abs(term) <= abs(sum) * 1e-17 { break }
        n += 1
    }
    return ((g1m1 - expm1(alx)) - a * exp(alx) * sum) / (1 + g1m1)
}

/// The x with P(a, x) = p and Q(a, x) = q, where the caller supplies both tails (one of them exact), for
/// 0 < p < 1.
///
/// Newton's method on the tail that is below 1/2 (t = p or q). Far from the root the residual is taken on
/// the log scale (log P is nearly linear in log x, log Q in x), which makes the iteration globally
/// well-behaved; close to it the plain residual T(x) - t is used, whose relative accuracy does not suffer
/// from rounding log t. A bracket with bisection guards every step.
func inverseIncompleteGamma(_ a: Double, p: Double, q: Double) -> Double {
    let lowerTarget = p <= q
    if a == 1 { return lowerTarget ? -log1p(-p) : -log(q) }
    let logGammaOnePlusA = a <= 1 ? logGammaOnePlus(a) : lgammaPositive(a + 1)
    // P = x^a / Gamma(a + 1) * (1 - a x / (a + 1) + ...): when this power law puts the quantile below
    // e^-40 < 1e-17, it is exact in double precision (and returns 0 or a subnormal when the quantile
    // underflows). pow keeps x accurate where exp(log p / a) would inherit the rounding of log p.
    let u0 = (log(p) + logGammaOnePlusA) / a
    if u0 < -40 {
        let x = pow(p, 1 / a) * exp(logGammaOnePlusA / a)
        guard x.isNormal else { return exp(u0) }
        // One Newton step removes the rounding of 1/a and of the exponent (|log x| * 1e-16 relative).
        let pAtX: Double
        switch incompleteGammaTail(a, x) {
        case .lower(let pp): pAtX = pp
        case .upper(let qq, _): pAtX = 1 - qq
        }
        let polished = x - (pAtX - p) / (gammaPrefix(a, x) / x)
        return polished.isNormal ? polished : x
    }
    var x: Double
    if a > 1 {
        let z = lowerTarget ? StandardNormal.quantile(p) : -StandardNormal.quantile(q)
        let c = 1 / (9 * a)
        let w = 1 - c + z * c.squareRoot()
        x = a * w * w * w
        if !(x > 0) || (lowerTarget && x < 0.01 * a) { x = exp(u0) }
    } else {
        let t = 1 - a * (0.253 + a * 0.12)
        x = p < t ? exp((log(p) - log(t)) / a) : 1 - log(q / (1 - t))
    }
    if !(x > 0) || !x.isFinite { x = a }

    let targetTail = lowerTarget ? p : q
    let logTarget = log(targetTail)
    var lo = 0.0
    var hi = Double.infinity
    for _ in 0..<100 {
        // Value and log of the tail being matched.
        let value: Double
        let logValue: Double
        switch incompleteGammaTail(a, x) {
        case .lower(let pp):
            (value, logValue) = lowerTarget ? (pp, log(pp)) : (1 - pp, log1p(-pp))
        case .upper(let qq, let lq):
            (value, logValue) = lowerTarget ? (1 - qq, log1p(-qq)) : (qq, lq)
        }
        // Residual oriented so that it increases with x.
        let logResidual = lowerTarget ? logValue - logTarget : logTarget - logValue
        // The plain residual decides the bracket and exact hits; log t rounds away differences below
        // |log t| * 1e-16, so near the root the log residual can be 0 while the residual is not.
        let residual = lowerTarget ? value - targetTail : targetTail - value
        if residual == 0 { return x }
        if residual < 0 { lo = x } else { hi = x }
        let density = gammaPrefix(a, x) / x
        var next: Double
        if abs(logResidual) > 0.1 || !(value > 0) {
            // d(log T)/dx = density / T; the step in log x (lower) or x (upper).
            let slope = exp(logGammaPrefix(a, x) - logValue) / x
            let step = logResidual / slope
            next = lowerTarget ? x * exp(-step / x) : x - step
        } else {
            next = x - residual / density
        }
        // A step below the spacing of doubles near x means x is already the closest double.
        if abs(next - x) <= 2 * Double.ulpOfOne * x { return next > lo && next < hi ? next : x }
        if !(next > lo && next < hi) {
            if hi == .infinity {
                next = 2 * x
            } else if lo == 0 {
                next = 0.125 * hi
            } else {
                next = lo.squareRoot() * hi.squareRoot()
            }
        }
        if abs(next - x) <= 2 * Double.ulpOfOne * next || (hi.isFinite && hi - lo <= 2 * Double.ulpOfOne * hi) {
            return next
        }
        x = next
    }
    return x
}
