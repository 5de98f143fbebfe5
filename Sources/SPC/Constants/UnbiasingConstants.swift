#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Exact unbiasing constants of normal-theory control charts, computed rather than tabulated.
///
/// - d2(n) = E[W], W the range of n independent standard normals, = ∫ [1 - Φ(x)ⁿ - (1 - Φ(x))ⁿ] dx
///   (an integrand even in x), by a composite 16-point Gauss-Legendre rule on [0, 12] (panels of
///   width 1); accuracy about 1e-14 for n up to 10⁴.
/// - d3(n) = sd(W) = sqrt(E[W²] - d2²), E[W²] = 2 ∫∫_{x<y} P(min < x, max > y) dy dx, where
///   P(min < x, max > y) = 1 - Φ(y)ⁿ - (1 - Φ(x))ⁿ + (Φ(y) - Φ(x))ⁿ; integrated over x in [-12, 12]
///   and y - x in [0, 24] by the same composite rule (about 1.5e5 evaluations); accuracy about 1e-12.
/// - c4(n) = E[S]/σ = sqrt(2/(n-1)) Γ(n/2)/Γ((n-1)/2), through `logGamma` (relative error ~1e-15).
///
/// n must be at least 2 (a range or standard deviation of one value is 0): each constant is NaN for
/// smaller n, so that nothing divides by a made-up number.
public enum UnbiasingConstants {
    static let rule = GaussLegendreRule(points: 16)

    /// E[range of n standard normals]. - Complexity: O(1) (192 evaluations of Φ).
    public static func d2(_ n: Int) -> Double {
        guard n >= 2 else { return .nan }
        if n == 2 { return 2 / Double.pi.squareRoot() }   // E|X1 - X2| with X1 - X2 ~ N(0, 2)
        let m = Double(n)
        return 2 * rule.integrate(0, 12, panels: 12) { x in
            1 - pow(StandardNormal.cdf(x), m) - pow(StandardNormal.survival(x), m)
        }
    }

    /// Standard deviation of the range of n standard normals. - Complexity: O(1) (~1.5e5 evaluations of Φ).
    public static func d3(_ n: Int) -> Double {
        guard n >= 2 else { return .nan }
        if n == 2 { return (2 - 4 / Double.pi).squareRoot() }   // Var|Z| with Z ~ N(0, 2)
        let m = Double(n)
        let secondMoment = 2 * rule.integrate(-12, 12, panels: 24) { x in
            let lowerCDF = StandardNormal.cdf(x)
            let lowerSurvival = pow(StandardNormal.survival(x), m)
            return rule.integrate(0, 24, panels: 24) { u in
                let upperCDF = StandardNormal.cdf(x + u)
                return 1 - pow(upperCDF, m) - lowerSurvival + pow(max(0, upperCDF - lowerCDF), m)
            }
        }
        let mean = d2(n)
        return max(0, secondMoment - mean * mean).squareRoot()
    }

    /// E[sample standard deviation of n normals] / σ. - Complexity: O(1).
    public static func c4(_ n: Int) -> Double {
        guard n >= 2 else { return .nan }
        let m = Double(n)
        return (2 / (m - 1)).squareRoot() * exp(logGamma(m / 2) - logGamma((m - 1) / 2))
    }

    /// c4 for a non-integer number of degrees of freedom plus one (pooled standard deviation).
    static func c4(degreesOfFreedomPlusOne m: Double) -> Double {
        (2 / (m - 1)).squareRoot() * exp(logGamma(m / 2) - logGamma((m - 1) / 2))
    }
}
