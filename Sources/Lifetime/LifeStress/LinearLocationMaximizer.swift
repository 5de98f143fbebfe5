#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Maximises a `LinearLocationLikelihood` by Newton's method with Levenberg-Marquardt damping, the
/// scheme of `LocationScaleMaximizer` in more dimensions.
///
/// Each iteration solves (-H + lambda I) d = g over the free parameters (all coefficients, and
/// s = log sigma unless it is held fixed). The undamped step is tried first; when -H is not
/// positive definite or the step does not increase the log-likelihood, lambda grows by 8 until it
/// does. A step changes s by at most 2 and any coefficient by at most 20 (an undamped step far
/// from the optimum can overflow exp(z)).
///
/// Convergence is declared only when all three hold, so a fit that stalls is never reported as
/// converged (the failure mode of codes that stop on a small change in the objective):
/// an undamped step smaller than 1e-10 relative in every parameter, a gradient norm below
/// 1e-6 (1 + |l|), and a negative definite Hessian at the final point.
struct LinearLocationMaximizer<Z: StandardDistribution> {
    let likelihood: LinearLocationLikelihood<Z>
    var maxIterations = 500
    var relativeStepTolerance = 1e-10

    struct Result {
        var theta: [Double]
        var evaluation: LinearLocationLikelihood<Z>.Evaluation
        var iterations: Int
        var converged: Bool
        /// Euclidean norm of the gradient over the free parameters.
        var gradientNorm: Double
        var hessianNegativeDefinite: Bool
        /// Inverse observed information over the free parameters.
        var covariance: Matrix?
        var notes: [String]
    }

    /// - Parameter freeScale: false holds s = theta.last fixed (profile over the coefficients).
    /// - Complexity: O(n p^2 + p^3) per iteration.
    func maximize(from start: [Double], freeScale: Bool = true) -> Result {
        var theta = start
        let free = freeScale ? theta.count : theta.count - 1
        var current = likelihood.evaluate(theta)
        var damping = 0.0
        var iterations = 0
        var notes: [String] = []
        var converged = false
        guard current.value.isFinite else {
            return Result(theta: theta, evaluation: current, iterations: 0, converged: false, gradientNorm: .nan,
                          hessianNegativeDefinite: false, covariance: nil,
                          notes: ["the log-likelihood is not finite at the starting point"])
        }
        func information(_ e: LinearLocationLikelihood<Z>.Evaluation, _ extra: Double) -> Matrix {
            var m = Matrix(rows: free, columns: free)
            for i in 0..<free { for j in 0..<free { m[i, j] = -e.hessian[i][j] } ; m[i, i] += extra }
            return m
        }
        while iterations < maxIterations {
            iterations += 1
            let g = Array(current.gradient[0..<free])
            var accepted = false
            var step = [Double](repeating: 0, count: free)
            while damping < 1e16 {
                let a = information(current, damping)
                if a.isPositiveDefinite(), let d = try? a.solve(g), d.allSatisfy(\.isFinite) {
                    var limit = 1.0
                    for i in 0..<free { limit = max(limit, abs(d[i]) / (freeScale && i == free - 1 ? 2 : 20)) }
                    step = d.map { $0 / limit }
                    var trialTheta = theta
                    for i in 0..<free { trialTheta[i] += step[i] }
                    let trial = likelihood.evaluate(trialTheta)
                    if trial.value.isFinite && trial.value >= current.value - 1e-13 * abs(current.value) {
                        theta = trialTheta
                        current = trial
                        accepted = true
                        break
                    }
                }
                let scale = (0..<free).reduce(0.0) { $0 + abs(current.hessian[$1][$1]) }
                damping = damping == 0 ? 1e-6 * max(1, scale) : damping * 8
            }
            if !accepted {
                notes.append("no step increases the log-likelihood (damping exhausted)")
                break
            }
            let small = (0..<free).allSatisfy { abs(step[$0]) <= relativeStepTolerance * (1 + abs(theta[$0])) }
            if small && damping == 0 { converged = true; break }
            damping = damping < 1e-8 ? 0 : damping / 16
        }
        if !converged && iterations >= maxIterations { notes.append("iteration limit \(maxIterations) reached") }
        let gradientNorm = (0..<free).reduce(0.0) { $0 + current.gradient[$1] * current.gradient[$1] }.squareRoot()
        let covariance = try? information(current, 0).symmetricPositiveDefiniteInverse()
        let definite = covariance != nil
        if converged && gradientNorm > 1e-6 * (1 + abs(current.value)) {
            converged = false
            notes.append("the step converged but the gradient norm \(gradientNorm) is not small")
        }
        if converged && !definite {
            converged = false
            notes.append("the Hessian is not negative definite at the final point: not a strict maximum")
        }
        return Result(theta: theta, evaluation: current, iterations: iterations, converged: converged,
                      gradientNorm: gradientNorm, hessianNegativeDefinite: definite, covariance: covariance, notes: notes)
    }
}
