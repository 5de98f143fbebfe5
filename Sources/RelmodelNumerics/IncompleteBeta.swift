#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b) for a, b > 0.
///
/// For a + b < 170 the ratio tgamma(a) * (tgamma(b) / tgamma(a + b)) is formed from correctly rounded
/// libm values (a few ulps). Above that it uses Stirling's form
/// log(2 pi)/2 + a log(a/s) + b log(b/s) + log(s/(ab))/2 + log G*(a) + log G*(b) - log G*(a+b), s = a + b,
/// in which nothing large cancels, so log B(1e6, 2) keeps its digits where the naive sum of lgammas loses
/// seven. Accuracy: ~1e-16 relative to max(1, |log B|). Returns -infinity if one argument is +infinity and
/// the other finite, NaN for a <= 0, b <= 0 or NaN. Cost: a few libm calls.
public func logBeta(_ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0 else { return .nan }
    if a == .infinity || b == .infinity { return a == b ? .nan : -.infinity }
    let s = a + b
    if s < 170 {
        let beta = tgamma(a) * (tgamma(b) / tgamma(s))
        if beta.isNormal && beta.isFinite { return log(beta) }
    }
    let termA = a >= b ? a * log1p(-b / s) : a * log(a / s)
    let termB = b >= a ? b * log1p(-a / s) : b * log(b / s)
    return halfLogTwoPi + termA + termB + 0.5 * log(s / a / b)
        + logGammaStar(a) + logGammaStar(b) - logGammaStar(s)
}

/// Regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the distribution function of
/// the Beta(a, b) distribution.
///
/// Method: the continued fraction of Numerical Recipes (3rd ed., 6.4), evaluated by modified Lentz, for
/// x < (a + 1)/(a + b + 2) and for 1 - x with the parameters swapped otherwise, so the fraction always
/// converges quickly and the smaller tail is computed directly. The prefactor x^a (1-x)^b / B(a, b) is
/// formed as a product of libm powers for moderate parameters and, for large ones, as
/// exp(a log1pmx(d/x0) + b log1pmx(-d/y0) + ...) around the mode x0 = a/(a+b), so that a, b ~ 1e6 keep
/// ~1e-14 relative accuracy. Accuracy: about 1e-15 relative in the smaller tail for moderate parameters.
/// Domain: a, b > 0 finite, 0 <= x <= 1; I_0 = 0, I_1 = 1; NaN otherwise.
/// Cost: O(1 + sqrt(max(a, b))) fraction terms in the worst case (x near the mean), typically tens.
public func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1 else { return .nan }
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    return incompleteBeta(x, 1 - x, a, b).lower
}

/// The x with I_x(a, b) = p: the p-quantile of the Beta(a, b) distribution.
///
/// Starting point from Numerical Recipes (3rd ed., 6.4: Abramowitz & Stegun 26.5.22 for a, b >= 1, a
/// power-law fit otherwise); then Newton's method on whichever of x and 1 - x is smaller, matching the
/// smaller tail (on the log scale far from the root, directly near it) inside a bracket with bisection.
/// For quantiles below 1e-17 the leading power law x^a / (a B(a, b)) is exact to double precision and is
/// used (with one Newton polish). Accuracy: the round trip reproduces p to ~1e-15 relative in the smaller
/// tail. Returns 0 for p = 0, 1 for p = 1, NaN for invalid arguments. Cost: typically 3-8 evaluations of
/// I_x.
public func inverseRegularizedBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, a.isFinite, b.isFinite, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return 1 }
    return inverseIncompleteBeta(p: p, q: 1 - p, a, b).x
}

// MARK: - Implementation

/// I_x(a, b) and 1 - I_x(a, b), each accurate relative to itself where it is the smaller; x and y = 1 - x
/// are both supplied so that callers who know y better than 1 - x (t and F distributions) keep it.
/// Requires 0 < x < 1, a, b > 0 finite.
func incompleteBeta(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double) {
    if x < (a + 1) / (a + b + 2) {
        let lower = betaPrefix(x, y, a, b) * betaFraction(x, y, a, b) / a
        return (lower, 1 - lower)
    }
    let upper = betaPrefix(y, x, b, a) * betaFraction(y, x, b, a) / b
    return (1 - upper, upper)
}

