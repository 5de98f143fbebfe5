#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Starting points for a mixture by the EM algorithm (Dempster, Laird & Rubin 1977) from several
/// deterministic partitions of the failures; the driver then runs Newton on the full likelihood from
/// each.
///
/// **Starts.** The failure locations (exact times, left-censoring times, interval midpoints) are
/// sorted and cut into k groups at fractions (j/k)^s of the failed units, j = 1 ... k-1, for
/// s in {0.3, 0.6, 1, 1.6, 2.5} (from "most failures early" to "most failures late"); partitions that
/// leave a group without failures, or repeat another (tied readout data), are skipped. The survivors
/// go either all to the last (longest-lived) component or to every component in proportion to its
/// failures: two initial weightings. Each component starts from its family's starting values on its
/// group.
///
/// **Iteration.** E-step: the responsibility of component c for each merged entry, by censoring type:
/// exact p_c f_c / f, right p_c S_c / S, left p_c F_c / F, interval p_c (S_c(a) - S_c(b)) / (S(a) - S(b)).
/// M-step: the weights are the mean responsibilities; each component is refitted to its
/// responsibility-weighted sample (`CensoredSample(exact:right:left:interval:)`, the general
/// likelihood and Newton, a few iterations from its current value: a generalized EM, so the
/// likelihood never decreases). Stops when the log-likelihood gains less than `emTolerance` (1e-5) relative, or after
/// 200 iterations, or when a component runs to the edge of its parameter range (a collapse the driver
/// then reports).
/// - Complexity: per iteration O(n k) for the E-step and k Newton fits of O(n) per iteration.
enum MixtureEM {
    static let maximumIterations = 200
    /// EM stops when an iteration gains less than this, relative to the log-likelihood: EM only finds
    /// the basin; Newton on the full likelihood (quadratic there) finishes.
    static let emTolerance = 1e-5

    /// The exponents s of the cut fractions (j/k)^s.
    static let cutExponents = [0.3, 0.6, 1, 1.6, 2.5]

    /// One merged entry of any kind.
    struct Entry {
        enum Kind { case exact, right, left, interval }
        var kind: Kind
        var time: Double
        var upper: Double
        var weight: Double
        /// Where the failure lies (the interval's midpoint).
        var location: Double { kind == .interval ? (time + upper) / 2 : time }
    }

    static func entries(_ sample: CensoredSample) -> [Entry] {
        sample.exact.map { Entry(kind: .exact, time: $0.time, upper: $0.time, weight: $0.weight) }
            + sample.right.map { Entry(kind: .right, time: $0.time, upper: $0.time, weight: $0.weight) }
            + sample.left.map { Entry(kind: .left, time: $0.time, upper: $0.time, weight: $0.weight) }
            + sample.interval.map { Entry(kind: .interval, time: $0.lower, upper: $0.upper, weight: $0.weight) }
    }

    /// The entry's log-likelihood term under one component.
    static func term<C: ParametricFamily>(_ family: C, _ e: Entry, _ p: [Double]) -> Double {
        switch e.kind {
        case .exact: family.logDensity(e.time, p)
        case .right: family.logSurvival(e.time, p)
        case .left: family.logCDF(e.time, p)
        case .interval: family.logProbability(between: e.time, and: e.upper, p)
        }
    }

    /// Entries weighted by responsibilities, as a sample.
    static func weighted(_ entries: [Entry], _ r: [Double]) -> CensoredSample {
        var exact: [WeightedTime] = [], right: [WeightedTime] = [], left: [WeightedTime] = [], interval: [WeightedInterval] = []
        for (e, share) in zip(entries, r) {
            let w = e.weight * share
            guard w > 1e-300 else { continue }
            switch e.kind {
            case .exact: exact.append(WeightedTime(time: e.time, weight: w))
            case .right: right.append(WeightedTime(time: e.time, weight: w))
            case .left: left.append(WeightedTime(time: e.time, weight: w))
            case .interval: interval.append(WeightedInterval(lower: e.time, upper: e.upper, weight: w))
            }
        }
        return CensoredSample(exact: exact, right: right, left: left, interval: interval)
    }

