#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The Nelson-Aalen estimate of the cumulative hazard from exact failures and right-censored units,
/// with its variance, log-transformed confidence bounds and the derived survival exp(-H).
///
/// At each distinct failure time t_j with n_j at risk and d_j failures (ties as in `RiskSets`: units
/// suspended at t_j are at risk at t_j):
/// - H(t_j) = sum_{i <= j} d_i / n_i (tied failures enter as one jump d/n, R survival's default
///   `ctype = 1`, not the Fleming-Harrington tie correction sum_{k < d} 1/(n - k));
/// - Var H(t_j) = sum_{i <= j} d_i / n_i^2, Aalen's (Poisson-type) estimator, as R survival uses for
///   `ctype = 1`. The alternative, Klein's (binomial-type) sum d_i (n_i - d_i) / n_i^3, is smaller
///   with ties and is not used here;
/// - bounds from the Wald interval on log H: H exp(-/+ z SE / H), always positive;
/// - survival exp(-H) with bounds exp(-upper H), exp(-lower H) (the Breslow or Fleming-Harrington
///   survival estimate, which is >= Kaplan-Meier's at every time).
/// Here z is the standard normal quantile at (1 + confidence) / 2.
///
/// - Complexity: O(n log n) in the number of stored rows.
public struct NelsonAalen: Sendable {
    /// The estimate at one distinct failure time.
    public struct Step: Sendable, Equatable {
        public var time: Double
        /// n_j: units with time >= t_j.
        public var atRisk: Double
        /// d_j: units that failed at t_j.
        public var failures: Double
        /// H(t_j).
        public var cumulativeHazard: Double
        /// sqrt(sum d / n^2).
        public var standardError: Double
        /// Bounds on H from the Wald interval on log H.
        public var bounds: ConfidenceInterval
        /// exp(-H(t_j)).
        public var survival: Double
        /// exp(-upper), exp(-lower).
        public var survivalBounds: ConfidenceInterval
    }

    /// One step per distinct exact failure time, in increasing time; empty when there are no failures.
    public let steps: [Step]
    public let confidence: Double
    /// All units, failed or suspended.
    public let unitCount: Double

    /// - Throws: `NonparametricError.censoringNotSupported` for left- or interval-censored data,
    ///   `.noUnits` for empty data, `.invalidConfidence` unless 0 < confidence < 1.
    public init(_ data: LifetimeData, confidence: Double = 0.95) throws(NonparametricError) {
        guard confidence > 0 && confidence < 1 else { throw .invalidConfidence(confidence) }
        try NonparametricError.requireExactOrRightCensored(data, method: "Nelson-Aalen")
        let risk = RiskSets(data)
        guard risk.unitCount > 0 else { throw .noUnits }
        let z = StandardNormal.quantile((1 + confidence) / 2)
        var h = 0.0, variance = 0.0
        var steps: [Step] = []
        steps.reserveCapacity(risk.times.count)
        for j in risk.times.indices {
            let n = risk.atRisk[j], d = risk.failures[j]
            h += d / n
            variance += d / (n * n)
            let se = variance.squareRoot()
            let factor = exp(z * se / h)
            let bounds = ConfidenceInterval(lower: h / factor, upper: h * factor)
            steps.append(Step(time: risk.times[j], atRisk: n, failures: d, cumulativeHazard: h,
                              standardError: se, bounds: bounds, survival: exp(-h),
                              survivalBounds: ConfidenceInterval(lower: exp(-h * factor), upper: exp(-h / factor))))
        }
        self.steps = steps
        self.confidence = confidence
        self.unitCount = risk.unitCount
    }

    /// H(t) of the step function: 0 before the first failure, H(t_j) for t_j <= t < t_{j+1}.
    /// - Complexity: O(log m) in the number of steps.
    public func cumulativeHazard(at t: Double) -> Double {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : steps[lo - 1].cumulativeHazard
    }
}
