#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// Maximum likelihood for families with a threshold gamma (weibull3p, lognormal3p, loglogistic3p,
/// exponential2p, gamma3p), by profiling: for each trial gamma the shape and scale are fitted to
/// t - gamma, and the profile log-likelihood P(gamma) is maximised over gamma < t_min, the earliest
/// time by which a failure is known to have happened.
///
/// The likelihood of a threshold model can grow without bound as gamma -> t_min (always for the
/// lognormal, and for a Weibull or gamma whose shape falls below 1 there). The search therefore scans
/// d = t_min - gamma on a geometric grid of 11 points from 1e-8 R to 10 R, a factor 10^0.9 apart
/// (R = max(t_min, t_max - t_min)), each point warm-started from its neighbour's fit (`carriedOver`),
/// keeps the best interior local maximum of P, and refines it by a joint Newton iteration in all the
/// parameters, the threshold included, on exact derivatives (`ThresholdLikelihood`; the threshold as
/// v = ln(t_min - gamma), which keeps it below t_min); where that iteration does not reach a verified
/// maximum at least as high as the grid's, by Brent's method on P in ln d. Documented outcomes:
/// - an interior maximum and no higher values towards t_min: the maximum-likelihood estimate;
/// - an interior maximum, but P grows again towards t_min: that local maximum is reported, with
///   `likelihoodUnbounded` set and a note (the convention of Weibull++ and of Meeker & Escobar); the
///   lognormal3p is always flagged when its earliest failure is exact (Hill 1963: it then diverges,
///   though too close to t_min for the grid to see);
/// - no interior maximum: the fallback is gamma = 0, i.e. the two-parameter fit, with
///   `likelihoodUnbounded` (or a note that the threshold runs away from the data) and a note.
/// The exponential's profile is increasing up to t_min with a finite limit, so exponential2p on exact and
/// right-censored data takes the closed form gamma = t_min, lambda = r / sum(t - t_min).
/// The covariance of (mu, s, gamma) (of (ln theta, ln k, gamma) for the gamma) at an interior estimate
/// is the inverse of the exact Hessian of the log-likelihood (`ThresholdLikelihood`).
enum ThresholdEstimation {
    static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        let base = family.withoutThreshold
        let tMin = earliestFailureBound(data)
        if family == .exponential2p, data.hasOnlyExactFailures { return exponentialClosedForm(data, tMin: tMin) }

