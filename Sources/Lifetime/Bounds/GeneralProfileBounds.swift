#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Likelihood-ratio bounds for threshold and gamma fits, whose likelihood is not handled by the
/// two-parameter location-scale profiles: on every parameter, and on B-lives and reliability.
///
/// A quantity phi is profiled by writing the internal parameters (mu, s or ln k, gamma) as a function
/// of phi and the others: a parameter is simply held at phi; a B-life t_p = gamma + exp(mu + sigma z_p)
/// (gamma: gamma + e^mu x_p(k)) gives mu from phi = ln t_p; a reliability R(t), through
/// phi = ln(-ln R), gives mu from the standardized time at t. The profile log-likelihood at phi is the
/// maximum over the others, found by Nelder-Mead warm-started from the previous profile point, so the
/// threshold is profiled too: these bounds are not conditional on it. Each end is the root of
/// l_max - profile(phi) - chi2(c; 1)/2, bracketed by doubling steps of a Wald-sized step and solved by
/// Brent's method; an end never bracketed is nil. The threshold's upper end cannot pass the first
/// failure, where the likelihood stops: when the profile has not fallen far enough by then, the upper
/// bound is that time.
///
/// What is reported instead of a number (`ConfidenceInterval.notes` says which, per end):
/// - **open**: the profile has not fallen by chi2(c; 1)/2 within `searchWidth` (10 on the internal
///   scale: a factor e^10 = 22026 on ln-scale quantities) of the estimate; the region reaches the edge of
///   any sensible parameter space, so no number is a bound;
/// - **not computed**: each quantity's profile has a budget (`ProfileBudget`: log-likelihood evaluations
///   and seconds) and stops when it is spent; or the profile met a higher log-likelihood than the fit's,
///   so the fit is not the maximum the bounds are measured from.
/// A fit whose likelihood is unbounded in the threshold (`likelihoodUnbounded`: the estimate is a local
/// maximum or the gamma = 0 fallback) has no likelihood-ratio region in gamma: its bounds are profiled
/// with the threshold held at the reported value (conditional on it), as its Fisher bounds are.
/// - Complexity: some 20-60 profile points per end, each a Nelder-Mead of a few hundred O(n)
///   log-likelihood evaluations, at most the budget.
enum GeneralProfileBounds {
    /// How far (on the internal scale: ln of positive quantities, the threshold in units of the data's
    /// range) a profile walks from the estimate before it calls an end open.
    static let searchWidth = 10.0

    /// The pieces shared by every quantity of one fit.
    struct Context {
        let fit: LifetimeFit
        let data: LifetimeData
        let theta: [Double]
        let profilesThreshold: Bool
        let tMin: Double
        let drop: Double
        let budget: ProfileBudget
        /// The gamma likelihood at the reported threshold (when the threshold is not profiled).
        let gammaLikelihood: CensoredLogLikelihood<GammaDistribution>?
        /// The gamma3p's merged sample, shifted to each trial threshold (when the threshold is profiled).
        let gammaSample: CensoredSample?

        init?(_ fit: LifetimeFit, confidence: Double, budget: ProfileBudget = .standard) {
            guard let data = fit.data, fit.method == .mle, fit.fixed.sigma == nil else { return nil }
            let estimate = ThresholdEstimation.internalParameters(fit.family, fit.model)
            // An unbounded likelihood has no region in gamma: hold it at the reported value.
            profilesThreshold = fit.family.hasThreshold && fit.fixed.threshold == nil && !fit.diagnostics.likelihoodUnbounded
            guard profilesThreshold || fit.family.isGamma else { return nil }
            self.budget = budget
            self.fit = fit
            self.data = data
            theta = Array(estimate.prefix(profilesThreshold ? estimate.count : 2))
            tMin = ThresholdEstimation.earliestFailureBound(data)
            drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
            gammaLikelihood = profilesThreshold ? nil
                : CensoredLogLikelihood(family: GammaDistribution(), sample: CensoredSample(data, threshold: fit.model.threshold))
            gammaSample = profilesThreshold && fit.family.isGamma ? CensoredSample(data) : nil
        }

