import LinearAlgebra
import RelmodelNumerics

/// Maximises a location-scale log-likelihood in theta = (mu, s = log sigma) with the one maximiser
/// every model uses (`DampedNewton`: Newton with Levenberg-Marquardt damping and the verified-maximum
/// checks), on the analytic derivatives of the surface.
///
/// A step changes log sigma by at most 2 (sigma by a factor e^2) and mu by at most 20: far from the
/// optimum an undamped Newton step can overflow exp(z). Convergence is declared only after an undamped
/// Newton step smaller than 1e-10 relative in every parameter at a strict maximum with a small
/// gradient: Newton converges quadratically, so the estimate is then converged far beyond 1e-10
/// relative. The threshold must stay above the rounding noise of the gradient, which grows with n: at
/// n = 100,000 the step no longer shrinks below about 3e-12 (a threshold of 1e-12 made correct fits
/// run to the iteration limit). Working in log sigma keeps sigma positive.
struct LocationScaleMaximizer<Likelihood: LocationScaleSurface> {
    let likelihood: Likelihood
    var maxIterations = 500
    var relativeStepTolerance = 1e-10

    struct Result {
        var mu: Double
        var s: Double
        var evaluation: LocationScaleEvaluation
        var iterations: Int
        var converged: Bool
        /// Inverse of the observed information in (mu, s), when -H is positive definite.
        var covariance: Matrix?
        var notes: [String]
    }

    private var newton: DampedNewton {
        var newton = DampedNewton()
        newton.maximumIterations = maxIterations
        newton.relativeStepTolerance = relativeStepTolerance
        newton.evaluatesTrialsWithDerivatives = true
        return newton
    }

    /// Full two-parameter maximisation from a starting point.
    /// - Complexity: O(n) per iteration; typically 5-15 iterations from `startingPoint`.
    func maximize(mu startMu: Double, s startS: Double) -> Result {
        var newton = newton
        newton.stepLimits = [20, 2]
        let result = newton.maximize(from: [startMu, startS], derivatives: { p in
            let e = likelihood.evaluate(mu: p[0], s: p[1])
            return LikelihoodDerivatives(value: e.value.isNaN ? -.infinity : e.value, gradient: [e.gradient.mu, e.gradient.s],
                                         hessian: Matrix([[e.hessian.mumu, e.hessian.mus], [e.hessian.mus, e.hessian.ss]]))
        }, value: { likelihood.evaluate(mu: $0[0], s: $0[1]).value })
        let mu = result.point[0], s = result.point[1]
        return Result(mu: mu, s: s, evaluation: likelihood.evaluate(mu: mu, s: s), iterations: result.iterations,
                      converged: result.converged, covariance: result.covariance, notes: result.notes)
    }

    /// Maximisation over mu with s held fixed (the exponential, or a known Weibull shape).
    /// The log-likelihood is concave in mu for log-concave Z (SEV, normal), so Newton converges from
    /// any start; a step moves mu by at most 5.
    func maximizeLocation(mu startMu: Double, s: Double, tolerance: Double? = nil) -> Result {
        var newton = newton
        newton.relativeStepTolerance = tolerance ?? relativeStepTolerance
        newton.stepLimits = [5]
        let result = newton.maximize(from: [startMu], derivatives: { p in
            let e = likelihood.evaluate(mu: p[0], s: s)
            return LikelihoodDerivatives(value: e.value.isNaN ? -.infinity : e.value, gradient: [e.gradient.mu],
                                         hessian: Matrix([[e.hessian.mumu]]))
        }, value: { likelihood.evaluate(mu: $0[0], s: s).value })
        let mu = result.point[0]
        return Result(mu: mu, s: s, evaluation: likelihood.evaluate(mu: mu, s: s), iterations: result.iterations,
                      converged: result.converged, covariance: result.covariance, notes: result.notes)
    }
}
