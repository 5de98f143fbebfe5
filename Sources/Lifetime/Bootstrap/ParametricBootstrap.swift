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
///
/// Budget: the replicates may take `seconds` of wall-clock time (default 45 s; nil for no limit), and
/// at most `maximumDraws` units are drawn in all (replicates x units). When either limit stops the
/// bootstrap, `Result.notComputed` says why and there are no bounds: bounds from however many
/// replicates a machine managed in the time would not repeat from run to run.
public struct ParametricBootstrap: Sendable {
    public let replicates: Int
    public let seed: UInt64
    /// Wall-clock seconds the replicates may take, or nil for no limit.
    public let seconds: Double?

    /// Units drawn in all replicates together, at most: 10^10 (minutes of drawing alone).
    public static let maximumDraws = 1e10
    /// Replicates, at most (one result slot each is allocated up front).
    public static let maximumReplicates = 1_000_000

    public init(replicates: Int = 1000, seed: UInt64 = 1, seconds: Double? = 45) {
        self.replicates = replicates
        self.seed = seed
        self.seconds = seconds
    }

    /// The outcome: per quantity, the replicate values (sorted) and the count of failed replicates.
    public struct Result: Sendable {
        /// Sorted replicate values of each quantity.
        public let samples: [[Double]]
        /// Replicates that could not be fitted or did not converge (left out of the percentiles).
        public let failedReplicates: Int
        public let replicates: Int
        /// Why no bounds were computed (too few replicates, a spent budget), or nil.
        public let notComputed: String?

        init(samples: [[Double]], failedReplicates: Int, replicates: Int, notComputed: String? = nil) {
            self.samples = samples
            self.failedReplicates = failedReplicates
            self.replicates = replicates
            self.notComputed = notComputed
        }

        /// Two-sided percentile interval of quantity `index` at confidence `c`.
        public func interval(_ index: Int, confidence c: Double) -> ConfidenceInterval {
            if let notComputed { return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: \(notComputed)"]) }
            let values = index < samples.count ? samples[index] : []
            guard values.count >= 2 else {
                return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: fewer than 2 replicates could be fitted"])
            }
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
    /// Returns nil when the data hold left- or interval-censored observations. `progress` counts
    /// replicates as they finish.
    /// - Complexity: `replicates` fits of n units, spread over all cores.
    public func run(_ fit: LifetimeFit, data: LifetimeData, progress: ProgressReporter? = nil,
                    quantities: @escaping @Sendable (LifetimeFit) -> [Double]) -> Result? {
        guard data.hasOnlyExactFailures else { return nil }
        let count = quantities(fit).count
        func stopped(_ reason: String) -> Result {
            Result(samples: Array(repeating: [], count: count), failedReplicates: 0, replicates: replicates, notComputed: reason)
        }
        guard replicates >= 2 else { return stopped("a bootstrap needs at least 2 replicates, got \(replicates)") }
        guard replicates <= Self.maximumReplicates else {
            return stopped("at most \(Self.maximumReplicates) replicates, got \(replicates)")
        }
        // Each unit is drawn once per replicate: a count of 2.5 units has no replicate.
        if let c = (data.failureCounts + data.suspensionCounts).first(where: { $0 != $0.rounded() }) {
            return stopped("the bootstrap draws whole units, but a count is \(c)")
        }
        guard Double(replicates) * data.unitCount <= Self.maximumDraws else {
            return stopped("\(replicates) replicates of \(data.unitCount) units would draw more than 10^10 units")
        }
        let endOfTest = data.suspensionTimes.isEmpty ? .infinity : (data.failureTimes + data.suspensionTimes).max() ?? 0
        let model = fit.model, family = fit.family, fixed = fit.fixed
        let seed = self.seed
        let budget = ComputationBudget(seconds: seconds)
        progress?.expect(replicates)
        // One row of quantities per replicate; nil for a replicate that could not be used.
        let rows = Parallel.map(replicates) { i -> [Double]? in
            defer { progress?.advance() }
            guard budget.charge() else { return nil }
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
        if let reason = budget.reason {
            return stopped("\(reason) before the \(replicates) replicates were done (ask for fewer replicates)")
        }
        var samples = [[Double]](repeating: [], count: count)
        for row in rows { if let row { for k in 0..<count { samples[k].append(row[k]) } } }
        let failed = rows.filter { $0 == nil }.count
        return Result(samples: samples.map { $0.sorted() }, failedReplicates: failed, replicates: replicates)
    }
}