        var threshold: (([Double]) -> Double) { { p in profilesThreshold ? p[p.count - 1] : fit.model.threshold } }

        func logLikelihood(_ p: [Double]) -> Double {
            // The box the profiles search in: ln-scale parameters within twice the search width of the
            // estimate. Beyond it a gamma shape of e^20 times the estimate makes one incomplete gamma
            // function cost up to 10^8 iterations, and no bound lies there anyway.
            for i in 0..<min(2, p.count) where !(abs(p[i] - theta[i]) <= 2 * GeneralProfileBounds.searchWidth) { return -.infinity }
            if profilesThreshold { return ThresholdEstimation.logLikelihood(fit.family, data, p, merged: gammaSample) }
            return gammaLikelihood?.value([p[0], p[1]]) ?? -.infinity
        }

        /// sigma at internal parameters (1 for the exponential and the gamma).
        func sigma(_ p: [Double]) -> Double { fit.family.fixedSigma != nil || fit.family.isGamma ? 1 : exp(p[1]) }

        /// The internal parameters with mu replaced so that the standardized time (or, for the gamma,
        /// the scaled time x with P(k, x) = probability) at `time` is what a probability demands.
        func withLocation(at time: Double, probability: Double, _ others: [Double]) -> [Double]? {
            var p = [0.0] + others
            let gamma = threshold(p)
            guard time > gamma, probability > 0, probability < 1 else { return nil }
            if fit.family.isGamma {
                let x = inverseRegularizedGammaP(exp(p[1]), probability)
                guard x > 0, x.isFinite else { return nil }
                p[0] = log((time - gamma) / x)
            } else {
                p[0] = log(time - gamma) - sigma(p) * fit.family.standard.quantile(probability)
            }
            return p
        }

        /// Bounds on phi, where `complete(phi, others)` gives the internal parameters (nil: infeasible).
        /// `width` is how far from the estimate an end may lie before it is called open.
        func interval(estimate: Double, scale: Double, others start: [Double], upperLimit: Double? = nil,
                      width: Double = GeneralProfileBounds.searchWidth,
                      complete: @escaping (Double, [Double]) -> [Double]?) -> ConfidenceInterval {
            let spend = budget.make()
            var warm = start
            // Rounding of a sum of n log-densities: a profile this far above the maximum means the fit
            // is not at the maximum.
            let slack = 1e-6 * max(1, abs(fit.logLikelihood))
            func profile(_ phi: Double) throws(ProfileSearch.Stop) -> Double {
                let search = Minimization.nelderMead(start: warm, step: warm.map { 0.05 * max(1, abs($0)) },
                                                     tolerance: 1e-12, maxEvaluations: 4000) { others in
                    guard spend.charge() else { return -.infinity }   // ends the search at once
                    guard let p = complete(phi, others) else { return .infinity }
                    let value = logLikelihood(p)
                    return value.isFinite ? -value : .infinity
                }
                if let reason = spend.reason { throw .budgetSpent(reason) }
                if search.value.isFinite { warm = search.x }
                if -search.value > fit.logLikelihood + slack { throw .aboveMaximum(-search.value) }
                return -search.value
            }
            return ProfileSearch(maximum: fit.logLikelihood, drop: drop)
                .interval(estimate: estimate, scale: scale, width: width, upperLimit: upperLimit,
                          restart: { warm = start }, profile: profile)
        }
    }

