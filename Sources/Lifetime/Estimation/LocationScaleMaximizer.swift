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
        return run(newton, from: [startMu, startS], mu: { $0[0] }, s: { $0[1] }) { e in
            ([e.gradient.mu, e.gradient.s], Matrix([[e.hessian.mumu, e.hessian.mus], [e.hessian.mus, e.hessian.ss]]))
        }
    }

    /// Maximisation over mu with s held fixed (the exponential, or a known Weibull shape).
    /// The log-likelihood is concave in mu for log-concave Z (SEV, normal), so Newton converges from
    /// any start; a step moves mu by at most 5.
    func maximizeLocation(mu startMu: Double, s: Double, tolerance: Double? = nil) -> Result {
        var newton = newton
        newton.relativeStepTolerance = tolerance ?? relativeStepTolerance
        newton.stepLimits = [5]
        return run(newton, from: [startMu], mu: { $0[0] }, s: { _ in s }) { e in ([e.gradient.mu], Matrix([[e.hessian.mumu]])) }
    }

    /// `newton` over the free coordinates, (mu, s) read from them by `mu` and `s`; the surface's
    /// evaluation at the result is the one Newton last made there (no extra pass over the data).
    private func run(_ newton: DampedNewton, from start: [Double], mu: ([Double]) -> Double, s: ([Double]) -> Double,
                     free: (LocationScaleEvaluation) -> (gradient: [Double], hessian: Matrix)) -> Result {
        var last: (point: [Double], evaluation: LocationScaleEvaluation)?
        let result = newton.maximize(from: start, derivatives: { p in
            let e = likelihood.evaluate(mu: mu(p), s: s(p))
            last = (p, e)
            let (gradient, hessian) = free(e)
            return LikelihoodDerivatives(value: e.value.isNaN ? -.infinity : e.value, gradient: gradient, hessian: hessian)
        }, value: { likelihood.evaluate(mu: mu($0), s: s($0)).value })
        let point = result.point
        let evaluation = last.flatMap { $0.point == point ? $0.evaluation : nil } ?? likelihood.evaluate(mu: mu(point), s: s(point))
        return Result(mu: mu(point), s: s(point), evaluation: evaluation, iterations: result.iterations,
                      converged: result.converged, covariance: result.covariance, notes: result.notes)
    }
}
