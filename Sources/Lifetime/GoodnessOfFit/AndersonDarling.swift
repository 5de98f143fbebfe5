#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Anderson-Darling distance between a fitted model and the data, extended to right censoring.
///
/// Definition used: AD = n * integral of (F_n(t) - F(t))^2 / (F(t) (1 - F(t))) dF(t), where F is the
/// fitted CDF, F_n the Kaplan-Meier estimate (a step function that jumps at the failures) and n the
/// number of units. The integral runs over u = F(t) from 0 to 1 when the last observation is a
/// failure (complete data: this is exactly the classical A^2 = -n - (1/n) sum (2i - 1)[ln F(t_i) +
/// ln(1 - F(t_{n+1-i}))]) and otherwise up to F at the last observed time, as in Minitab's "adjusted"
/// Anderson-Darling for censored data. On a piece where F_n = c the integrand is
/// c^2/u + (1-c)^2/(1-u) - 1, so each piece has the closed form
/// c^2 ln(b/a) - (1-c)^2 ln((1-b)/(1-a)) - (b - a). It is defined for exact and right-censored data
/// only (nil with left- or interval-censored observations).
public enum AndersonDarling {
    /// - Complexity: O(n) for the Kaplan-Meier risk sets (`RiskSets`); one CDF evaluation per distinct
    ///   failure time.
    public static func statistic(model: LifetimeModel, data: LifetimeData) -> Double? {
        guard data.hasOnlyExactFailures, data.failureCount > 0 else { return nil }
        let risk = RiskSets(data)
        let n = risk.unitCount
        var survival = 1.0
        var lowerU = 0.0     // u = F(t) at the start of the current piece
        var stepValue = 0.0  // F_n (Kaplan-Meier) on the current piece
        var total = 0.0
        for j in risk.times.indices {
            let u = model.cdf(risk.times[j])
            total += piece(stepValue, lowerU, u)
            lowerU = u
            survival *= 1 - risk.failures[j] / risk.atRisk[j]
            stepValue = 1 - survival
        }
        let lastFailure = risk.times[risk.times.count - 1]
        let lastSuspension = data.suspensionTimes.max() ?? -.infinity
        // Up to u = 1 when the last observation is a failure (complete data), else up to F(last time).
        let end = lastSuspension < lastFailure && stepValue >= 1 - 1e-12 ? 1.0 : model.cdf(max(lastFailure, lastSuspension))
        total += piece(stepValue, lowerU, end)
        return n * total
    }

    /// The classical complete-sample statistic A^2 = -n - (1/n) sum (2i - 1)[ln F(x_(i)) + ln(1 - F(x_(n+1-i)))]
    /// from ln F and ln(1 - F) at the sorted sample (x_(1) <= ... <= x_(n)).
    ///
    /// Taking the logarithms from the caller lets a family with accurate log tails (the normal's
    /// `logCDF` and `logSurvival`) give a large finite A^2 for an extreme value where F rounds to 0
    /// or 1. For complete data it equals `statistic(model:data:)` (the integral form) with F = the
    /// model's CDF; the test suite checks both on the same sample.
    /// - Precondition: the arrays have the same length, at least 1.
    /// - Complexity: O(n).
    public static func statistic(logCDF: [Double], logSurvival: [Double]) -> Double {
        let n = logCDF.count
        guard n > 0, logSurvival.count == n else { return .nan }
        var sum = 0.0
        for i in 0..<n { sum += Double(2 * i + 1) * (logCDF[i] + logSurvival[n - 1 - i]) }
        let m = Double(n)
        return -m - sum / m
    }

    /// Integral of (c - u)^2 / (u (1 - u)) over [a, b], with the limits u -> 0 (c = 0) and u -> 1 (c = 1).
    static func piece(_ c: Double, _ a: Double, _ b: Double) -> Double {
        guard b > a else { return 0 }
        let left = c == 0 ? 0 : c * c * log(b / a)
        let right = c == 1 ? 0 : (1 - c) * (1 - c) * (log1p(-b) - log1p(-a))
        return left - right - (b - a)
    }
}
