#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution with nu degrees of freedom (nu > 0, not necessarily an integer; nu = +infinity
/// is the standard normal).
///
/// Both functions work through the incomplete beta function with x = nu/(nu + t^2) and y = t^2/(nu + t^2)
/// formed separately, so neither tail loses digits to 1 - x. NaN for NaN arguments or nu <= 0.
public enum StudentT: Sendable {
    /// P(T <= t) = I_x(nu/2, 1/2) / 2 for t < 0 and 1 - I_x(nu/2, 1/2) / 2 otherwise, with the tail
    /// computed directly. Accuracy ~1e-15 relative in the tail being computed (a few units more for
    /// nu >~ 1e5). Cost: one incomplete beta evaluation.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if nu == .infinity { return StandardNormal.cdf(t) }
        let tail = twoSidedTail(t, nu) // P(|T| > |t|), and its complement
        return t < 0 ? 0.5 * tail.outside : 0.5 + 0.5 * tail.inside
    }

    /// P(T > t) = cdf(-t), accurate in the upper tail.
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        cdf(-t, degreesOfFreedom: nu)
    }

    /// The p-quantile. nu = 1 (Cauchy) and nu = 2 use their closed forms -cot(pi p) and
    /// (2p - 1)/sqrt(2p(1 - p)); otherwise the incomplete beta is inverted for the smaller of x and y and
    /// t = sign * sqrt(nu y / x). Accuracy ~1e-15 relative. Returns -infinity / +infinity at p = 0 / 1 and NaN
    /// for p outside [0, 1]. Cost: one beta inversion (a handful of incomplete beta evaluations).
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu == .infinity { return StandardNormal.quantile(p) }
        let lower = min(p, 1 - p)   // 1 - p is exact for p >= 1/2
        let sign: Double = p < 0.5 ? -1 : 1
        if nu == 1 { return sign * abs(cotPi(lower)) }
        if nu == 2 {
            // (2p - 1)/sqrt(2p(1-p)) written in the smaller tail so 1 - 2 lower stays accurate.
            return sign * (1 - 2 * lower) / (2 * lower * (1 - lower)).squareRoot()
        }
        // P(|T| > |t|) = 2 lower = I_x(nu/2, 1/2).
        let twoTail = 2 * lower
        let (x, y) = inverseIncompleteBeta(p: twoTail, q: 1 - twoTail, 0.5 * nu, 0.5)
        return sign * (nu * (y / x)).squareRoot()
    }

    /// P(|T| > |t|) = I_x(nu/2, 1/2) ("outside") and its complement ("inside") for finite nu.
    static func twoSidedTail(_ t: Double, _ nu: Double) -> (outside: Double, inside: Double) {
        if t == 0 { return (1, 0) }
        if t.isInfinite { return (0, 1) }
        let t2 = t * t
        // x = nu/(nu + t^2), y = t^2/(nu + t^2), each from the ratio that is below 1.
        let x: Double
        let y: Double
        if t2 > nu {
            let r = nu / t2
            x = r / (1 + r)
            y = 1 / (1 + r)
        } else {
            let r = t2 / nu
            x = 1 / (1 + r)
            y = r / (1 + r)
        }
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }
        let (lower, upper) = incompleteBeta(x, y, 0.5 * nu, 0.5)
        return (lower, upper)
    }
}