/// x^a y^b / B(a, b), where the smaller of x and y is accurate to the last bit and the larger is ~1 - it.
///
/// For a + b < 170 it is a product of libm results: the smaller base goes to pow directly, the larger one
/// as pow(large) * (1 + delta/large)^exponent with delta = (1 - large) - small computed exactly, so the
/// rounding of 1 - x is not raised to a large power (it would cost b/2 ulps), and B(a, b) comes from
/// tgamma. Larger parameters use `logBetaPrefix`, whose error is ~1e-16 times the exponent.
func betaPrefix(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
    if a + b < 170 {
        let (small, large, aSmall, bLarge) = x <= y ? (x, y, a, b) : (y, x, b, a)
        let delta = (1 - large) - small
        let powers = pow(small, aSmall) * pow(large, bLarge) * exp(bLarge * log1p(delta / large))
        if powers.isNormal {
            let value = powers / (tgamma(a) * (tgamma(b) / tgamma(a + b)))
            if value.isNormal && value.isFinite { return value }
        }
    }
    return exp(logBetaPrefix(x, y, a, b))
}

/// The continued fraction for I_x(a, b) * a B(a, b) / (x^a y^b) (Numerical Recipes 3rd ed., eq. 6.4.5),
/// 1/(1 + d1/(1 + d2/(1 + ...))), which converges rapidly for x < (a + 1)/(a + b + 2).
///
/// Modified Lentz (forward) is used for x <= 1/2. For x > 1/2 (possible when a >> b) the odd terms d_(2m+1)
/// are close to -1 and every level 1 + d_(2m+1)/(...) cancels; the fraction is then re-evaluated backward
/// (to a depth confirmed by doubling), with 1 + d_(2m+1) formed from y = 1 - x as
/// (a (2m+1-b) + m (3m+2-b) + (a+m)(a+b+m) y) / ((a+2m)(a+2m+1)), which keeps full relative accuracy
/// (R's pt at df = 1e6 and binomial tails with tiny p depend on this regime).
func betaFraction(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < lentzTiny { d = lentzTiny }
    d = 1 / d
    var h = d
    let limit = 10_000 + Int(min(1e8, 60 * max(a, b).squareRoot()))
    var m = 1.0
    for _ in 0..<limit {
        let m2 = 2 * m
        var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < lentzTiny { d = lentzTiny }
        c = 1 + aa / c
        if abs(c) < lentzTiny { c = lentzTiny }
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < lentzTiny { d = lentzTiny }
        c = 1 + aa / c
        if abs(c) < lentzTiny { c = lentzTiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= 1e-16 { break }
        m += 1
    }
    if x <= 0.5 { return h }
    // Lentz's own stopping test is unreliable in the cancelling regime (it can stop at half the depth the
    // fraction needs), so the backward value is confirmed by doubling the depth until it stops changing.
    var depth = m + 20
    var value = betaFractionBackward(x, y, a, b, depth: depth)
    while depth < Double(limit) {
        depth *= 2
        let deeper = betaFractionBackward(x, y, a, b, depth: depth)
        if abs(deeper - value) <= 1e-16 * abs(deeper) { return deeper }
        value = deeper
    }
    return value
}

/// Backward evaluation of the same fraction truncated after the odd term d_(2N+1), tracking each even
/// level as 1 + e with e kept separately and each odd level through the cancellation-free 1 + d_(2m+1).
func betaFractionBackward(_ x: Double, _ y: Double, _ a: Double, _ b: Double, depth: Double) -> Double {
    var m = depth.rounded(.down)
    var e = 0.0        // v_(2m+2) - 1 for the level below the current odd one
    var v = 1.0
    while m >= 0 {
        let m2 = 2 * m
        // Odd level k = 2m + 1.
        let den = (a + m2) * (a + m2 + 1)
        let dOdd = -(a + m) * (a + b + m) * x / den
        let onePlusDOdd = (a * (m2 + 1 - b) + m * (3 * m + 2 - b) + (a + m) * (a + b + m) * y) / den
        v = onePlusDOdd - dOdd * e / (1 + e)
        if m == 0 { break }
        // Even level k = 2m.
        let dEven = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
        e = dEven / v
        m -= 1
    }
    return 1 / v
}

/// The (x, y = 1 - x) with I_x(a, b) = p and 1 - I_x(a, b) = q; the caller supplies both tails (one of them
/// exact). 0 < p < 1.
func inverseIncompleteBeta(p: Double, q: Double, _ a: Double, _ b: Double) -> (x: Double, y: Double) {
    let guess = betaQuantileGuess(p: p, q: q, a, b)
    // Iterate on the smaller of x and y so that it keeps full relative accuracy.
    if guess.x <= guess.y {
        let x = solveIncompleteBeta(target: (p, q), a, b, start: guess.x)
        if x <= 0.5 { return (x, 1 - x) }
        let y = solveIncompleteBeta(target: (q, p), b, a, start: 1 - x)
        return (1 - y, y)
    }
    let y = solveIncompleteBeta(target: (q, p), b, a, start: guess.y)
    if y <= 0.5 { return (1 - y, y) }
    let x = solveIncompleteBeta(target: (p, q), a, b, start: 1 - y)
    return (x, 1 - x)
}

/// Starting point for the beta quantile (Numerical Recipes 3rd ed., `Beta::invbetai`), returning both
/// x and 1 - x.
func betaQuantileGuess(p: Double, q: Double, _ a: Double, _ b: Double) -> (x: Double, y: Double) {
    if a >= 1 && b >= 1 {
        // Normal deviate with NR's sign convention (positive for p < 1/2).
        let z = p < 0.5 ? -StandardNormal.quantile(p) : StandardNormal.quantile(q)
        let al = (z * z - 3) / 6
        let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
        let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6.0 - 2 / (3 * h))
        let e = b * exp(2 * w)
        if e.isFinite {
            return (a / (a + e), e / (a + e))
        }
        return (0, 1)
    }
    let s = a + b
    let t = exp(a * log(a / s)) / a
    let u = exp(b * log(b / s)) / b
    let w = t + u
    if p < t / w {
        let x = pow(a * w * p, 1 / a)
        return (x, 1 - x)
    }
    let y = pow(b * w * q, 1 / b)
    return (1 - y, y)
}

