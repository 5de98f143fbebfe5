#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's functions under names that the static members below do not shadow.
@usableFromInline func libm_exp(_ x: Double) -> Double { exp(x) }
@usableFromInline func libm_log(_ x: Double) -> Double { log(x) }
@usableFromInline func libm_log1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline func libm_expm1(_ x: Double) -> Double { expm1(x) }
@usableFromInline func libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline func libm_logGamma(_ x: Double) -> Double { logGamma(x) }


/// A real number type that a likelihood is written over once, evaluated either plainly (`Double`) or
/// with exact first and second derivatives (`HyperDual`).
///
/// Every elementary and special function is expressed through one primitive, `applying(_:_:_:_:)`,
/// which takes a function's value and its first two derivatives at `x.value`: for `Double` it returns
/// the value, for `HyperDual` it applies the chain rule to second order. A model written with the
/// static functions below (`T.exp(x)`, `T.log1p(x)`, `T.normalLogCDF(x)`, ...) therefore has exact
/// derivatives without finite differences: forward-mode automatic differentiation, in swift-numerics'
/// `Real` style (functions are static members of the type, not global overloads).
///
/// Operators are homogeneous (both sides `Self`; a literal converts implicitly, a `Double` variable by
/// `T(x)`): mixed-type operators on a protocol that `Double` conforms to would give every arithmetic
/// expression in the package more overloads to try, and the type checker gives up on long ones.
public protocol LikelihoodScalar: Sendable, Comparable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// A constant (zero derivatives).
    init(_ value: Double)
    /// The real part.
    var value: Double { get }
    /// f(x) for a function with value `f`, first derivative `d1` and second derivative `d2` at `x.value`.
    static func applying(_ x: Self, value f: Double, first d1: Double, second d2: Double) -> Self
    /// f(x, y) for a function of two arguments with value `f`, gradient (f_x, f_y) and Hessian
    /// (f_xx, f_xy, f_yy) at `(x.value, y.value)`.
    static func applying(_ x: Self, _ y: Self, value f: Double, first: (x: Double, y: Double),
                         second: (xx: Double, xy: Double, yy: Double)) -> Self
    /// Whether the type carries derivatives: false for `Double`, so that a function whose derivatives
    /// are costly (the incomplete gamma's in its shape) computes only its value there.
    static var carriesDerivatives: Bool { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (x: Self) -> Self
}

extension LikelihoodScalar {
    /// e^x.
    @inlinable public static func exp(_ x: Self) -> Self {
        let e = libm_exp(x.value)
        return applying(x, value: e, first: e, second: e)
    }

    /// ln x (NaN derivatives at x <= 0 propagate; a likelihood treats them as -infinity).
    @inlinable public static func log(_ x: Self) -> Self {
        let v = x.value
        return applying(x, value: libm_log(v), first: 1 / v, second: -1 / (v * v))
    }

    /// ln(1 + x), accurate for small x.
    @inlinable public static func log1p(_ x: Self) -> Self {
        let u = 1 + x.value
        return applying(x, value: libm_log1p(x.value), first: 1 / u, second: -1 / (u * u))
    }

    /// e^x - 1, accurate for small x.
    @inlinable public static func expm1(_ x: Self) -> Self {
        let e = libm_exp(x.value)
        return applying(x, value: libm_expm1(x.value), first: e, second: e)
    }

    /// ln(1 - e^x) for x < 0: the log-CDF from a log-survival, accurate at both ends (Maechler 2012:
    /// log(-expm1(x)) near 0, log1p(-exp(x)) below -ln 2).
    @inlinable public static func log1mexp(_ x: Self) -> Self {
        let v = x.value
        let f = v > -0.6931471805599453 ? libm_log(-libm_expm1(v)) : libm_log1p(-libm_exp(v))
        // d/dx ln(1 - e^x) = -e^x/(1 - e^x) = -1/(e^-x - 1); second derivative -e^x/(1 - e^x)^2.
        let r = 1 / libm_expm1(-v)
        return applying(x, value: f, first: -r, second: -r * (1 + r))
    }

    /// The square root.
    @inlinable public static func sqrt(_ x: Self) -> Self {
        let s = x.value.squareRoot()
        return applying(x, value: s, first: 0.5 / s, second: -0.25 / (s * x.value))
    }

    /// x^p for a constant exponent p, x > 0 (labelled: with `pow(_:_:)` a literal exponent would be ambiguous).
    @inlinable public static func pow(_ x: Self, exponent p: Double) -> Self {
        let v = x.value
        let f = libm_pow(v, p)
        return applying(x, value: f, first: p * f / v, second: p * (p - 1) * f / (v * v))
    }

    /// x^y = e^(y ln x) for x > 0.
    @inlinable public static func pow(_ x: Self, _ y: Self) -> Self { exp(y * log(x)) }

    /// x^2.
    @inlinable public static func square(_ x: Self) -> Self { x * x }

    /// ln Gamma(x), x > 0.
    @inlinable public static func logGamma(_ x: Self) -> Self {
        let v = x.value
        return applying(x, value: libm_logGamma(v), first: digamma(v), second: trigamma(v))
    }

    /// ln Phi(x), the standard normal log-CDF, accurate far into the lower tail.
    /// d/dx = phi/Phi = q; d2/dx2 = -q (x + q).
    @inlinable public static func normalLogCDF(_ x: Self) -> Self {
        let v = x.value
        let f = StandardNormal.logCDF(v)
        let q = libm_exp(StandardNormal.logPDF(v) - f)
        return applying(x, value: f, first: q, second: -q * (v + q))
    }

