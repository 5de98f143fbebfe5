#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// Maximum likelihood for the gamma families on the general core: the family `GammaDistribution`
/// (exact derivatives in ln theta and ln k, the exact failures through their sufficient statistics),
/// the one maximiser (`DampedNewton`) and the one multi-start driver (`ParametricEstimation`, from the
/// method-of-moments start and a caller's warm start). The covariance is the inverse of the negative
/// Hessian in the internal parameters (mu, l) = (ln theta, ln k) at the estimate.
///
/// A point of the gamma3p threshold profile (`restart: false`) is one Newton run from its warm start,
/// at most `newtonBudget` iterations, so that its cost stays bounded; it reports when it did not converge.
enum GammaEstimation {
    /// Newton iterations allowed for a point of the threshold profile. A point near the estimate
    /// converges in two to five from its warm start; a point far below the data (shape in the
    /// thousands, where the likelihood is a long narrow ridge in (ln theta, ln k) and rounding keeps
    /// Newton's step above the convergence tolerance) stops here, its value a lower bound of the profile
    /// that the scan for the maximum can use all the same.
    static let newtonBudget = 20

    static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        if family == .gamma3p { return try ThresholdEstimation.fit(family, to: data) }
        return try fitShapeScale(data, threshold: 0, family: family)
    }

    /// The two gamma parameters fitted to t - threshold, labelled as `family`; `start` = (ln theta, ln k)
    /// when known (a warm start from a neighbouring threshold); `restart: false` runs Newton from that
    /// start (or the method-of-moments start) only, within `newtonBudget` iterations (a point of a
    /// threshold profile). `merged`, when given, is `CensoredSample(data)`, built once for a whole
    /// profile and shifted to each threshold.
    static func fitShapeScale(_ data: LifetimeData, threshold: Double, family: LifetimeFamily,
                              start: [Double]? = nil, restart: Bool = true,
                              merged: CensoredSample? = nil) throws(FitFailure) -> LifetimeFit {
        let sample = merged?.shifted(by: threshold) ?? CensoredSample(data, threshold: threshold)
        let gamma = GammaDistribution()
        let point: [Double], covariance: Matrix?, logLikelihood: Double, diagnostics: FitDiagnostics
        if !restart {
            let likelihood = CensoredLogLikelihood(family: gamma, sample: sample)
            var newton = DampedNewton()
            newton.maximumIterations = newtonBudget
            // The gamma's one-pass derivatives cost about one value: a trial is evaluated with them.
            newton.evaluatesTrialsWithDerivatives = true
            // Without a warm start (the first point of a profile), the method-of-moments start.
            let u = start ?? gamma.startingValues(for: sample)[0].map { log($0) }
            let result = newton.maximize(from: u, derivatives: likelihood.derivatives, value: likelihood.value)
            guard result.evaluation.value.isFinite else {
                throw .numericalFailure("the gamma log-likelihood is not finite at the start")
            }
            var notes = result.notes
            if result.covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
            point = result.point
            covariance = result.covariance
            logLikelihood = result.evaluation.value
            diagnostics = FitDiagnostics(converged: result.converged, iterations: result.iterations, gradientNorm: result.gradientNorm,
                                         hessianNegativeDefinite: result.covariance != nil, notes: notes)
        } else {
            let fit = try ParametricEstimation.fit(gamma, to: sample, starts: start.map { [gamma.natural($0)] } ?? [])
            point = fit.unconstrained
            covariance = fit.unconstrainedCovariance
            logLikelihood = fit.logLikelihood
            diagnostics = fit.diagnostics
        }
        let model = LifetimeModel(family: family, mu: point[0], sigma: 1, threshold: threshold, shape: exp(point[1]))
        var fit = LifetimeFit(family: family, method: .mle, model: model, locationScaleCovariance: nil,
                              internalCovariance: covariance,
                              logLikelihood: logLikelihood, sample: PreparedSample(data, logScale: true, threshold: threshold),
                              sampleSize: data.unitCount, diagnostics: diagnostics,
                              andersonDarlingData: data)
        fit.data = data
        return fit
    }
}
