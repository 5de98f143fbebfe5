import LinearAlgebra
import RelmodelNumerics

/// Maximises a `LinearLocationLikelihood` with the one maximiser every model uses (`DampedNewton`:
/// Newton with Levenberg-Marquardt damping and the verified-maximum checks), over all parameters or
/// over the coefficients with s = log sigma held at its value (`freeScale: false`, for profiles and
/// for fits with a fixed scale).
///
/// A step changes s by at most 2 and any coefficient by at most 20 (an undamped step far from the
/// optimum can overflow exp(z)). Convergence is declared only at an undamped step below 1e-10
/// relative in every parameter, with a gradient norm below 1e-6 (1 + |l|) and a negative definite
/// Hessian at the final point, so a fit that stalls is never reported as converged.
struct LinearLocationMaximizer<Z: StandardDistribution> {
    let likelihood: LinearLocationLikelihood<Z>

    struct Result {
        /// All parameters (beta, s), s at its held value when the scale was not free.
        var theta: [Double]
        var value: Double
        /// Gradient over all parameters (beta, s).
        var gradient: [Double]
        var iterations: Int
        var converged: Bool
        /// Euclidean norm of the gradient over the free parameters.
        var gradientNorm: Double
        var hessianNegativeDefinite: Bool { covariance != nil }
        /// Inverse observed information over the free parameters.
        var covariance: Matrix?
        var notes: [String]
    }

    /// - Parameter freeScale: false holds s = start.last fixed (profile over the coefficients).
    /// - Complexity: O(n p^2 + p^3) per iteration.
    func maximize(from start: [Double], freeScale: Bool = true) -> Result {
        let free = freeScale ? start.count : start.count - 1
        func full(_ point: [Double]) -> [Double] { freeScale ? point : point + [start[start.count - 1]] }
        // The last evaluation, whose full gradient (the held s included) the result reports.
        var last: (point: [Double], gradient: [Double])?
        func derivatives(_ point: [Double]) -> LikelihoodDerivatives {
            let e = likelihood.evaluate(full(point))
            last = (point, e.gradient)
            var hessian = Matrix(rows: free, columns: free)
            for i in 0..<free { for j in 0..<free { hessian[i, j] = e.hessian[i][j] } }
            return LikelihoodDerivatives(value: e.value.isNaN ? -.infinity : e.value, gradient: Array(e.gradient[0..<free]),
                                         hessian: hessian)
        }
        var newton = DampedNewton()
        newton.evaluatesTrialsWithDerivatives = true
        newton.stepLimits = (0..<free).map { freeScale && $0 == free - 1 ? 2 : 20 }
        let result = newton.maximize(from: Array(start[0..<free]), derivatives: derivatives) { derivatives($0).value }
        let theta = full(result.point)
        let gradient = last.flatMap { $0.point == result.point ? $0.gradient : nil } ?? likelihood.evaluate(theta).gradient
        return Result(theta: theta, value: result.evaluation.value, gradient: gradient,
                      iterations: result.iterations, converged: result.converged, gradientNorm: result.gradientNorm,
                      covariance: result.covariance, notes: result.notes)
    }
}
