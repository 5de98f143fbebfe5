/// Fisher's F distribution with d1 (numerator) and d2 (denominator) degrees of freedom, both > 0 and
/// finite (not necessarily integers).
///
/// Works through the incomplete beta function with x = d1 f/(d1 f + d2) and y = d2/(d1 f + d2) formed
/// separately. NaN for NaN arguments or invalid degrees of freedom.
public enum FisherF: Sendable {
    /// P(F <= f) = I_x(d1/2, d2/2); 0 for f <= 0. Accuracy ~1e-15 relative in the lower tail.
    /// Cost: one incomplete beta evaluation.
    public static func cdf(_ f: Double, numeratorDegreesOfFreedom d1: Double,
                           denominatorDegreesOfFreedom d2: Double) -> Double {
        guard valid(d1, d2), !f.isNaN else { return .nan }
        if f <= 0 { return 0 }
        if f == .infinity { return 1 }
        return tails(f, d1, d2).lower
    }

    /// P(F > f), computed directly (the p-value of an F test); 1 for f <= 0.
    public static func survival(_ f: Double, numeratorDegreesOfFreedom d1: Double,
                                denominatorDegreesOfFreedom d2: Double) -> Double {
        guard valid(d1, d2), !f.isNaN else { return .nan }
        if f <= 0 { return 1 }
        if f == .infinity { return 0 }
        return tails(f, d1, d2).upper
    }

    /// The p-quantile f = (d2/d1) x/y from the inverse incomplete beta (x, y = 1 - x), matching the smaller
    /// tail. Accuracy ~1e-15 relative. Returns 0 for p = 0, +infinity for p = 1, NaN for p outside [0, 1].
    /// Cost: one beta inversion.
    public static func quantile(_ p: Double, numeratorDegreesOfFreedom d1: Double,
                                denominatorDegreesOfFreedom d2: Double) -> Double {
        guard valid(d1, d2), p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let (x, y) = inverseIncompleteBeta(p: p, q: 1 - p, 0.5 * d1, 0.5 * d2)
        return (d2 / d1) * (x / y)
    }

    static func valid(_ d1: Double, _ d2: Double) -> Bool {
        d1 > 0 && d2 > 0 && d1.isFinite && d2.isFinite
    }

    static func tails(_ f: Double, _ d1: Double, _ d2: Double) -> (lower: Double, upper: Double) {
        let u = d1 * f
        let x = u / (u + d2)
        let y = d2 / (u + d2)
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }
        return incompleteBeta(x, y, 0.5 * d1, 0.5 * d2)
    }
}
