#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Likelihood-based model selection criteria (smaller is better).
///
/// Convention: n is the number of units, failed and censored, counting the `count` column (Minitab's
/// and Weibull++'s choice); k is the number of estimated parameters (fixed parameters do not count).
public enum InformationCriteria {
    /// AIC = 2k - 2 LL.
    public static func aic(logLikelihood: Double, parameters k: Int) -> Double {
        2 * Double(k) - 2 * logLikelihood
    }

    /// AICc = AIC + 2k(k+1)/(n-k-1); +infinity when n <= k + 1 (the correction is undefined).
    public static func aicc(logLikelihood: Double, parameters k: Int, sampleSize n: Double) -> Double {
        let kk = Double(k)
        guard n > kk + 1 else { return .infinity }
        return aic(logLikelihood: logLikelihood, parameters: k) + 2 * kk * (kk + 1) / (n - kk - 1)
    }

    /// BIC = k log n - 2 LL.
    public static func bic(logLikelihood: Double, parameters k: Int, sampleSize n: Double) -> Double {
        Double(k) * log(n) - 2 * logLikelihood
    }
}
