#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Maximises a location-scale log-likelihood in theta = (mu, s = log sigma) by Newton's method with
/// Levenberg-Marquardt damping.
///
/// Each iteration solves (-H + lambda I) delta = g through LAPACK. The undamped Newton step (lambda = 0)
/// is tried first; if -H is not positive definite or the step does not increase the log-likelihood,
/// lambda grows geometrically until it does, which turns the step towards the gradient direction.
/// An undamped step whose predicted gain g.delta is below the rounding of the log-likelihood
/// (1e-12 |LL|) is accepted without comparing values, which rounding makes meaningless there.
/// Convergence is declared only after an undamped Newton step smaller than 1e-10 relative in every
/// parameter: Newton converges quadratically, so the estimate is then converged far beyond 1e-10
/// relative, and the point is a maximum, not a saddle. The threshold must stay above the rounding
/// noise of the gradient, which grows with n: at n = 100,000 the step no longer shrinks below about
/// 3e-12 (a threshold of 1e-12 made correct fits run to the iteration limit). Working in log sigma
/// keeps sigma positive.
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

    /// Full two-parameter maximisation from a starting point.
    /// - Complexity: O(n) per iteration; typically 5-15 iterations from `startingPoint`.
    func maximize(mu startMu: Double, s startS: Double) -> Result {
        var mu = startMu, s = startS
        var current = likelihood.evaluate(mu: mu, s: s)
        var damping = 0.0
        var converged = false
        var iterations = 0
        var notes: [String] = []
        while iterations < maxIterations {
            iterations += 1
            let g = [current.gradient.mu, current.gradient.s]
            var accepted = false
            var step = [0.0, 0.0]
            while damping < 1e16 {
                let a = Matrix([[-current.hessian.mumu + damping, -current.hessian.mus],
                                [-current.hessian.mus, -current.hessian.ss + damping]])
                if a.isPositiveDefinite(), let d = try? a.solve(g), d.allSatisfy(\.isFinite) {
                    step = Self.limited(d)
                    let trial = likelihood.evaluate(mu: mu + step[0], s: s + step[1])
                    // Near the maximum of a large sample the gain g.d of a Newton step is far below the
                    // rounding of the log-likelihood itself (|LL| ~ 5e6 at a million units), so comparing
                    // values cannot judge it; an undamped step on a negative definite Hessian whose
                    // predicted gain is below that rounding is taken on the quadratic model's word.
                    let predictedGain = g[0] * step[0] + g[1] * step[1]
                    let belowRounding = damping == 0 && predictedGain >= 0 && predictedGain <= 1e-12 * (1 + abs(current.value))
                    if trial.value.isFinite && (belowRounding || trial.value >= current.value - 1e-13 * abs(current.value)) {
                        mu += step[0]; s += step[1]
                        current = trial
                        accepted = true
                        break
                    }
                }
                damping = damping == 0 ? 1e-6 * max(1, abs(current.hessian.mumu) + abs(current.hessian.ss)) : damping * 8
            }
            if !accepted {
                notes.append("no step increases the log-likelihood (damping exhausted)")
                break
            }
            let small = abs(step[0]) <= relativeStepTolerance * (1 + abs(mu)) && abs(step[1]) <= relativeStepTolerance * (1 + abs(s))
            if small && damping == 0 { converged = true; break }
            damping = damping < 1e-8 ? 0 : damping / 16
        }
        if !converged && iterations >= maxIterations { notes.append("iteration limit \(maxIterations) reached") }
        return Result(mu: mu, s: s, evaluation: current, iterations: iterations, converged: converged,
                      covariance: current.covariance, notes: notes)
    }

    /// Maximisation over mu with s held fixed (the exponential, or a known Weibull shape).
    /// The log-likelihood is concave in mu for log-concave Z (SEV, normal), so Newton with step halving
    /// converges from any start.
    func maximizeLocation(mu startMu: Double, s: Double, tolerance: Double? = nil) -> Result {
        let tolerance = tolerance ?? relativeStepTolerance
        var mu = startMu
        var current = likelihood.evaluate(mu: mu, s: s)
        var converged = false
        var iterations = 0
        var notes: [String] = []
        while iterations < maxIterations {
            iterations += 1
            let h = current.hessian.mumu
            var step = h < 0 ? -current.gradient.mu / h : current.gradient.mu.sign == .minus ? -1 : 1
            step = max(-5, min(5, step))
            var accepted = false
            for _ in 0..<60 {
                let trial = likelihood.evaluate(mu: mu + step, s: s)
                if trial.value.isFinite && trial.value >= current.value - 1e-13 * abs(current.value) {
                    mu += step
                    current = trial
                    accepted = true
                    break
                }
                step /= 2
            }
            if !accepted { notes.append("no step increases the log-likelihood"); break }
            if abs(step) <= tolerance * (1 + abs(mu)) { converged = true; break }
        }
        if !converged && iterations >= maxIterations { notes.append("iteration limit \(maxIterations) reached") }
        let covariance: Matrix? = current.hessian.mumu < 0 ? Matrix([[-1 / current.hessian.mumu]]) : nil
        return Result(mu: mu, s: s, evaluation: current, iterations: iterations, converged: converged,
                      covariance: covariance, notes: notes)
    }

    /// Caps a step so that one iteration changes log sigma by at most 2 (sigma by a factor e^2) and mu
    /// by at most 20: far from the optimum an undamped Newton step can overflow exp(z).
    private static func limited(_ d: [Double]) -> [Double] {
        let scale = max(1, abs(d[1]) / 2, abs(d[0]) / 20)
        return [d[0] / scale, d[1] / scale]
    }
}
