#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ln P(a, x) or ln Q(a, x) with its first and second partial derivatives in the shape a and the
/// argument x: what a gamma likelihood needs for exact Newton steps in both parameters.
///
/// The value is the accurate one of `regularizedGammaP` / `logRegularizedGammaQ`. The derivatives in x
/// are closed forms: with p(x) = x^(a-1) e^-x / Gamma(a) the density and T the tail,
/// d ln P/dx = p/P, d ln Q/dx = -p/Q, and in both cases
///
///     f_xx = f_x ((a - 1)/x - 1 - f_x),   f_ax = f_x (ln x - digamma(a) - f_a).
///
/// The derivatives in a have no closed form. They come from differentiating the algorithm that
/// computes the tail: the power series for P where it is used (x < a, or x < 1 when a < 1),
/// P = x^a e^-x / Gamma(a + 1) sum_n x^n / ((a+1)...(a+n)), or the Legendre continued fraction for Q
/// (modified Lentz) elsewhere, each evaluated in hyper-dual numbers in a. The series is a sum of
/// positive terms whose a-derivatives converge with them; the fraction's convergents converge with
/// their derivatives; both loops run until the derivative parts have converged too, so the result is
/// exact to rounding (no step size). When the tail asked for is the complement of the one computed,
/// ln(1 - T) is differentiated from T's derivatives.
///
/// - Returns: (value, (f_a, f_x), (f_aa, f_ax, f_xx)); NaN derivatives outside a > 0, 0 < x < infinity.
/// - Complexity: as the incomplete gamma, O(1 + sqrt(a)) iterations near x ~ a, in hyper-dual arithmetic.
public func logIncompleteGammaWithDerivatives(_ a: Double, _ x: Double, upper: Bool)
    -> (value: Double, first: (a: Double, x: Double), second: (aa: Double, ax: Double, xx: Double)) {
    let value = upper ? logRegularizedGammaQ(a, x) : log(regularizedGammaP(a, x))
    guard a > 0, a.isFinite, x > 0, x.isFinite, value.isFinite else {
        return (value, (.nan, .nan), (.nan, .nan, .nan))
    }
    // ln of the tail computed directly, as a hyper-dual number in a (seeded e1 = e2 = 1: e1 is the
    // first derivative, e12 the second).
    let lowerDirect = a < 1 ? x < 1 : x < a
    let logTail = lowerDirect ? logLowerSeries(a, x) : logUpperFraction(a, x)
    var fa = logTail.e1, faa = logTail.e12
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

/// ln P(a, x) by the power series, in hyper-dual numbers in a.
private func logLowerSeries(_ a: Double, _ x: Double) -> HyperDual {
    let shape = HyperDual(a, e1: 1, e2: 1)
    let z = HyperDual(x)
    var term = HyperDual(1), sum = HyperDual(1), ap = shape
    let limit = incompleteGammaIterationLimit(a)
    for _ in 0..<limit {
        ap = ap + 1
        term = term * z / ap
        sum = sum + term
        // Every part of the term below 1e-17 of the sum's magnitude: value and derivatives have converged.
        let scale = sum.value + abs(sum.e1) + abs(sum.e12)
        if term.value <= 1e-17 * sum.value && abs(term.e1) + abs(term.e12) <= 1e-17 * scale { break }
    }
    return shape * HyperDual(log(x)) - z - HyperDual.logGamma(shape + 1) + HyperDual.log(sum)
}

/// ln Q(a, x) by the Legendre continued fraction (modified Lentz), in hyper-dual numbers in a.
private func logUpperFraction(_ a: Double, _ x: Double) -> HyperDual {
    let shape = HyperDual(a, e1: 1, e2: 1)
    var b = HyperDual(x + 1) - shape
    var c = HyperDual(1 / lentzTiny)
    var d = 1 / b
    var h = d
    let limit = incompleteGammaIterationLimit(a)
    var i = 1.0
    for _ in 0..<limit {
        let an = HyperDual(-i) * (HyperDual(i) - shape)
        b = b + 2
        d = an * d + b
        if abs(d.value) < lentzTiny { d = HyperDual(lentzTiny) }
        c = b + an / c
        if abs(c.value) < lentzTiny { c = HyperDual(lentzTiny) }
        d = 1 / d
        let delta = d * c
        h = h * delta
        if abs(delta.value - 1) <= 1e-16 && abs(delta.e1) + abs(delta.e12) <= 1e-16 { break }
        i += 1
    }
    return shape * HyperDual(log(x)) - HyperDual(x) - HyperDual.logGamma(shape) + HyperDual.log(h)
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
