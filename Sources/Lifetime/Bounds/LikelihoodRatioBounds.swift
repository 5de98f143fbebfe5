#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Likelihood-ratio bounds: the ends of { phi : 2 (l_max - l_profile(phi)) <= chi2(c; 1) }.
///
/// For a quantity phi (on a real-valued scale: mu, log sigma, y_p = ln t_p, or the standardized time u),
/// each end is the root of l_max - l_profile(phi) - chi2(c; 1)/2, bracketed by stepping out from the
/// estimate in multiples of its Wald standard error (doubling up to 2^40 of them) and then solved by
/// Brent's method. An end that is never bracketed does not exist and is reported as nil.
/// Two-sided confidence c uses chi2(c; 1), so each end is a one-sided (1 + c)/2 bound. For threshold
/// families the profile is over (mu, sigma) at the fitted threshold, so the bounds are conditional on it.
enum LikelihoodRatioBounds {
    /// The quantity held fixed in the profile.
    enum Target {
        case location            // phi = mu
        case logScale            // phi = s = log sigma
        case logQuantile(Double) // phi = y_p = mu + sigma z_p (ln t_p on the log scale), with z_p
        case standardizedTime(Double) // phi = u at transformed time y
    }

    /// True when likelihood-ratio bounds are available: location-scale families (threshold families
    /// conditionally on the fitted threshold), not the gamma families nor the closed-form exponential2p,
    /// and only at a maximum-likelihood estimate (a rank-regression estimate is not the maximum).
    static func isAvailable(_ fit: LifetimeFit) -> Bool {
        fit.method == .mle && !fit.family.isGamma && !(fit.family == .exponential2p && fit.fixed.threshold == nil)
            && fit.logLikelihood.isFinite
    }

    static func interval(_ fit: LifetimeFit, _ target: Target, confidence: Double) -> ConfidenceInterval {
        guard isAvailable(fit) else { return ConfidenceInterval(lower: nil, upper: nil) }
        switch fit.family.standardKind {
        case .smallestExtremeValue:
            // Weibull and Gumbel on exact and right-censored data: every profile evaluation from moments
            // cached at the estimate (a pass over the data only if a bound lies beyond their reach).
            if !fit.isScaleFixed && WeibullMomentLikelihood.applies(to: fit.sample) {
                let moments = WeibullMomentLikelihood(fit.sample, shape: 1 / fit.model.sigma)
                return interval(moments, fit, target, confidence: confidence)
            }
            return interval(LocationScaleLikelihood<SmallestExtremeValue>(fit.sample), fit, target, confidence: confidence)
        case .normal: return interval(LocationScaleLikelihood<NormalStandard>(fit.sample), fit, target, confidence: confidence)
        case .logistic: return interval(LocationScaleLikelihood<LogisticStandard>(fit.sample), fit, target, confidence: confidence)
        }
    }

    static func interval<Likelihood: LocationScaleSurface>(_ likelihood: Likelihood, _ fit: LifetimeFit, _ target: Target,
                                                           confidence: Double) -> ConfidenceInterval {
        let profile = ProfileLikelihood(likelihood: likelihood)
        let mu = fit.model.mu, s = log(fit.model.sigma)
        let maximum = fit.logLikelihood
        let drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
        let fixedScale = fit.isScaleFixed
        let v = fit.locationScaleVariances

        // Estimate, Wald standard error and profile of phi.
        let estimate: Double
        var scale: Double
        var lastS = s, lastMu = mu
        let profileValue: (Double) -> Double?
        switch target {
        case .location:
            estimate = mu
            scale = v.map { $0.mumu.squareRoot() } ?? 0.1
            profileValue = { phi in
                if fixedScale { return likelihood.logLikelihood(mu: phi, sigma: exp(s)) }
                guard let r = profile.maximizeOverScale(a: phi, b: 0, from: lastS) else { return nil }
                lastS = r.s
                return r.value
            }
        case .logScale:
            estimate = s
            scale = v.map { $0.ss.squareRoot() } ?? 0.1
            profileValue = { phi in
                guard let r = profile.maximizeOverLocation(s: phi, from: lastMu) else { return nil }
                lastMu = r.mu
                return r.value
            }
        case let .logQuantile(zp):
            estimate = mu + exp(s) * zp
            let sigma = exp(s)
            scale = v.map { ($0.mumu + 2 * sigma * zp * $0.mus + sigma * sigma * zp * zp * $0.ss).squareRoot() } ?? 0.1
            profileValue = { phi in
                if fixedScale { return likelihood.logLikelihood(mu: phi - exp(s) * zp, sigma: exp(s)) }
                guard let r = profile.maximizeOverScale(a: phi, b: zp, from: lastS) else { return nil }
                lastS = r.s
                return r.value
            }
        case let .standardizedTime(y):
            let sigma = exp(s)
            estimate = (y - mu) / sigma
            let u = estimate
            scale = v.map { ($0.mumu / (sigma * sigma) + 2 * u * $0.mus / sigma + u * u * $0.ss).squareRoot() } ?? 0.1
            profileValue = { phi in
                if fixedScale { return likelihood.logLikelihood(mu: y - phi * exp(s), sigma: exp(s)) }
                guard let r = profile.maximizeOverScale(a: y, b: phi, from: lastS) else { return nil }
                lastS = r.s
                return r.value
            }
        }
        if !(scale.isFinite && scale > 0) { scale = 0.1 }

        func excess(_ phi: Double) -> Double? {
            profileValue(phi).map { maximum - $0 - drop }
        }
        func end(direction: Double) -> (Double?, String?) {
            let side = direction < 0 ? "lower end" : "upper end"
            lastS = s; lastMu = mu
            var inner = estimate
            var step = scale
            for _ in 0..<40 {
                let outer = estimate + direction * step
                guard let f = excess(outer) else {
                    return (nil, "\(side): not computed: the profile maximisation failed at \(outer) on the internal scale")
                }
                if f > 0 {
                    let root = RootFinding.brent(min(inner, outer), max(inner, outer)) { phi in
                        excess(phi) ?? .nan
                    }
                    return (root, root == nil ? "\(side): not computed: the root search did not converge" : nil)
                }
                inner = outer
                step *= 2
            }
            return (nil, "\(side): open: the profile log-likelihood does not fall far enough within 2^39 standard errors of the estimate")
        }
        let (lower, lowerNote) = end(direction: -1)
        let (upper, upperNote) = end(direction: 1)
        return ConfidenceInterval(lower: lower, upper: upper, notes: [lowerNote, upperNote].compactMap { $0 })
    }
}
