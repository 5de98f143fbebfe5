#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Turnbull's nonparametric maximum-likelihood estimate (NPMLE) of the lifetime distribution from
/// any mix of exact failures and left-, interval- and right-censored units.
///
/// Method (Turnbull 1976): every observation is a set of possible failure times — an exact failure
/// the point {t}, a censored unit an interval (lower, upper] (left censoring: lower = 0; right
/// censoring: (t, infinity)). The NPMLE puts all its mass on the innermost intervals
/// I_1 < ... < I_m (see `TurnbullObservation.innermostIntervals`); within an innermost interval the
/// distribution is not identified. With alpha_ij = 1 when I_j lies in observation i, w_i its count and
/// N = sum w_i, the masses p_j maximise sum_i w_i log(sum_j alpha_ij p_j) and satisfy the
/// self-consistency equations p_j = (1/N) sum_i w_i alpha_ij p_j / sum_k alpha_ik p_k. They are found
/// by iterating these equations (the EM algorithm), started from equal masses 1/m.
///
/// Stopping: after the iteration in which no mass changed by more than `tolerance` (absolute), with
/// `converged == true`; or after `maxIterations` iterations with `converged == false` (the last
/// iterate is then still reported, flagged). EM converges linearly, slowly when a mass tends to 0:
/// with rate rho the distance to the solution can be about tolerance / (1 - rho), larger than the
/// last step. `kktExcess` checks the solution independently: with D_j = sum_i w_i alpha_ij / P_i,
/// the NPMLE has D_j / N <= 1 for every j, with equality where p_j > 0 (the Kuhn-Tucker conditions,
/// Gentleman and Geyer 1994), so max_j D_j / N - 1 should be ~0 and never clearly positive.
///
/// With exact and right-censored data only, the NPMLE is the Kaplan-Meier estimate.
///
/// - Complexity: O(n log n) to build the innermost intervals, then per iteration O(m) plus the total
///   length of the runs of innermost intervals the n observations cover (at most O(n m)): P_i is summed
///   over its run directly (a difference of prefix sums would lose the relative accuracy of small
///   P_i), and the D_j are accumulated over the runs by a difference array in O(n + m).
public struct Turnbull: Sendable {
    /// One innermost interval and its estimated probability mass.
    public struct Interval: Sendable, Equatable {
        /// The interval is (lower, upper]; when `lower == upper` it is the point {lower} (an exact
        /// failure time); `upper` is +infinity after the last finite end (mass beyond every inspection).
        public var lower: Double
        public var upper: Double
        /// p_j: the estimated probability that a unit fails in this interval.
        public var mass: Double
        /// S after the interval: 1 - sum_{k <= j} p_k (summed from the right, so small tails keep
        /// their accuracy).
        public var survivalAfter: Double

        /// True when the interval is a single exact failure time.
        public var isPoint: Bool { lower == upper }
    }

    public let intervals: [Interval]
    /// True when the last iteration changed no mass by more than `tolerance`.
    public let converged: Bool
    /// Self-consistency iterations performed.
    public let iterations: Int
    public let tolerance: Double
    /// The largest change of a mass in the last iteration.
    public let lastChange: Double
    /// max_j D_j / N - 1 at the reported masses (see the type's documentation): ~0 at the NPMLE.
    public let kktExcess: Double
    /// sum_i w_i log P_i, the log-likelihood of the interval probabilities at the reported masses.
    public let logLikelihood: Double
    /// N, all units.
    public let unitCount: Double

    /// Why the iterations stopped before converging (the iteration cap or the time budget), or nil.
    public let stoppedBy: String?

    /// - Parameters:
    ///   - data: any mix of exact failures and left-, interval- and right-censored units.
    ///   - tolerance: stop when no mass changes by more than this in one iteration (absolute, > 0).
    ///   - maxIterations: give up (with `converged == false`) after this many iterations.
    ///   - seconds: give up (with `converged == false`) after this much wall-clock time; nil for no limit.
    /// - Throws: `NonparametricError.noUnits` for empty data, `.invalidParameter` for a tolerance or an
    ///   iteration cap that is not positive.
    public init(_ data: LifetimeData, tolerance: Double = 1e-10, maxIterations: Int = 100_000,
                seconds: Double? = 60) throws(NonparametricError) {
        guard tolerance > 0 && tolerance.isFinite else { throw .invalidParameter("the tolerance must be positive, got \(tolerance)") }
        guard maxIterations > 0 else { throw .invalidParameter("the iteration cap must be positive, got \(maxIterations)") }
        let observations = TurnbullObservation.all(data)
        guard !observations.isEmpty else { throw .noUnits }
        let innermost = TurnbullObservation.innermostIntervals(observations)
        let m = innermost.count
        var ranges: [ClosedRange<Int>] = []
        ranges.reserveCapacity(observations.count)
        for o in observations {
            // Every observation contains an innermost interval by construction; a miss is a bug.
            guard let r = o.containedRange(in: innermost) else {
                throw .numericalFailure("an observation contains no innermost interval (a bug: please report the data)")
            }
            ranges.append(r)
        }
        let weights = observations.map(\.count)
        let n = weights.reduce(0, +)

        var p = [Double](repeating: 1 / Double(m), count: m)
        var d = [Double](repeating: 0, count: m + 1)
        /// D_j = sum_i w_i alpha_ij / P_i, and sum_i w_i log P_i, at the masses p.
        func scores(_ p: [Double]) -> (d: [Double], logLikelihood: Double) {
            for j in d.indices { d[j] = 0 }
            var ll = 0.0
            for i in observations.indices {
                var total = 0.0
                for j in ranges[i] { total += p[j] }
                ll += weights[i] * log(total)
                d[ranges[i].lowerBound] += weights[i] / total
                d[ranges[i].upperBound + 1] -= weights[i] / total
            }
            var running = 0.0
            var result = [Double](repeating: 0, count: m)
            for j in 0..<m {
                running += d[j]
                result[j] = running
            }
            return (result, ll)
        }

        var iterations = 0
        var change = Double.infinity
        let budget = ComputationBudget(seconds: seconds)
        while iterations < maxIterations && budget.charge() {
            let (dj, _) = scores(p)
            change = 0
            for j in 0..<m {
                let next = p[j] * dj[j] / n
                change = max(change, abs(next - p[j]))
                p[j] = next
            }
            iterations += 1
            if change <= tolerance { break }
        }
        let (dj, ll) = scores(p)
        self.kktExcess = (dj.max() ?? n) / n - 1
        self.logLikelihood = ll
        self.converged = change <= tolerance
        self.stoppedBy = change <= tolerance ? nil : budget.reason ?? "the cap of \(maxIterations) iterations was reached"
        self.iterations = iterations
        self.tolerance = tolerance
        self.lastChange = change
        self.unitCount = n

        var after = [Double](repeating: 0, count: m)
        var tail = 0.0
        for j in stride(from: m - 1, through: 0, by: -1) {
            after[j] = tail
            tail += p[j]
        }
        self.intervals = (0..<m).map { j in
            Interval(lower: innermost[j].lower, upper: innermost[j].upper, mass: p[j], survivalAfter: after[j] / tail)
        }
    }
}
