#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Maximum-likelihood estimation of the log-location-scale families on censored data.
public enum MaximumLikelihood {
    /// Fits `family` to `data`.
    ///
    /// Before optimising, the data are checked for the cases where no maximum exists (no failures;
    /// fewer distinct failure times than parameters; a failure at time 0 on a log scale): these throw a
    /// `FitFailure` rather than return a number. The exponential on exact and right-censored data has
    /// the closed form lambda = r / T (failures over total time on test), used directly; every other
    /// case is solved by damped Newton iterations with analytic derivatives (`LocationScaleMaximizer`),
    /// started from a moment estimate of the scale and the location that maximises the likelihood at
    /// that scale. A fit that does not converge is returned with `diagnostics.converged == false`.
    ///
    /// - Complexity: O(n) per Newton iteration, one `exp` per observation for Weibull.
    public static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        try fit(family, to: data, fixed: FixedParameters())
    }

    /// Fits `family` with some parameters held at known values: a known sigma (or shape) leaves a
    /// one-parameter search in mu; a known threshold fits the shape and scale to t - gamma. Fixed
    /// parameters get no bounds and do not count in AIC, AICc and BIC.
    ///
    /// A fit whose median lies more than `FitDiagnostics.extrapolationLimit` times beyond the longest
    /// observed time is flagged `extrapolated`, with a note.
    public static func fit(_ family: LifetimeFamily, to data: LifetimeData, fixed: FixedParameters) throws(FitFailure) -> LifetimeFit {
        var fit = try estimate(family, to: data, fixed: fixed)
        flagExtrapolation(&fit, data)
        return fit
    }

    /// Flags a fit whose median lies far beyond the data (see `FitDiagnostics.extrapolated`).
    static func flagExtrapolation(_ fit: inout LifetimeFit, _ data: LifetimeData) {
        let longest = (data.failureTimes + data.suspensionTimes + data.leftCensoredTimes + data.intervalUpperTimes).max() ?? 0
        let median = fit.model.quantile(0.5)
        guard longest > 0, median.isFinite || median == .infinity, median > FitDiagnostics.extrapolationLimit * longest else { return }
        let fraction = data.unitCount > 0 ? 100 * data.failureCount / data.unitCount : 0
        fit.diagnostics.extrapolated = true
        fit.diagnostics.notes.append("the fitted median (\(NoteNumbers.significant(median))) lies \(NoteNumbers.significant(median / longest)) times beyond the longest time observed (\(NoteNumbers.significant(longest))): the data show the first \(NoteNumbers.significant(fraction)) % of failures only and the fit extrapolates far beyond them; if failures stopped because only some units are defective, a defective-subpopulation (LFP) model describes the data (relmodel burnin --model lfp)")
    }

    static func estimate(_ family: LifetimeFamily, to data: LifetimeData, fixed: FixedParameters) throws(FitFailure) -> LifetimeFit {
        if fixed.isEmpty { return try fitFree(family, to: data) }
        if data.failureCount == 0 { throw .noFailures }
        if fixed.sigma != nil && family.isGamma { throw .notApplicable("the gamma families have no sigma to fix") }
        if fixed.sigma != nil && family.hasThreshold && fixed.threshold == nil {
            throw .notApplicable("\(family.rawValue): a fixed \(family.parameterNames[1]) needs the threshold fixed too (fix gamma)")
        }
        let threshold = fixed.threshold ?? 0
        if let gamma = fixed.threshold {
            let tMin = ThresholdEstimation.earliestFailureBound(data)
            guard gamma < tMin else { throw .notApplicable("a fixed threshold must lie below the first failure (\(tMin)), got \(gamma)") }
        } else if family.isLogLocationScale && data.failureTimes.contains(0) {
            throw .failureAtTimeZero(family: family)
        }
        let free = family.withoutThreshold.requiredDistinctFailures - (fixed.sigma == nil ? 0 : 1)
        let distinct = distinctFailureLocations(data)
        if distinct < max(free, 1) { throw .tooFewDistinctFailures(found: distinct, required: max(free, 1)) }
        var fit: LifetimeFit
        if family.isGamma {
            fit = try GammaEstimation.fitShapeScale(data, threshold: threshold, family: family)
        } else {
            fit = locationScaleFit(family.withoutThreshold, data: data, threshold: threshold, fixedSigma: fixed.sigma)
        }
        fit = fit.relabelled(as: family, fixed: fixed, data: data)
        return fit
    }

    static func fitFree(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        try checkExistence(family, data)
        if family.isGamma { return try GammaEstimation.fit(family, to: data) }
        if family.hasThreshold { return try ThresholdEstimation.fit(family, to: data) }
        return locationScaleFit(family, data: data, threshold: 0)
    }

    /// Dispatches to the location-scale fit specialised for the family's standardized distribution.
    static func locationScaleFit(_ family: LifetimeFamily, data: LifetimeData, threshold: Double,
                                 start: (mu: Double, s: Double)? = nil, fixedSigma: Double? = nil) -> LifetimeFit {
        switch family.standardKind {
        case .smallestExtremeValue:
            fit(SmallestExtremeValue.self, family: family, data: data, threshold: threshold, start: start, fixedSigma: fixedSigma)
        case .normal:
            fit(NormalStandard.self, family: family, data: data, threshold: threshold, start: start, fixedSigma: fixedSigma)
        case .logistic:
            fit(LogisticStandard.self, family: family, data: data, threshold: threshold, start: start, fixedSigma: fixedSigma)
        }
    }

    /// Throws when the maximum-likelihood estimate cannot exist for this data.
    static func checkExistence(_ family: LifetimeFamily, _ data: LifetimeData) throws(FitFailure) {
        if data.failureCount == 0 { throw .noFailures }
        if family.isLogLocationScale && !family.hasThreshold && data.failureTimes.contains(0) {
            throw .failureAtTimeZero(family: family)
        }
        let distinct = distinctFailureLocations(data)
        if distinct < family.requiredDistinctFailures {
            throw .tooFewDistinctFailures(found: distinct, required: family.requiredDistinctFailures)
        }
    }

    /// Distinct places where failures are known to lie (exact times, left-censoring times and
    /// intervals), counted up to `limit`: the existence check needs no more, and stopping there keeps it O(n).
    static func distinctFailureLocations(_ data: LifetimeData, limit: Int = 3) -> Int {
        var seen: [(Double, Double)] = []
        func visit(_ lower: Double, _ upper: Double) -> Bool {
            if !seen.contains(where: { $0 == (lower, upper) }) { seen.append((lower, upper)) }
            return seen.count >= limit
        }
        for t in data.failureTimes where visit(t, t) { return limit }
        for t in data.leftCensoredTimes where visit(0, t) { return limit }
        for i in data.intervalCounts.indices where visit(data.intervalLowerTimes[i], data.intervalUpperTimes[i]) { return limit }
        return seen.count
    }

    static func fit<Z: StandardDistribution>(_: Z.Type, family: LifetimeFamily, data: LifetimeData,
                                             threshold: Double, start: (mu: Double, s: Double)?,
                                             fixedSigma: Double? = nil) -> LifetimeFit {
        let sample = PreparedSample(data, logScale: family.isLogLocationScale, threshold: threshold)
        let likelihood = LocationScaleLikelihood<Z>(sample)
        let maximizer = LocationScaleMaximizer(likelihood: likelihood)
        let result: LocationScaleMaximizer<LocationScaleLikelihood<Z>>.Result
        if Z.self == SmallestExtremeValue.self, family.fixedSigma == nil, fixedSigma == nil,
           WeibullProfileEstimation.applies(to: sample) {
            // Weibull (and Gumbel) on exact and right-censored data: the profile likelihood in the shape,
            // from a given start's shape when there is one (a threshold search warm-starts each fit).
            let profile = start.map { WeibullProfileEstimation.solve(sample, from: exp(-$0.s), tolerance: 1e-10, maxIterations: 200) }
                ?? WeibullProfileEstimation.maximize(sample)
            result = profileResult(profile)
        } else if Z.self == SmallestExtremeValue.self, family.isLogLocationScale, (family.fixedSigma ?? fixedSigma) == 1,
                  start == nil, let mu = closedFormExponentialLocation(sample) {
            // The exponential on exact and right-censored data: lambda = r / T, no iteration.
            result = exponentialResult(mu: mu, sample: sample)
        } else if let sigma = family.fixedSigma ?? fixedSigma {
            let mu0 = start?.mu ?? closedFormExponentialLocation(sample) ?? startingLocation(sample)
            result = maximizer.maximizeLocation(mu: mu0, s: log(sigma))
        } else if let start {
            result = maximizer.maximize(mu: start.mu, s: start.s)
        } else if let sub = sample.strided(toAbout: subsampleSize) {
            // A large sample: the estimate on a strided subsample of about a thousand entries per kind
            // is within a few standard errors of the full one, so the full data see only the last
            // few Newton steps instead of the whole climb.
            let subLikelihood = LocationScaleLikelihood<Z>(sub)
            let start = coordinateStart(subLikelihood, sub)
            var rough = LocationScaleMaximizer(likelihood: subLikelihood)
            rough.relativeStepTolerance = 1e-6
            let estimate = rough.maximize(mu: start.mu, s: start.s)
            let usable = estimate.converged && estimate.mu.isFinite && estimate.s.isFinite
            let from = usable ? (mu: estimate.mu, s: estimate.s) : coordinateStart(likelihood, sample)
            result = maximizer.maximize(mu: from.mu, s: from.s)
        } else {
            let start = coordinateStart(likelihood, sample)
            result = maximizer.maximize(mu: start.mu, s: start.s)
        }
        let g = result.evaluation.gradient
        let scaleFixed = family.fixedSigma != nil || fixedSigma != nil
        let gradientNorm = scaleFixed ? abs(g.mu) : (g.mu * g.mu + g.s * g.s).squareRoot()
        var notes = result.notes
        if result.covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
        let diagnostics = FitDiagnostics(converged: result.converged, iterations: result.iterations,
                                         gradientNorm: gradientNorm,
                                         hessianNegativeDefinite: result.covariance != nil, notes: notes)
        let model = LifetimeModel(family: family, mu: result.mu, sigma: exp(result.s), threshold: threshold)
        return LifetimeFit(family: family, method: .mle, model: model,
                           locationScaleCovariance: result.covariance,
                           logLikelihood: result.evaluation.value, sample: sample,
                           sampleSize: data.unitCount, diagnostics: diagnostics,
                           andersonDarlingData: data,
                           fixed: FixedParameters(sigma: family.fixedSigma == nil ? fixedSigma : nil))
    }

    /// Entries per kind above which the generic fit starts from a strided subsample's estimate.
    static let subsampleSize = 1024

    /// A start for Newton's method. The spread of the failures alone can be far off (Type I censoring
    /// at one time hides the upper tail), and damped Newton then crawls. Two rounds of coordinate
    /// ascent, rough location at fixed scale then scale at fixed location (both one-dimensional and
    /// safe), bring the start close enough for undamped Newton steps.
    static func coordinateStart<Z: StandardDistribution>(_ likelihood: LocationScaleLikelihood<Z>,
                                                         _ sample: PreparedSample) -> (mu: Double, s: Double) {
        let maximizer = LocationScaleMaximizer(likelihood: likelihood)
        var s0 = log(startingScale(Z.self, sample))
        var mu0 = startingLocation(sample)
        let profile = ProfileLikelihood(likelihood: likelihood)
        for _ in 0..<2 {
            mu0 = maximizer.maximizeLocation(mu: mu0, s: s0, tolerance: 1e-3).mu
            if let scale = profile.maximizeOverScale(a: mu0, b: 0, from: s0) { s0 = scale.s }
        }
        return (mu0, s0)
    }

    /// The profile estimate in the form the Newton maximiser returns, with the covariance from the same
    /// observed information.
    static func profileResult<Z: StandardDistribution>(_ p: WeibullProfileEstimation.Result) -> LocationScaleMaximizer<LocationScaleLikelihood<Z>>.Result {
        let evaluation = LocationScaleEvaluation(value: p.value, gradient: p.gradient, hessian: p.hessian)
        return .init(mu: p.mu, s: p.s, evaluation: evaluation, iterations: p.iterations, converged: p.converged,
                     covariance: evaluation.covariance, notes: p.notes)
    }

    /// The exponential's maximum in closed form. With sigma = 1, e^z = t e^-mu, so sum w e^z = T e^-mu
    /// (T the time on test) and the log-likelihood, its mu-derivative and second derivative need no
    /// pass over the data: LL = logJacobian + sum_F w y - r mu - T e^-mu, dLL/dmu = T e^-mu - r,
    /// d2LL/dmu2 = -T e^-mu. The s-derivatives are not computed (sigma is fixed): NaN.
    static func exponentialResult<Z: StandardDistribution>(mu: Double, sample: PreparedSample) -> LocationScaleMaximizer<LocationScaleLikelihood<Z>>.Result {
        let r = sample.exactWeight
        let expected = sample.timeOnTest * exp(-mu)
        let value = sample.logJacobian + r * sample.exactMean - r * mu - expected
        let evaluation = LocationScaleEvaluation(value: value, gradient: (expected - r, .nan),
                                                               hessian: (-expected, .nan, .nan))
        return .init(mu: mu, s: 0, evaluation: evaluation, iterations: 0, converged: true,
                     covariance: expected > 0 ? Matrix([[1 / expected]]) : nil, notes: [])
    }

    /// mu = log(T / r) for the exponential when all failures are exact: T is the total time on test
    /// (above the threshold) of failures and suspensions, r the number of failures.
    static func closedFormExponentialLocation(_ sample: PreparedSample) -> Double? {
        guard sample.leftY.isEmpty, sample.intervalWeights.isEmpty, sample.exactWeight > 0 else { return nil }
        return log(sample.timeOnTest / sample.exactWeight)
    }

    /// Failure locations on the y scale with weights: exact y, left-censoring y, interval midpoints.
    private static func failureLocations(_ sample: PreparedSample) -> (y: [Double], w: [Double]) {
        var y = sample.exactY, w = sample.exactWeights
        y += sample.leftY; w += sample.leftWeights
        for i in sample.intervalWeights.indices {
            y.append(0.5 * (sample.intervalLowerY[i] + sample.intervalUpperY[i]))
            w.append(sample.intervalWeights[i])
        }
        return (y, w)
    }

    /// Weighted mean of the failure locations: a start for mu that the one-dimensional search corrects
    /// for censoring.
    static func startingLocation(_ sample: PreparedSample) -> Double {
        let (y, w) = failureLocations(sample)
        let total = w.reduce(0, +)
        var mean = 0.0
        for i in y.indices { mean += w[i] * y[i] }
        return mean / total
    }

    /// Moment estimate of sigma from the spread of the failure locations, sd / sd(Z); 1 when the
    /// spread is zero or undefined.
    static func startingScale<Z: StandardDistribution>(_: Z.Type, _ sample: PreparedSample) -> Double {
        let (y, w) = failureLocations(sample)
        let total = w.reduce(0, +)
        let mean = startingLocation(sample)
        var ss = 0.0
        for i in y.indices { ss += w[i] * (y[i] - mean) * (y[i] - mean) }
        let sd = (ss / max(total - 1, 1)).squareRoot()
        let sigma = sd / Z.variance.squareRoot()
        return sigma.isFinite && sigma > 1e-6 ? sigma : 1
    }
}