    /// Bounds on every parameter, in the family's own terms.
    static func parameters(_ fit: LifetimeFit, confidence: Double, budget: ProfileBudget = .standard) -> [ConfidenceInterval]? {
        guard let c = Context(fit, confidence: confidence, budget: budget) else { return nil }
        let range = max(abs(c.tMin), (c.data.failureTimes + c.data.suspensionTimes + c.data.intervalUpperTimes).max().map { $0 - c.tMin } ?? 0, 1e-300)
        let covariance = fit.internalCovariance
        let intervals = c.theta.indices.map { j -> ConfidenceInterval in
            let others = c.theta.enumerated().filter { $0.offset != j }.map(\.element)
            let isThreshold = c.profilesThreshold && j == c.theta.count - 1
            let scale = covariance.map { $0[j, j].squareRoot() } ?? 0.1 * max(1, abs(c.theta[j]))
            let width = isThreshold ? searchWidth * range : searchWidth
            return c.interval(estimate: c.theta[j], scale: scale, others: others, upperLimit: isThreshold ? c.tMin : nil,
                              width: width) { phi, rest in
                var p = rest
                p.insert(phi, at: j)
                return p
            }
        }
        var bounds = map(fit.family, intervals, profilesThreshold: c.profilesThreshold)
        if fit.family.hasThreshold && fit.fixed.threshold == nil && !c.profilesThreshold {
            bounds[bounds.count - 1].notes = ["not computed: the likelihood is unbounded as gamma approaches the first failure, so gamma has no likelihood-ratio region; the other bounds are conditional on gamma = \(NoteNumbers.significant(fit.model.threshold, 7))"]
        }
        return bounds
    }

    /// Bounds on the B-life t_p, profiled over ln t_p.
    static func quantile(_ fit: LifetimeFit, probability p: Double, confidence: Double, budget: ProfileBudget = .standard) -> ConfidenceInterval? {
        guard let c = Context(fit, confidence: confidence, budget: budget) else { return nil }
        let value = fit.model.quantile(p)
        let scale = DeltaMethod.variance(fit) { log($0.quantile(p)) }.map { $0.squareRoot() } ?? 0.1
        let logT = c.interval(estimate: log(value), scale: scale, others: Array(c.theta.dropFirst())) { phi, others in
            c.withLocation(at: exp(phi), probability: p, others)
        }
        return logT.mappedIncreasing(exp)
    }

    /// Bounds on R(t), profiled over phi = ln(-ln R) (the log cumulative hazard, real-valued).
    static func reliability(_ fit: LifetimeFit, at t: Double, confidence: Double, budget: ProfileBudget = .standard) -> ConfidenceInterval? {
        guard let c = Context(fit, confidence: confidence, budget: budget) else { return nil }
        let r = fit.model.reliability(t)
        guard r > 0 && r < 1 else { return nil }
        let scale = DeltaMethod.variance(fit) { log(-log($0.reliability(t))) }.map { $0.squareRoot() } ?? 0.1
        let phi = c.interval(estimate: log(-log(r)), scale: scale, others: Array(c.theta.dropFirst())) { phi, others in
            c.withLocation(at: t, probability: -expm1(-exp(phi)), others)
        }
        return phi.mappedDecreasing { exp(-exp($0)) }
    }

    /// Internal intervals (mu, s or ln k[, gamma]) to the family's own parameters.
    static func map(_ family: LifetimeFamily, _ bounds: [ConfidenceInterval], profilesThreshold: Bool) -> [ConfidenceInterval] {
        var result: [ConfidenceInterval]
        if family.isGamma {
            result = [bounds[1].mappedIncreasing(exp), bounds[0].mappedIncreasing(exp)]   // shape, scale
        } else if family.fixedSigma != nil {
            result = FisherBounds.map(family, mu: bounds[0], s: ConfidenceInterval(lower: nil, upper: nil))
        } else {
            result = FisherBounds.map(family, mu: bounds[0], s: bounds[1])
        }
        if family.hasThreshold { result.append(profilesThreshold ? bounds[bounds.count - 1] : ConfidenceInterval(lower: nil, upper: nil)) }
        return result
    }
}