    /// EM results on the mixture's natural scale, components in canonical order, best first.
    static func starts<C>(_ family: MixtureFamily<C>, _ sample: CensoredSample) -> [[Double]] {
        let k = family.count
        let all = entries(sample)
        let failed = all.indices.filter { all[$0].kind != .right }.sorted { all[$0].location < all[$1].location }
        let total = failed.reduce(0.0) { $0 + all[$1].weight }
        guard total > 0 else { return [] }
        var seen: Set<[Int]> = []
        var results: [(logLikelihood: Double, point: [Double])] = []
        for s in cutExponents {
            let cuts = (1..<k).map { pow(Double($0) / Double(k), s) }
            var group = [Int](repeating: k - 1, count: all.count)
            var cumulative = 0.0
            for i in failed {
                let middle = (cumulative + all[i].weight / 2) / total
                cumulative += all[i].weight
                group[i] = cuts.filter { $0 < middle }.count
            }
            let failuresPerGroup = (0..<k).map { c in failed.reduce(0.0) { $0 + (group[$1] == c ? all[$1].weight : 0) } }
            guard failuresPerGroup.allSatisfy({ $0 > 0 }), seen.insert(failed.map { group[$0] }).inserted else { continue }
            for survivorsToLast in [true, false] {
                let r = all.indices.map { i in
                    (0..<k).map { c -> Double in
                        if all[i].kind != .right { return group[i] == c ? 1 : 0 }
                        return survivorsToLast ? (c == k - 1 ? 1 : 0) : failuresPerGroup[c] / total
                    }
                }
                if let result = run(family, all, r) { results.append(result) }
            }
        }
        return results.sorted { $0.logLikelihood > $1.logLikelihood }.map(\.point)
    }

    /// EM from initial responsibilities r[entry][component].
    static func run<C>(_ family: MixtureFamily<C>, _ entries: [Entry], _ initial: [[Double]]) -> (logLikelihood: Double, point: [Double])? {
        let k = family.count, component = family.component
        let units = entries.reduce(0.0) { $0 + $1.weight }
        var r = initial
        var parts: [[Double]] = (0..<k).map { c in
            let sample = weighted(entries, r.map { $0[c] })
            return component.startingValues(for: sample).first ?? []
        }
        guard parts.allSatisfy({ $0.count == component.parameterCount }) else { return nil }
        var weights = (0..<k).map { c in r.indices.reduce(0.0) { $0 + entries[$1].weight * r[$1][c] } / units }
        var previous = -Double.infinity
        for iteration in 0...maximumIterations {
            // M-step (the first from the initial partition).
            for c in 0..<k {
                if let refit = refit(component, weighted(entries, r.map { $0[c] }), from: parts[c]) { parts[c] = refit }
            }
            weights = (0..<k).map { c in r.indices.reduce(0.0) { $0 + entries[$1].weight * r[$1][c] } / units }
            // E-step.
            var logLikelihood = 0.0
            for i in entries.indices {
                let logs = (0..<k).map { log(weights[$0]) + term(component, entries[i], parts[$0]) }
                let top = logs.max()!
                guard top.isFinite else { return nil }
                let shares = logs.map { exp($0 - top) }
                let sum = shares.reduce(0, +)
                r[i] = shares.map { $0 / sum }
                logLikelihood += entries[i].weight * (top + log(sum))
            }
            guard logLikelihood.isFinite else { return nil }
            let runaway = parts.contains { p in
                zip(component.parameters, p).contains { $0.transform != .identity && abs($0.transform.unconstrained($1) ?? .infinity) > ParametricEstimation.degenerateLimit }
            }
            if runaway || iteration == maximumIterations || logLikelihood - previous < emTolerance * (1 + abs(logLikelihood)) {
                previous = logLikelihood
                break
            }
            previous = logLikelihood
        }
        guard weights.allSatisfy({ $0 > 0 }) else { return nil }
        return (previous, family.canonical(family.natural(weights: weights, components: parts)))
    }

    /// A few Newton iterations on one component's responsibility-weighted likelihood from `start`;
    /// nil when the sample has no failures or no step improves on the start.
    static func refit<C: ParametricFamily>(_ component: C, _ sample: CensoredSample, from start: [Double]) -> [Double]? {
        guard sample.failureCount > 0 else { return nil }
        let likelihood = CensoredLogLikelihood(family: component, sample: sample)
        let u = zip(component.parameters, start).compactMap { $0.transform.unconstrained($1) }
        guard u.count == start.count else { return nil }
        let before = likelihood.value(u)
        var newton = DampedNewton()
        newton.maximumIterations = 20
        newton.maximumStep = 1
        // An accepted trial needs the derivatives anyway, and a Weibull component's one-pass derivatives
        // cost about one value: evaluate trials with them.
        newton.evaluatesTrialsWithDerivatives = true
        let result = newton.maximize(from: u, derivatives: likelihood.derivatives, value: likelihood.value)
        guard result.evaluation.value.isFinite, !(result.evaluation.value < before) else { return nil }
        return likelihood.natural(result.point)
    }
}