        let tMax = (data.failureTimes + data.suspensionTimes + data.leftCensoredTimes + data.intervalUpperTimes).max() ?? tMin
        let range = max(tMin, tMax - tMin, 1e-300)
        // The merged sample on the data's time scale, built once: the joint iteration and the covariance
        // read it, and the gamma's profile shifts it to each trial threshold.
        let sample = CensoredSample(data)
        let merged = base.isGamma ? sample : nil
        // Profile on the grid, from far below t_min towards it, warm-starting each fit.
        let count = 11
        var grid: [(d: Double, fit: LifetimeFit?)] = []
        var previous: LifetimeModel?
        for i in 0..<count {
            let d = 10 * range * pow(1e-9, Double(i) / Double(count - 1))
            let fit = profileFit(base, family, data, gamma: tMin - d, start: previous, restart: false, merged: merged)
            if let fit { previous = fit.model }
            grid.append((d, fit))
        }
        func value(_ k: Int) -> Double { grid[k].fit?.logLikelihood ?? -.infinity }
        // Interior local maxima (not at either end of the grid).
        var best: Int?
        for k in 1..<(count - 1) where value(k) >= value(k - 1) && value(k) >= value(k + 1) && value(k).isFinite {
            if best == nil || value(k) > value(best!) { best = k }
        }
        let nearest = value(count - 1)
        guard let k = best else {
            let growsTowardsMinimum = nearest >= value(0)
            let note = growsTowardsMinimum
                ? "the likelihood grows without bound as gamma approaches the first failure (\(tMin)) and has no interior maximum: fell back to gamma = 0, the two-parameter fit"
                : "the profile likelihood increases as gamma decreases without limit: no threshold estimate; fell back to gamma = 0, the two-parameter fit"
            return fallback(base, family, data, note: note, unbounded: growsTowardsMinimum)
        }
        // Refine: the joint Newton iteration from the best grid point; Brent's method on the profile in
        // ln d between the grid point's neighbours where that iteration fails.
        var warm = grid[k].fit?.model
        var refinedConverged = true
        let gamma: Double
        let method: String
        if let model = warm, let joint = jointMaximum(family, sample, tMin: tMin, from: model, distance: grid[k].d),
           joint.evaluation.value >= value(k) - 1e-9 * (1 + abs(value(k))) {
            gamma = joint.model.threshold
            warm = joint.model
            method = "refined by a joint Newton iteration in all parameters (\(joint.iterations) iterations)"
        } else {
            let lower = log(grid[k + 1].d), upper = log(grid[k - 1].d)
            let refined = Minimization.brent(lower, upper, tolerance: 1e-10, maxIterations: brentBudget) { lnD -> Double in
                guard let f = profileFit(base, family, data, gamma: tMin - exp(lnD), start: warm, restart: false, merged: merged) else { return .infinity }
                warm = f.model
                return -f.logLikelihood
            }
            gamma = tMin - exp(refined.x)
            refinedConverged = refined.converged
            method = "refined by Brent's method in ln(t_min - gamma) (the joint Newton iteration did not reach a verified maximum)"
        }
        guard let inner = profileFit(base, family, data, gamma: gamma, start: warm, merged: merged) else {
            throw .numericalFailure("the profile fit failed at the refined threshold \(gamma)")
        }
        var notes = inner.diagnostics.notes
        notes.append("threshold by profile likelihood: the best interior maximum of a grid of \(count) points in t_min - gamma, \(method)")
        var unbounded = false
        if family == .lognormal3p && data.failureTimes.contains(tMin) {
            // Hill (1963): with an exact failure at t_min the lognormal likelihood always diverges as
            // gamma -> t_min, too close to t_min for any search to see.
            unbounded = true
            notes.append("the lognormal likelihood grows without bound as gamma approaches the first failure (\(tMin)) (Hill 1963); the estimate is the interior local maximum")
        } else if nearest > inner.logLikelihood {
            unbounded = true
            notes.append("the likelihood grows without bound as gamma approaches the first failure (\(tMin)); the estimate is the interior local maximum")
        }
        if !refinedConverged { notes.append("the threshold search did not converge in \(brentBudget) Brent iterations") }
        let covariance = fullCovariance(family, sample, inner.model)
        if covariance == nil { notes.append("the Hessian in (mu, sigma, gamma) is not negative definite: Fisher bounds are conditional on gamma") }
        let diagnostics = FitDiagnostics(
            converged: inner.diagnostics.converged && refinedConverged, iterations: inner.diagnostics.iterations,
            gradientNorm: inner.diagnostics.gradientNorm,
            hessianNegativeDefinite: inner.diagnostics.hessianNegativeDefinite && covariance != nil,
            notes: notes, likelihoodUnbounded: unbounded, degenerate: unbounded,
            fallback: unbounded ? "interior local maximum" : nil)
        return rebuilt(inner, family: family, data: data, covariance: covariance, diagnostics: diagnostics)
    }

    /// The earliest time by which some failure is known to have happened: the threshold must lie below it.
    static func earliestFailureBound(_ data: LifetimeData) -> Double {
        (data.failureTimes + data.leftCensoredTimes + data.intervalUpperTimes).min() ?? 0
    }

    /// Iterations allowed to Brent's refinement of the threshold (it typically needs 10-40); when they
    /// run out the fit is reported as not converged, with a note.
    static let brentBudget = 100

    /// The base family fitted to t - gamma, or nil when the fit fails, starting from `previous` (the
    /// fit at a neighbouring threshold) when given: its (mu, ln sigma) for the location-scale families;
    /// for the gamma, the shape and scale that keep its mean gamma' + k theta and variance k theta^2
    /// (the shape grows like the square of the distance to the data, so carrying (theta, k) over
    /// unchanged cost Newton five to ten iterations per grid point far from the data).
    /// `restart: false` (the grid and Brent's trial thresholds) gives the gamma fit one Newton run within
    /// its budget (`GammaEstimation.newtonBudget`), without the multi-start driver, which bounds the
    /// cost of each profile point; the fit at the chosen threshold is made by the driver and reports
    /// its own status.
    static func profileFit(_ base: LifetimeFamily, _ family: LifetimeFamily, _ data: LifetimeData, gamma: Double,
                           start previous: LifetimeModel?, restart: Bool = true,
                           merged: CensoredSample? = nil) -> LifetimeFit? {
        if base.isGamma {
            var start: [Double]?
            if let m = previous, let k = m.shape {
                let theta = exp(m.mu)
                let mean = m.threshold + k * theta - gamma, variance = k * theta * theta
                start = mean > 0 && variance > 0 ? [log(variance / mean), log(mean * mean / variance)] : [m.mu, log(k)]
            }
            return try? GammaEstimation.fitShapeScale(data, threshold: gamma, family: family, start: start, restart: restart,
                                                      merged: merged)
        }
        let fit = MaximumLikelihood.locationScaleFit(base, data: data, threshold: gamma,
                                                     start: previous.map { carriedOver($0, to: gamma) })
        return fit.logLikelihood.isFinite ? fit : nil
    }

    /// A location-scale start at threshold `gamma` from the fit `m` at a neighbouring threshold that keeps
    /// the distribution's place and spread on the time scale: gamma + e^mu and sigma e^mu (to first
    /// order, T - gamma = e^mu e^(sigma Z), so dT = sigma e^mu dZ). Far below the data the log-scale
    /// sigma shrinks like 1 / (t - gamma); carrying (mu, sigma) over unchanged left the grid's far
    /// points' Newton runs hundreds of iterations from the optimum on interval data.
    static func carriedOver(_ m: LifetimeModel, to gamma: Double) -> (mu: Double, s: Double) {
        let scale = exp(m.mu) + (m.threshold - gamma)
        guard scale > 0, scale.isFinite, m.sigma > 0 else { return (m.mu, log(m.sigma)) }
        let mu = log(scale)
        return (mu, log(m.sigma) + m.mu - mu)
    }

    /// A fit of `base` relabelled as the threshold family, with the full covariance and diagnostics.
    static func rebuilt(_ inner: LifetimeFit, family: LifetimeFamily, data: LifetimeData, covariance: Matrix?,
                        diagnostics: FitDiagnostics) -> LifetimeFit {
        let m = inner.model
        let model = LifetimeModel(family: family, mu: m.mu, sigma: m.sigma, threshold: m.threshold, shape: m.shape)
        var fit = LifetimeFit(family: family, method: .mle, model: model,
                              locationScaleCovariance: inner.locationScaleCovariance, internalCovariance: covariance,
                              logLikelihood: inner.logLikelihood, sample: inner.sample, sampleSize: data.unitCount,
                              diagnostics: diagnostics, andersonDarlingData: data)
        fit.data = data
        return fit
    }

    /// The documented fallback: the two-parameter fit, reported under the threshold family with gamma = 0.
    static func fallback(_ base: LifetimeFamily, _ family: LifetimeFamily, _ data: LifetimeData,
                         note: String, unbounded: Bool) -> LifetimeFit {
        guard let inner = profileFit(base, family, data, gamma: 0, start: nil) else {
            let model = LifetimeModel(family: family, mu: .nan, sigma: .nan)
            return LifetimeFit(family: family, method: .mle, model: model, locationScaleCovariance: nil,
                               logLikelihood: -.infinity, sample: PreparedSample(LifetimeData(), logScale: true),
                               sampleSize: data.unitCount,
                               diagnostics: FitDiagnostics(converged: false, iterations: 0, gradientNorm: .nan,
                                                           hessianNegativeDefinite: false, notes: [note],
                                                           likelihoodUnbounded: unbounded, degenerate: true,
                                                           fallback: "none: the two-parameter fit failed too"),
                               andersonDarlingData: nil)
        }
        var d = inner.diagnostics
        d.notes.append(note)
        d.likelihoodUnbounded = unbounded
        d.degenerate = true
        d.fallback = "gamma = 0, the two-parameter fit"
        return rebuilt(inner, family: family, data: data, covariance: nil, diagnostics: d)
    }

    /// exponential2p on exact and right-censored data: gamma = t_min, lambda = r / sum over units of
    /// max(t - t_min, 0). The estimate sits on the boundary of the parameter space, so the usual
    /// asymptotics do not hold for gamma; lambda's Fisher bounds are conditional on gamma.
    static func exponentialClosedForm(_ data: LifetimeData, tMin: Double) -> LifetimeFit {
        var total = 0.0
        for (t, w) in zip(data.failureTimes, data.failureCounts) { total += w * (t - tMin) }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) { total += w * max(t - tMin, 0) }
        let r = data.failureCount
        let lambda = r / total
        let logLikelihood = r * log(lambda) - lambda * total
        let model = LifetimeModel.exponential(lambda: lambda, gamma: tMin)
        let diagnostics = FitDiagnostics(converged: true, iterations: 0, gradientNorm: 0, hessianNegativeDefinite: true,
                                         notes: ["closed form: gamma at its boundary (the first failure); bounds on lambda are conditional on gamma"],
                                         degenerate: true, fallback: "threshold at the first failure (boundary maximum)")
        return LifetimeFit(family: .exponential2p, method: .mle, model: model,
                           locationScaleCovariance: Matrix([[1 / r]]), internalCovariance: nil,
                           logLikelihood: logLikelihood, sample: PreparedSample(LifetimeData(), logScale: true),
                           sampleSize: data.unitCount, diagnostics: diagnostics,
                           andersonDarlingData: data)
    }

    /// Inverse of the negative exact Hessian of the log-likelihood in the internal parameters
    /// (mu, s or ln k, gamma) (`ThresholdLikelihood`); nil unless it is positive definite.
    /// `sample` is `CensoredSample(data)`, on the data's own time scale.
    static func fullCovariance(_ family: LifetimeFamily, _ sample: CensoredSample, _ model: LifetimeModel) -> Matrix? {
        let d = ThresholdLikelihood.derivatives(family, sample, internalParameters(family, model))
        guard d.isFinite else { return nil }
        let n = d.gradient.count
        var information = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { information[i, j] = -d.hessian[i, j] } }
        return try? information.symmetricPositiveDefiniteInverse()
    }

    /// The joint maximum of the log-likelihood in the internal parameters from a grid point's fit
    /// `model` at distance `distance` = t_min - gamma: `DampedNewton` on (mu, s, v) (the exponential
    /// without s; (ln theta, ln k, v) for the gamma) with v = ln(t_min - gamma), on the exact derivatives
    /// of `ThresholdLikelihood` carried to v (gamma_v = gamma_vv = -e^v). nil unless Newton reaches a
    /// verified maximum (converged, negative definite Hessian).
    /// - Complexity: one pass over the merged sample per iteration (each pass gives value and
    ///   derivatives; a rejected trial costs a pass too); typically 4-8 iterations from the grid.
    static func jointMaximum(_ family: LifetimeFamily, _ sample: CensoredSample, tMin: Double, from model: LifetimeModel,
                             distance: Double) -> (model: LifetimeModel, evaluation: LikelihoodDerivatives, iterations: Int)? {
        var start = internalParameters(family, model)
        start[start.count - 1] = log(distance)
        let last = start.count - 1
        func derivatives(_ q: [Double]) -> LikelihoodDerivatives {
            let e = exp(q[last])
            var p = q
            p[last] = tMin - e
            guard p[last] < tMin else { return LikelihoodDerivatives(value: -.infinity, gradient: q.map { _ in 0 }, hessian: Matrix(rows: q.count, columns: q.count)) }
            var d = ThresholdLikelihood.derivatives(family, sample, p)
            let gGamma = d.gradient[last]
            for i in 0..<last {
                d.hessian[i, last] *= -e
                d.hessian[last, i] *= -e
            }
            d.hessian[last, last] = e * e * d.hessian[last, last] - e * gGamma
            d.gradient[last] = -e * gGamma
            return d
        }
        var newton = DampedNewton()
        newton.maximumIterations = 100
        newton.evaluatesTrialsWithDerivatives = true
        // Scales and shapes by at most a factor e^1.5 for the gamma (a trial at an absurd shape costs
        // O(sqrt k) per term), e^2 for a location-scale sigma; the distance to t_min by e^2.
        newton.stepLimits = family.isGamma ? [1.5, 1.5, 2] : (family.fixedSigma != nil ? [20, 2] : [20, 2, 2])
        let result = newton.maximize(from: start, derivatives: derivatives, value: { derivatives($0).value })
        guard result.converged, result.covariance != nil else { return nil }
        let q = result.point
        let gamma = tMin - exp(q[last])
        let fitted: LifetimeModel
        if family.isGamma {
            fitted = LifetimeModel(family: family, mu: q[0], sigma: 1, threshold: gamma, shape: exp(q[1]))
        } else {
            fitted = LifetimeModel(family: family, mu: q[0], sigma: family.fixedSigma ?? exp(q[1]), threshold: gamma)
        }
        return (fitted, result.evaluation, result.iterations)
    }

    /// (mu, s, gamma) for location-scale families, (mu, ln k, gamma) for gamma3p.
    static func internalParameters(_ family: LifetimeFamily, _ model: LifetimeModel) -> [Double] {
        if family.isGamma { return [model.mu, log(model.shape ?? 1), model.threshold] }
        if family.fixedSigma != nil { return [model.mu, model.threshold] }
        return [model.mu, log(model.sigma), model.threshold]
    }

    /// The log-likelihood at internal parameters; -infinity when the threshold is not below every failure.
    static func logLikelihood(_ family: LifetimeFamily, _ data: LifetimeData, _ p: [Double],
                              merged: CensoredSample? = nil) -> Double {
        let gamma = p[p.count - 1]
        guard gamma < earliestFailureBound(data) else { return -.infinity }
        if family.isGamma {
            let sample = merged?.shifted(by: gamma) ?? CensoredSample(data, threshold: gamma)
            return CensoredLogLikelihood(family: GammaDistribution(), sample: sample).value([p[0], p[1]])
        }
        let sigma = family.fixedSigma ?? exp(p[1])
        let sample = PreparedSample(data, logScale: true, threshold: gamma)
        switch family.standardKind {
        case .smallestExtremeValue: return LocationScaleLikelihood<SmallestExtremeValue>(sample).logLikelihood(mu: p[0], sigma: sigma)
        case .normal: return LocationScaleLikelihood<NormalStandard>(sample).logLikelihood(mu: p[0], sigma: sigma)
        case .logistic: return LocationScaleLikelihood<LogisticStandard>(sample).logLikelihood(mu: p[0], sigma: sigma)
        }
    }
}
