#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A kernel-smoothed Nelson-Aalen hazard (Ramlau-Hansen 1983) on the log-time scale, with boundary
/// kernels at both ends of the data (Mueller and Wang 1994): the shape of the hazard without a model.
///
/// Bathtub data spread over decades (infant failures in hours, wear-out in thousands), so the
/// increments dH_j = d_j / n_j of the Nelson-Aalen estimate are smoothed in y = ln t: the hazard of Y
/// at y is h_Y(y) = sum_j K_b(y - y_j) dH_j with the Epanechnikov kernel K(x) = 3/4 (1 - x^2) on
/// [-1, 1], and the hazard of T is h(t) = h_Y(ln t) / t. Within one bandwidth of either end of the
/// failure times the kernel is replaced by Mueller and Wang's boundary kernel
/// K_q(x) = 12 / (1 + q)^4 (1 + x) ((1 - 2q) x + (3q^2 - 2q + 1) / 2) on [-1, q] (mirrored at the upper
/// end), which removes the boundary bias of order b. The variance is sum_j K_b^2 d_j / n_j^2 and the
/// bounds are Wald intervals on ln h (clipped at 0 where the boundary kernel makes the estimate 0 or
/// negative: those points have no bounds).
///
/// Bandwidth by default: 0.9 min(sd, IQR / 1.34) r^(-1/5) of the log failure times (Silverman's rule),
/// r the number of failures; `bandwidth` overrides it.
/// - Complexity: O(m g) for m distinct failure times and g grid points.
public struct SmoothedHazard: Sendable {
    public struct Point: Sendable, Equatable {
        public var time: Double
        /// The smoothed hazard h(t) (may be 0 near a boundary; never negative).
        public var hazard: Double
        public var bounds: ConfidenceInterval
    }

    public let points: [Point]
    /// Bandwidth on the ln t scale.
    public let bandwidth: Double
    public let confidence: Double

    /// - Parameters:
    ///   - data: exact failures and right-censored units.
    ///   - bandwidth: the kernel's half-width on the ln t scale; nil for Silverman's rule.
    ///   - gridPoints: log-spaced times from the first to the last failure time.
    ///   - confidence: the two-sided level of the pointwise bounds, in (0, 1).
    /// - Throws: `NonparametricError` for data the Nelson-Aalen estimate does not take, fewer than 3
    ///   distinct failure times, or an invalid bandwidth or confidence.
    public init(_ data: LifetimeData, bandwidth: Double? = nil, gridPoints: Int = 101, confidence: Double = 0.95) throws(NonparametricError) {
        let na = try NelsonAalen(data, confidence: confidence)
        let steps = na.steps.filter { $0.time > 0 }
        guard steps.count >= 3 else { throw .invalidParameter("a smoothed hazard needs at least 3 distinct positive failure times, found \(steps.count)") }
        guard gridPoints >= 2 && gridPoints <= 100_000 else { throw .invalidParameter("grid points must be in 2...100000, got \(gridPoints)") }
        let y = steps.map { log($0.time) }
        let b: Double
        if let bandwidth {
            guard bandwidth > 0 && bandwidth.isFinite else { throw .invalidParameter("the bandwidth must be positive, got \(bandwidth)") }
            b = bandwidth
        } else {
            b = Self.defaultBandwidth(y, weights: steps.map(\.failures))
        }
        let low = y.first!, high = y.last!
        let z = StandardNormal.quantile((1 + confidence) / 2)
        var points: [Point] = []
        for g in 0..<gridPoints {
            let at = low + (high - low) * Double(g) / Double(gridPoints - 1)
            var estimate = 0.0, variance = 0.0
            for (j, s) in steps.enumerated() {
                let x = (at - y[j]) / b
                let k = Self.kernel(x, at: at, low: low, high: high, bandwidth: b) / b
                guard k != 0 else { continue }
                let increment = s.failures / s.atRisk
                estimate += k * increment
                variance += k * k * s.failures / (s.atRisk * s.atRisk)
            }
            let t = exp(at)
            let hazard = max(estimate, 0) / t
            var bounds = ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the boundary-corrected estimate is 0 here"])
            if estimate > 0 {
                let factor = exp(z * variance.squareRoot() / estimate)
                bounds = ConfidenceInterval(lower: hazard / factor, upper: hazard * factor)
            }
            points.append(Point(time: t, hazard: hazard, bounds: bounds))
        }
        self.points = points
        self.bandwidth = b
        self.confidence = confidence
    }

    /// Silverman's rule on the weighted log failure times.
    static func defaultBandwidth(_ y: [Double], weights: [Double]) -> Double {
        let r = weights.reduce(0, +)
        let mean = zip(y, weights).reduce(0) { $0 + $1.0 * $1.1 } / r
        let sd = (zip(y, weights).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) } / max(r - 1, 1)).squareRoot()
        func quantile(_ p: Double) -> Double {
            var cumulative = 0.0
            for (v, w) in zip(y, weights) {
                cumulative += w
                if cumulative >= p * r { return v }
            }
            return y.last!
        }
        let iqr = quantile(0.75) - quantile(0.25)
        let spread = iqr > 0 ? min(sd, iqr / 1.34) : sd
        let b = 0.9 * spread * pow(r, -0.2)
        return b > 0 ? b : max(1e-3, (y.last! - y.first!) / 10)
    }

    /// The Epanechnikov kernel, or Mueller and Wang's boundary kernel within one bandwidth of an end.
    static func kernel(_ x: Double, at: Double, low: Double, high: Double, bandwidth b: Double) -> Double {
        if at < low + b {
            let q = (at - low) / b                  // the data end q bandwidths below `at`
            return boundaryKernel(x, q: q)
        }
        if at > high - b {
            let q = (high - at) / b
            return boundaryKernel(-x, q: q)
        }
        return abs(x) < 1 ? 0.75 * (1 - x * x) : 0
    }

    /// Mueller and Wang's (1994) Epanechnikov boundary kernel on [-1, q], q in [0, 1]; x = (at - y_j)/b,
    /// so y_j >= low means x <= q.
    static func boundaryKernel(_ x: Double, q: Double) -> Double {
        guard x >= -1 && x <= q else { return 0 }
        let factor = 12 / pow(1 + q, 4)
        return factor * (1 + x) * ((1 - 2 * q) * x + (3 * q * q - 2 * q + 1) / 2)
    }
}
