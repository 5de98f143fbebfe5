#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Parametric bootstrap confidence bounds for any fitted family.
///
/// Each replicate draws a new sample of the same size and censoring pattern from the fitted model,
/// refits the family, and records the quantities of interest; the bounds are the (1 - c)/2 and
/// (1 + c)/2 percentiles of the replicates (linear interpolation between order statistics).
/// Censoring pattern: a suspended unit keeps its censoring time; a failed unit is censored at the
/// largest observed time (the end of a Type I test) when the data have suspensions, and not at all in
/// complete data. Only exact and right-censored data are supported.
///
/// Replicate i uses its own generator `Xoshiro256StarStar(seed: seed ^ (i * 0x9E3779B97F4A7C15))`, so
/// the replicates run in parallel on every core (`Parallel.map`) and the result is
/// bit-identical to a serial run and across runs. Replicates that cannot be fitted (for example no
/// failures drawn) or that do not converge are counted and left out, never silently: see `failedReplicates`.
public struct ParametricBootstrap: Sendable {
    public let replicates: Int
    public let seed: UInt64

    public init(replicates: Int = 1000, seed: UInt64 = 1) {
        precondition(replicates >= 2, "a bootstrap needs at least two replicates")
        self.replicates = replicates
        self.seed = seed
    }

    /// The outcome: per quantity, the replicate values (sorted) and the count of failed replicates.
    public struct Result: Sendable {
        /// Sorted replicate values of each quantity.
        public let samples: [[Double]]
        /// Replicates that could not be fitted or did not converge (left out of the percentiles).
        public let failedReplicates: Int
        public let replicates: Int

        /// Two-sided percentile interval of quantity `index` at confidence `c`.
        public func interval(_ index: Int, confidence c: Double) -> ConfidenceInterval {
            let values = samples[index]
            guard values.count >= 2 else { return ConfidenceInterval(lower: nil, upper: nil) }
            return ConfidenceInterval(lower: Self.percentile(values, (1 - c) / 2), upper: Self.percentile(values, (1 + c) / 2))
        }

        /// Percentile by linear interpolation between order statistics (R's type 7).
        static func percentile(_ sorted: [Double], _ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
    }

    /// Runs the bootstrap of `fit` (fitted to `data`) for the quantities computed by `quantities`.
    /// Returns nil when the data hold left- or interval-censored observations.
    /// - Complexity: `replicates` fits of n units, spread over all cores.
    public func run(_ fit: LifetimeFit, data: LifetimeData,
                    quantities: @escaping @Sendable (LifetimeFit) -> [Double]) -> Result? {
        guard data.hasOnlyExactFailures else { return nil }
        let endOfTest = data.suspensionTimes.isEmpty ? .infinity : (data.failureTimes + data.suspensionTimes).max() ?? 0
        let count = quantities(fit).count
        let model = fit.model, family = fit.family, fixed = fit.fixed
        let seed = self.seed
        // One row of quantities per replicate; nil for a replicate that could not be used.
        let rows = Parallel.map(replicates) { i -> [Double]? in
            var generator = Xoshiro256StarStar(seed: seed ^ (UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
            var sample = LifetimeData()
            func draw(censoredAt c: Double, count: Double) {
                for _ in 0..<Int(count) {
                    let t = model.quantile(RandomVariates.uniform01(using: &generator))
                    // The model's own draws, below 0 too where its support reaches there (normal,
                    // Gumbel, a negative threshold): the refit must see the fitted law, not a clipped one.
                    if t <= c { sample.appendFailure(t, 1) } else { sample.appendSuspension(c, 1) }
                }
            }
            for w in data.failureCounts { draw(censoredAt: endOfTest, count: w) }
            for (c, w) in zip(data.suspensionTimes, data.suspensionCounts) { draw(censoredAt: c, count: w) }
            guard let refit = try? MaximumLikelihood.fit(family, to: sample, fixed: fixed), refit.diagnostics.converged else { return nil }
            let values = quantities(refit)
            return values.allSatisfy(\.isFinite) ? values : nil
        }
        var samples = [[Double]](repeating: [], count: count)
        for row in rows { if let row { for k in 0..<count { samples[k].append(row[k]) } } }
        let failed = rows.filter { $0 == nil }.count
        return Result(samples: samples.map { $0.sorted() }, failedReplicates: failed, replicates: replicates)
    }
}
