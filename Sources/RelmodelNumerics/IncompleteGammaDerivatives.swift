#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ln P(a, x) or ln Q(a, x) with its first and second partial derivatives in the shape a and the
/// argument x: what a gamma likelihood needs for exact Newton steps in both parameters.
///
/// The value is the accurate one of `regularizedGammaP` / `logRegularizedGammaQ`, taken from the same
/// series sum or continued fraction that gives the derivatives (one loop, not two). The derivatives in x
/// are closed forms: with p(x) = x^(a-1) e^-x / Gamma(a) the density and T the tail,
/// d ln P/dx = p/P, d ln Q/dx = -p/Q, and in both cases
///
///     f_xx = f_x ((a - 1)/x - 1 - f_x),   f_ax = f_x (ln x - digamma(a) - f_a).
///
/// The derivatives in a have no closed form. They come from differentiating the algorithm that
/// computes the tail: the power series for P where it is used (x < a, or x < 1 when a < 1),
/// P = x^a e^-x / Gamma(a + 1) sum_n x^n / ((a+1)...(a+n)), or the Legendre continued fraction for Q
/// (modified Lentz) elsewhere, each carried with its first and second derivatives in a (the series
/// through running sums of 1/(a+j) and 1/(a+j)^2, the fraction in second-order jets). The series is a sum of
/// positive terms whose a-derivatives converge with them; the fraction's convergents converge with
/// their derivatives; both loops run until the derivative parts have converged too, so the result is
/// exact to rounding (no step size). When the tail asked for is the complement of the one computed,
/// ln(1 - T) is differentiated from T's derivatives.
///
/// - Returns: (value, (f_a, f_x), (f_aa, f_ax, f_xx)); NaN derivatives outside a > 0, 0 < x < infinity.
/// - Complexity: as the incomplete gamma, O(1 + sqrt(a)) iterations near x ~ a; the series
///   derivatives cost a few flops per term, the fraction's about three times its plain iteration.
public func logIncompleteGammaWithDerivatives(_ a: Double, _ x: Double, upper: Bool)
    -> (value: Double, first: (a: Double, x: Double), second: (aa: Double, ax: Double, xx: Double)) {
    func plainValue() -> Double { upper ? logRegularizedGammaQ(a, x) : log(regularizedGammaP(a, x)) }
    guard a > 0, a.isFinite, x > 0, x.isFinite else { return (plainValue(), (.nan, .nan), (.nan, .nan, .nan)) }
    // ln of the tail computed directly, with its derivatives in a.
    let lowerDirect = a < 1 ? x < 1 : x < a
    let (logTail, raw) = lowerDirect ? logLowerSeries(a, x) : logUpperFraction(a, x)
    let value: Double
    if a == 1 || a == 0.5 || a >= uniformAsymptoticShape {
        // The closed forms and the asymptotic expansion of `incompleteGammaTail`.
        value = plainValue()
    } else if lowerDirect {
        // The value from the same series sum as the plain evaluation (`lowerGammaFromSeries`); where
        // a < 1 and P > 1/2 the plain evaluation takes Q without forming 1 - P, and so does this one.
        let p = lowerGammaFromSeries(a, x, sum: raw)
        if a < 1 && p > 0.5 {
            value = plainValue()
        } else {
            value = upper ? log1p(-p) : log(p)
        }
    } else {
        switch upperGammaFromFraction(a, x, fraction: raw) {
        case .upper(let q, let lq): value = upper ? lq : log(1 - q)
        case .lower(let p): value = upper ? log1p(-p) : log(p)
        }
    }
    guard value.isFinite else { return (value, (.nan, .nan), (.nan, .nan, .nan)) }
    var fa = logTail.first, faa = logTail.second
    if lowerDirect == upper {
        // The complement: with T = e^(ln T), T_a = T (ln T)_a and T_aa = T ((ln T)_aa + (ln T)_a^2),
        // ln(1 - T) has derivatives -T_a / (1 - T) and -T_aa / (1 - T) - (its first)^2.
        let t = exp(logTail.value), complement = exp(value)
        let ta = t * fa, taa = t * (faa + fa * fa)
        fa = -ta / complement
        faa = -taa / complement - fa * fa
    }
    let logDensity = (a - 1) * log(x) - x - logGamma(a)
    let ratio = exp(logDensity - value)
    let fx = upper ? -ratio : ratio
    let fxx = fx * ((a - 1) / x - 1 - fx)
    let fax = fx * (log(x) - digamma(a) - fa)
    return (value, (fa, fx), (faa, fax, fxx))
}

