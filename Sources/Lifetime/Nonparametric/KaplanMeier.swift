#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The Kaplan-Meier (product-limit) estimate of the survival function from exact failures and
/// right-censored units, with Greenwood standard errors and two-sided pointwise confidence bounds.
///
/// At each distinct failure time t_j with n_j units at risk and d_j failures (see `RiskSets` for ties:
/// units suspended at t_j are at risk at t_j):
/// - S(t_j) = prod_{i <= j} (1 - d_i / n_i);
/// - Greenwood: Var S(t_j) = S(t_j)^2 g_j with g_j = sum_{i <= j} d_i / (n_i (n_i - d_i));
///   g_j is the variance of log S (and of the cumulative hazard -log S) by the delta method;
/// - plain (linear) bounds: S -/+ z S sqrt(g), clipped to [0, 1] (R survival `conf.type = "plain"`);
/// - log-log bounds: the Wald interval for log(-log S), with standard error sqrt(g) / |log S|, mapped
///   back: lower = S^exp(+z sqrt(g) / |log S|), upper = S^exp(-z sqrt(g) / |log S|)
///   (Kalbfleisch and Prentice 1980; R survival `conf.type = "log-log"`). They always lie in (0, 1);
/// where z is the standard normal quantile at (1 + confidence) / 2.
///
/// Once the estimate reaches 0 (every unit at risk fails, n_j = d_j) the Greenwood term d/(n(n - d)) is
/// infinite: the standard error and both bounds are reported as absent (nil) rather than as a
/// degenerate [0, 0] interval, as R reports NA there.
///
/// The estimate is a step function, right-continuous: S(t) = 1 before the first failure and
/// S(t) = S(t_j) for t_j <= t < t_{j+1}. After the last observation it is undefined when the last
/// observation is a suspension; `survival(at:)` then returns the last value (no extrapolation is
/// implied).
///
/// - Complexity: O(n log n) in the number of stored rows.
public struct KaplanMeier: Sendable {
    /// The estimate at one distinct failure time.
    public struct Step: Sendable, Equatable {
        public var time: Double
        /// n_j: units with time >= t_j, failed or suspended.
        public var atRisk: Double
        /// d_j: units that failed at t_j.
        public var failures: Double
        /// S(t_j).
        public var survival: Double
        /// Greenwood standard error of S(t_j); nil once S = 0.
        public var standardError: Double?
        /// g_j = sum d_i / (n_i (n_i - d_i)), the variance of log S(t_j); infinite once S = 0.
        public var greenwoodSum: Double
        /// Linear bounds S -/+ z SE clipped to [0, 1].
        public var plainBounds: ConfidenceInterval
        /// Bounds from the Wald interval on log(-log S).
        public var logLogBounds: ConfidenceInterval
    }

    /// One step per distinct exact failure time, in increasing time; empty when there are no failures.
    public let steps: [Step]
    /// The two-sided confidence level of the bounds.
    public let confidence: Double
    /// All units, failed or suspended.
    public let unitCount: Double

    /// - Throws: `NonparametricError.censoringNotSupported` for left- or interval-censored data,
    ///   `.noUnits` for empty data, `.invalidConfidence` unless 0 < confidence < 1.
    public init(_ data: LifetimeData, confidence: Double = 0.95) throws(NonparametricError) {
        guard confidence > 0 && confidence < 1 else { throw .invalidConfidence(confidence) }
        try NonparametricError.requireExactOrRightCensored(data, method: "Kaplan-Meier")
        let risk = RiskSets(data)
        guard risk.unitCount > 0 else { throw .noUnits }
        let z = StandardNormal.quantile((1 + confidence) / 2)
        var survival = 1.0
        var greenwood = 0.0
        var steps: [Step] = []
        steps.reserveCapacity(risk.times.count)
        for j in risk.times.indices {
            let n = risk.atRisk[j], d = risk.failures[j]
            survival *= (n - d) / n
            greenwood += n > d ? d / (n * (n - d)) : .infinity
            var step = Step(time: risk.times[j], atRisk: n, failures: d, survival: survival,
                            standardError: nil, greenwoodSum: greenwood,
                            plainBounds: ConfidenceInterval(lower: nil, upper: nil),
                            logLogBounds: ConfidenceInterval(lower: nil, upper: nil))
            if survival > 0 {
                let root = greenwood.squareRoot()
                let se = survival * root
                step.standardError = se
                step.plainBounds = ConfidenceInterval(lower: max(0, survival - z * se), upper: min(1, survival + z * se))
                let logS = log(survival)
                let w = z * root / -logS
                step.logLogBounds = ConfidenceInterval(lower: pow(survival, exp(w)), upper: pow(survival, exp(-w)))
            }
            steps.append(step)
        }
        self.steps = steps
        self.confidence = confidence
        self.unitCount = risk.unitCount
    }

    /// S(t) of the step function: 1 before the first failure, S(t_j) for t_j <= t < t_{j+1}.
    /// - Complexity: O(log m) in the number of steps.
    public func survival(at t: Double) -> Double {
        var lo = 0, hi = steps.count   // first step with time > t
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 1 : steps[lo - 1].survival
    }
}