/// Solves I_x(a, b) = target.p (with 1 - I = target.q) for x, starting from `start`, by Newton's method on
/// the smaller tail inside a bracket. Returns x; the caller decides whether x or 1 - x is the accurate one.
func solveIncompleteBeta(target: (p: Double, q: Double), _ a: Double, _ b: Double, start: Double) -> Double {
    let (p, q) = target
    let lowerTarget = p <= q
    let logBetaAB = logBeta(a, b)
    if lowerTarget {
        // I_x = x^a / (a B(a, b)) * (1 + O(x)): exact in double precision once x < 1e-17.
        let u0 = (log(p) + log(a) + logBetaAB) / a
        if u0 < -40 {
            let x = pow(p, 1 / a) * exp((log(a) + logBetaAB) / a)
            guard x.isNormal else { return exp(u0) }
            let i = incompleteBeta(x, 1 - x, a, b).lower
            let polished = x - (i - p) / (betaPrefix(x, 1 - x, a, b) / x)
            return polished.isNormal ? polished : x
        }
    }
    var x = start
    if !(x > 0 && x < 1) { x = a / (a + b) }
    let targetTail = lowerTarget ? p : q
    let logTarget = log(targetTail)
    var lo = 0.0
    var hi = 1.0
    for _ in 0..<100 {
        let y = 1 - x
        let (lower, upper) = incompleteBeta(x, y, a, b)
        let value = lowerTarget ? lower : upper
        // Residual oriented to increase with x.
        let logValue = log(value)
        let logResidual = lowerTarget ? logValue - logTarget : logTarget - logValue
        // The plain residual decides the bracket and exact hits; log t rounds away differences below
        // |log t| * 1e-16, so near the root the log residual can be 0 while the residual is not.
        let residual = lowerTarget ? value - targetTail : targetTail - value
        if residual == 0 { return x }
        if residual < 0 { lo = x } else { hi = x }
        let density = betaPrefix(x, y, a, b) / (x * y)
        var next: Double
        if abs(logResidual) > 0.1 || !(value > 0) {
            let slope = density / value
            let step = logResidual / slope
            if lowerTarget {
                next = x * exp(-step / x)
            } else {
                next = 1 - y * exp(step / y)
            }
        } else {
            next = x - residual / density
        }
        // A step below the spacing of doubles near x means x is already the closest double.
        if abs(next - x) <= 2 * Double.ulpOfOne * x { return next > lo && next < hi ? next : x }
        if !(next > lo && next < hi) {
            if lo == 0 {
                next = 0.125 * hi
            } else if hi == 1 {
                next = lo + 0.875 * (1 - lo)
            } else {
                next = 0.5 * (lo + hi)
            }
        }
        if abs(next - x) <= 2 * Double.ulpOfOne * next || hi - lo <= 2 * Double.ulpOfOne * hi {
            return next
        }
        x = next
    }
    return x
}
