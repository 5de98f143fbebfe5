#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The binomial distribution: the number of failures X among n independent trials each failing with
/// probability p.
///
/// Invalid arguments (n < 0, p outside [0, 1] or NaN) give NaN.
public enum BinomialDistribution: Sendable {
    /// P(X = k) = C(n, k) p^k (1 - p)^(n - k).
    ///
    /// Written as (p^k q^(n-k) / B(k, n-k)) * n / (k (n-k)) with the beta-function prefactor evaluated
    /// without subtracting large logarithms, so n up to 1e9 keeps ~1e-14 relative accuracy (a log-factorial
    /// sum would lose log10(n!) digits). 0 for k outside [0, n]. Cost: a few libm calls.
    public static func pmf(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 || k > n { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let q = 1 - p
        let nd = Double(n)
        if k == 0 { return p < 0.5 ? exp(nd * log1p(-p)) : pow(q, nd) }
        if k == n { return pow(p, nd) }
        let kd = Double(k)
        let rest = nd - kd
        return betaPrefix(p, q, kd, rest) * (nd / (kd * rest))
    }

    /// P(X <= k) = I_(1-p)(n - k, k + 1), the regularized incomplete beta function (with p itself passed
    /// as the complement, so small p keep their digits). 0 for k < 0, 1 for k >= n.
    /// Accuracy ~1e-15 relative when the probability is below 1/2, absolute ~1e-16 otherwise.
    /// Cost: one incomplete beta evaluation, O(sqrt(n)) fraction terms at worst.
    public static func cdf(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        return incompleteBeta(1 - p, p, Double(n - k), Double(k + 1)).lower
    }

    /// P(X > k) = 1 - cdf(k), computed directly as I_p(k + 1, n - k) so that small upper-tail
    /// probabilities (the p-value of "at least k + 1 failures") keep their relative accuracy.
    /// 1 for k < 0, 0 for k >= n.
    public static func survival(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 { return 1 }
        if k >= n { return 0 }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return incompleteBeta(1 - p, p, Double(n - k), Double(k + 1)).upper
    }
}

/// The Poisson distribution with the given mean (>= 0).
///
/// Invalid arguments (negative, infinite or NaN mean) give NaN.
public enum PoissonDistribution: Sendable {
    /// P(X = k) = mean^k e^-mean / k!, through the gamma prefactor x^a e^-x / Gamma(a) (no log-factorial
    /// cancellation). 0 for k < 0.
    public static func pmf(_ k: Int, mean: Double) -> Double {
        guard mean >= 0, mean.isFinite else { return .nan }
        if k < 0 { return 0 }
        if mean == 0 { return k == 0 ? 1 : 0 }
        if k == 0 { return exp(-mean) }
        let kd = Double(k)
        return gammaPrefix(kd, mean) / kd
    }

    /// P(X <= k) = Q(k + 1, mean), the regularized upper incomplete gamma function. 0 for k < 0; 1 for
    /// mean = 0. Accuracy ~1e-15 relative when below 1/2. Cost: one incomplete gamma evaluation.
    public static func cdf(_ k: Int, mean: Double) -> Double {
        guard mean >= 0, mean.isFinite else { return .nan }
        if k < 0 { return 0 }
        if mean == 0 { return 1 }
        return regularizedGammaQ(Double(k) + 1, mean)
    }

    /// P(X > k) = P(k + 1, mean), computed directly. 1 for k < 0; 0 for mean = 0.
    public static func survival(_ k: Int, mean: Double) -> Double {
        guard mean >= 0, mean.isFinite else { return .nan }
        if k < 0 { return 1 }
        if mean == 0 { return 0 }
        return regularizedGammaP(Double(k) + 1, mean)
    }
}

/// Clopper-Pearson ("exact") one-sided confidence bounds for a binomial failure probability, the basis
/// of zero-failure and few-failure qualification (success-run) numbers.
///
/// The bounds invert the binomial distribution through the inverse incomplete beta function, so they
/// are as accurate as `inverseRegularizedBeta` (~1e-15 relative). Invalid arguments (trials < 1,
/// failures outside [0, trials], confidence outside (0, 1)) give NaN. Cost: one beta inversion.
public enum ClopperPearson: Sendable {
    /// The p_U with P(X <= failures | p_U) = 1 - confidence, i.e. the Beta(failures + 1, trials - failures)
    /// quantile at `confidence`; 1 when every trial failed. For 0 failures it equals
    /// 1 - (1 - confidence)^(1/trials) (0.0495 for 59 trials at 95%).
    public static func upperBound(failures: Int, trials: Int, confidence: Double) -> Double {
        guard valid(failures, trials, confidence) else { return .nan }
        if failures == trials { return 1 }
        return inverseIncompleteBeta(p: confidence, q: 1 - confidence,
                                     Double(failures + 1), Double(trials - failures)).x
    }

    /// The p_L with P(X >= failures | p_L) = 1 - confidence, i.e. the Beta(failures, trials - failures + 1)
    /// quantile at 1 - confidence; 0 when nothing failed.
    public static func lowerBound(failures: Int, trials: Int, confidence: Double) -> Double {
        guard valid(failures, trials, confidence) else { return .nan }
        if failures == 0 { return 0 }
        return inverseIncompleteBeta(p: 1 - confidence, q: confidence,
                                     Double(failures), Double(trials - failures + 1)).x
    }

    static func valid(_ failures: Int, _ trials: Int, _ confidence: Double) -> Bool {
        trials >= 1 && failures >= 0 && failures <= trials && confidence > 0 && confidence < 1
    }
}