    /// ln phi(x), the standard normal log-density.
    @inlinable public static func normalLogPDF(_ x: Self) -> Self {
        let v = x.value
        return applying(x, value: StandardNormal.logPDF(v), first: -v, second: -1)
    }

    /// The larger of two values (the derivative of the larger one: max is not smooth where they meet).
    @inlinable public static func maximum(_ a: Self, _ b: Self) -> Self { a.value >= b.value ? a : b }

    /// ln(e^a + e^b) without overflow.
    @inlinable public static func logAddExp(_ a: Self, _ b: Self) -> Self {
        let (big, small) = a.value >= b.value ? (a, b) : (b, a)
        if big.value == -.infinity { return big }
        return big + log1p(exp(small - big))
    }
}

extension Double: LikelihoodScalar {
    @inlinable public var value: Double { self }
    @inlinable public static func applying(_ x: Double, value f: Double, first: Double, second: Double) -> Double { f }
    @inlinable public static func applying(_ x: Double, _ y: Double, value f: Double, first: (x: Double, y: Double),
                                           second: (xx: Double, xy: Double, yy: Double)) -> Double { f }
    @inlinable public static var carriesDerivatives: Bool { false }
}

/// A hyper-dual number a + b e1 + c e2 + d e1e2 with e1^2 = e2^2 = 0 (Fike and Alonso 2011).
///
/// Evaluating f at x + e1 u + e2 v gives f(x) in the real part, the directional derivatives
/// f'(x)u and f'(x)v in the e1 and e2 parts, and the second directional derivative u^T f''(x) v in the
/// e1e2 part, all exact to rounding: there is no step size, so no truncation error and no
/// cancellation. With u = e_i and v = e_j one evaluation gives the gradient entries i and j and the
/// Hessian entry (i, j); k(k+1)/2 evaluations give the whole Hessian of a k-parameter function.
public struct HyperDual: LikelihoodScalar, CustomStringConvertible {
    public var value: Double
    /// Derivative along the first direction.
    public var e1: Double
    /// Derivative along the second direction.
    public var e2: Double
    /// Second derivative along both directions.
    public var e12: Double

    @inlinable public init(_ value: Double) {
        self.value = value
        e1 = 0
        e2 = 0
        e12 = 0
    }

    @inlinable public init(_ value: Double, e1: Double, e2: Double, e12: Double = 0) {
        self.value = value
        self.e1 = e1
        self.e2 = e2
        self.e12 = e12
    }

    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    public var description: String { "\(value) + \(e1) e1 + \(e2) e2 + \(e12) e1e2" }

    @inlinable public static func applying(_ x: HyperDual, value f: Double, first d1: Double, second d2: Double) -> HyperDual {
        HyperDual(f, e1: d1 * x.e1, e2: d1 * x.e2, e12: d1 * x.e12 + d2 * x.e1 * x.e2)
    }

    /// The chain rule to second order in two arguments: with x = x0 + x1 e1 + x2 e2 + x12 e1e2 and y
    /// likewise, the e1 part is f_x x1 + f_y y1, and the e1e2 part is f_x x12 + f_y y12 + f_xx x1 x2
    /// + f_xy (x1 y2 + x2 y1) + f_yy y1 y2.
    @inlinable public static func applying(_ x: HyperDual, _ y: HyperDual, value f: Double, first: (x: Double, y: Double),
                                           second: (xx: Double, xy: Double, yy: Double)) -> HyperDual {
        HyperDual(f, e1: first.x * x.e1 + first.y * y.e1, e2: first.x * x.e2 + first.y * y.e2,
                  e12: first.x * x.e12 + first.y * y.e12 + second.xx * x.e1 * x.e2
                      + second.xy * (x.e1 * y.e2 + x.e2 * y.e1) + second.yy * y.e1 * y.e2)
    }

    @inlinable public static var carriesDerivatives: Bool { true }

    @inlinable public static func + (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(a.value + b.value, e1: a.e1 + b.e1, e2: a.e2 + b.e2, e12: a.e12 + b.e12)
    }

    @inlinable public static func - (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(a.value - b.value, e1: a.e1 - b.e1, e2: a.e2 - b.e2, e12: a.e12 - b.e12)
    }

    @inlinable public static prefix func - (a: HyperDual) -> HyperDual {
        HyperDual(-a.value, e1: -a.e1, e2: -a.e2, e12: -a.e12)
    }

    @inlinable public static func * (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(a.value * b.value, e1: a.value * b.e1 + a.e1 * b.value, e2: a.value * b.e2 + a.e2 * b.value,
                  e12: a.value * b.e12 + a.e1 * b.e2 + a.e2 * b.e1 + a.e12 * b.value)
    }

    @inlinable public static func / (a: HyperDual, b: HyperDual) -> HyperDual {
        let v = b.value
        return a * applying(b, value: 1 / v, first: -1 / (v * v), second: 2 / (v * v * v))
    }

    @inlinable public static func < (a: HyperDual, b: HyperDual) -> Bool { a.value < b.value }
    @inlinable public static func == (a: HyperDual, b: HyperDual) -> Bool {
        a.value == b.value && a.e1 == b.e1 && a.e2 == b.e2 && a.e12 == b.e12
    }
}