/// ln P(a, x) by the power series, with its first and second derivatives in a.
///
/// With term_n = x^n / ((a+1)...(a+n)), d ln term_n/da = -r1_n and d^2 ln term_n/da^2 = r2_n, where
/// r1_n and r2_n are the running sums of 1/(a+j) and 1/(a+j)^2; so term_n' = -term_n r1_n and
/// term_n'' = term_n (r1_n^2 + r2_n), three sums of one sign each (no cancellation), at one division
/// per term, and ln P = a ln x - x - ln Gamma(a + 1) + ln S has derivatives
/// ln x - digamma(a + 1) + S'/S and -trigamma(a + 1) + S''/S - (S'/S)^2.
private func logLowerSeries(_ a: Double, _ x: Double) -> (ShapeJet, sum: Double) {
    var term = 1.0, sum = 1.0, sum1 = 0.0, sum2 = 0.0
    var r1 = 0.0, r2 = 0.0, ap = a
    let limit = incompleteGammaIterationLimit(a)
    for _ in 0..<limit {
        ap += 1
        let inverse = 1 / ap
        term *= x * inverse
        r1 += inverse
        r2 += inverse * inverse
        let term1 = term * r1, term2 = term * (r1 * r1 + r2)
        sum += term
        sum1 += term1
        sum2 += term2
        // Every sum's new term below 1e-17 of it: value and derivatives have converged.
        if term <= 1e-17 * sum && term1 <= 1e-17 * sum1 && term2 <= 1e-17 * sum2 { break }
    }
    let first = -sum1 / sum
    return (ShapeJet(a * log(x) - x - logGamma(a + 1) + log(sum),
                     log(x) - digamma(a + 1) + first,
                     -trigamma(a + 1) + sum2 / sum - first * first), sum)
}

/// ln Q(a, x) by the Legendre continued fraction (modified Lentz), carried with its first and second
/// derivatives in a (`ShapeJet`).
private func logUpperFraction(_ a: Double, _ x: Double) -> (ShapeJet, fraction: Double) {
    var b = ShapeJet(x + 1 - a, -1, 0)
    var c = ShapeJet(1 / lentzTiny)
    var d = b.reciprocal
    var h = d
    let limit = incompleteGammaIterationLimit(a)
    var i = 1.0
    for _ in 0..<limit {
        // a_n = -i (i - a): derivative i, second derivative 0.
        let an = ShapeJet(-i * (i - a), i, 0)
        b.value += 2
        d = an * d + b
        if abs(d.value) < lentzTiny { d = ShapeJet(lentzTiny) }
        c = b + an / c
        if abs(c.value) < lentzTiny { c = ShapeJet(lentzTiny) }
        d = d.reciprocal
        let delta = d * c
        h = h * delta
        if abs(delta.value - 1) <= 1e-16 && abs(delta.first) + abs(delta.second) <= 1e-16 { break }
        i += 1
    }
    return (ShapeJet(a * log(x) - x - logGamma(a) + log(h.value),
                     log(x) - digamma(a) + h.first / h.value,
                     -trigamma(a) + h.second / h.value - (h.first / h.value) * (h.first / h.value)), h.value)
}

/// A function of the shape a with its first and second derivatives in a: the one-variable case of
/// hyper-dual arithmetic, a quarter less work per operation.
private struct ShapeJet {
    var value: Double, first: Double, second: Double

    init(_ value: Double, _ first: Double = 0, _ second: Double = 0) {
        self.value = value
        self.first = first
        self.second = second
    }

    var reciprocal: ShapeJet {
        let r = 1 / value
        return ShapeJet(r, -first * r * r, (2 * first * first * r - second) * r * r)
    }

    static func + (l: ShapeJet, r: ShapeJet) -> ShapeJet {
        ShapeJet(l.value + r.value, l.first + r.first, l.second + r.second)
    }

    static func * (l: ShapeJet, r: ShapeJet) -> ShapeJet {
        ShapeJet(l.value * r.value, l.value * r.first + l.first * r.value,
                 l.value * r.second + 2 * l.first * r.first + l.second * r.value)
    }

    static func / (l: ShapeJet, r: ShapeJet) -> ShapeJet { l * r.reciprocal }
}

extension LikelihoodScalar {
    /// ln P(a, x), the regularized lower incomplete gamma function, with exact derivatives in both
    /// arguments (see `logIncompleteGammaWithDerivatives`): the log-CDF of a gamma lifetime.
    @inlinable public static func logRegularizedGammaP(_ a: Self, _ x: Self) -> Self {
        logIncompleteGamma(a, x, upper: false)
    }

    /// ln Q(a, x), the regularized upper incomplete gamma function, with exact derivatives in both
    /// arguments: the log-survival of a gamma lifetime, finite far beyond where Q underflows.
    @inlinable public static func logRegularizedGammaQ(_ a: Self, _ x: Self) -> Self {
        logIncompleteGamma(a, x, upper: true)
    }

    @usableFromInline static func logIncompleteGamma(_ a: Self, _ x: Self, upper: Bool) -> Self {
        guard carriesDerivatives else {
            return Self(upper ? RelmodelNumerics.logRegularizedGammaQ(a.value, x.value)
                              : libm_log(regularizedGammaP(a.value, x.value)))
        }
        let r = logIncompleteGammaWithDerivatives(a.value, x.value, upper: upper)
        return applying(a, x, value: r.value, first: (r.first.a, r.first.x),
                        second: (r.second.aa, r.second.ax, r.second.xx))
    }
}
