#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// Maximum likelihood for the gamma families in (mu = ln theta, l = ln k).
///
/// Newton's method on the log-likelihood with its gradient and Hessian from
/// `GammaLikelihood.derivatives` (analytic for the exact failures and in mu; per-entry central
/// differences in l for the censored entries), from the method-of-moments start (k = m^2/v,
/// theta = v/m over the failure times) or a caller's warm start. A step that does not increase the
/// log-likelihood is halved; where the Hessian is not negative definite, it is shifted (Levenberg).
/// The fit is *converged* when an undamped step on a negative definite Hessian is below 1e-10 in mu
/// and l (1e-10 relative in theta and k), or when its predicted gain (half the scaled gradient
/// g' H^-1 g) is below 1e-13 |LL|, the rounding of a log-likelihood summed over 10^5 units: that
/// step is then taken on the quadratic model's word (its error is of second order, far below the
/// standard errors), as for the location-scale families. The budget is `newtonBudget`
/// iterations; if it runs out (or Newton stalls), Nelder-Mead (at most 2,000 evaluations) restarts the
/// search once, and a fit that still has not converged is reported as such with a note saying why.
/// The covariance is the inverse of the negative Hessian at the estimate.
enum GammaEstimation {
    /// Newton iterations allowed per start.
    static let newtonBudget = 60

    static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        if family == .gamma3p { return try ThresholdEstimation.fit(family, to: data) }
        return try fitShapeScale(data, threshold: 0, family: family)
    }

    /// The outcome of Newton's method from one start.
    struct NewtonResult {
        var p: [Double]
        var value: Double
        var gradient: (Double, Double)
        var hessian: (mm: Double, ml: Double, ll: Double)
        var converged: Bool
        var iterations: Int
        var note: String?
    }

    /// Damped Newton in (mu, l) from `start`, at most `budget` iterations.
    static func newton(_ likelihood: GammaLikelihood, start: [Double], budget: Int) -> NewtonResult {
        var p = start
        var current = likelihood.derivatives(mu: p[0], logShape: p[1])
        var result = NewtonResult(p: p, value: current.value, gradient: current.gradient, hessian: current.hessian,
                                  converged: false, iterations: 0, note: nil)
        guard current.value.isFinite else {
            result.note = "the gamma log-likelihood is not finite at the start"
            return result
        }
        for iteration in 1...max(budget, 1) {
            result.iterations = iteration
            let (gm, gl) = current.gradient
            // Information matrix [[a, b], [b, c]] = -Hessian; shifted until positive definite.
            let a0 = -current.hessian.mm, b = -current.hessian.ml, c0 = -current.hessian.ll
            guard a0.isFinite, b.isFinite, c0.isFinite, gm.isFinite, gl.isFinite else {
                result.note = "the gamma log-likelihood's derivatives are not finite at mu = \(p[0]), ln k = \(p[1])"
                return result
            }
            var shift = 0.0
            var a = a0, c = c0
            let definite = a > 0 && c > 0 && a * c - b * b > 0
            if !definite {
                shift = 1e-3 * max(abs(a0), abs(c0), 1)
                while !(a0 + shift > 0 && c0 + shift > 0 && (a0 + shift) * (c0 + shift) - b * b > 0) { shift *= 4 }
                a = a0 + shift; c = c0 + shift
            }
            let det = a * c - b * b
            var step = [(c * gm - b * gl) / det, (a * gl - b * gm) / det]
            let predictedGain = 0.5 * (step[0] * gm + step[1] * gl)
            let small = abs(step[0]) <= 1e-10 * max(1, abs(p[0])) && abs(step[1]) <= 1e-10 * max(1, abs(p[1]))
            // The rounding of a sum of n terms grows like sqrt(n) eps |LL| (about 1e-8 at 10^5 units):
            // below 1e-13 |LL| a gain cannot be verified by comparing values.
            let roundingOfValue = 1e-13 * max(abs(current.value), 1)
            let tiny = predictedGain <= roundingOfValue
            if definite && (small || tiny) {
                // Converged. A step below 1e-10 is not taken (the value and derivatives reported are
                // those at the estimate); a larger one whose predicted gain is below the rounding of
                // the log-likelihood is taken on the quadratic model's word.
                if !small {
                    let trial = [p[0] + step[0], p[1] + step[1]]
                    let next = likelihood.derivatives(mu: trial[0], logShape: trial[1])
                    if next.value.isFinite && next.value >= current.value - roundingOfValue {
                        p = trial
                        current = next
                    }
                }
                result = NewtonResult(p: p, value: current.value, gradient: current.gradient, hessian: current.hessian,
                                      converged: true, iterations: iteration, note: nil)
                return result
            }
            // At most a factor e^1.5 in theta or k per step: a trial at an absurd shape is not only
            // useless but slow (the incomplete gamma costs O(sqrt k)). Then halve the step until the
            // log-likelihood does not decrease (at most 40 halvings).
            let longest = max(abs(step[0]), abs(step[1]))
            if longest > 1.5 { step = [step[0] * 1.5 / longest, step[1] * 1.5 / longest] }
            var accepted = false
            for _ in 0..<40 {
                let trial = [p[0] + step[0], p[1] + step[1]]
                let next = likelihood.derivatives(mu: trial[0], logShape: trial[1])
                if next.value.isFinite && next.value >= current.value {
                    p = trial
                    current = next
                    accepted = true
                    break
                }
                step = [step[0] / 2, step[1] / 2]
            }
            result.p = p
            result.value = current.value
            result.gradient = current.gradient
            result.hessian = current.hessian
            if !accepted {
                result.note = "Newton stalled: no step along the Newton direction increases the log-likelihood"
                return result
            }
        }
        result.note = "Newton did not converge in \(budget) iterations"
        return result
    }

    /// The two gamma parameters fitted to t - threshold, labelled as `family`; `start` = (ln theta, ln k)
    /// when known (a warm start from a neighbouring threshold); `restart: false` skips the Nelder-Mead
    /// restart (a point of a threshold profile: its cost stays within the Newton budget).
    static func fitShapeScale(_ data: LifetimeData, threshold: Double, family: LifetimeFamily,
                              start: [Double]? = nil, restart: Bool = true) throws(FitFailure) -> LifetimeFit {
        let likelihood = GammaLikelihood(data: data, threshold: threshold)
        var notes: [String] = []
        var outcome = newton(likelihood, start: start ?? momentStart(data, threshold: threshold), budget: newtonBudget)
        var evaluations = 0
        if !outcome.converged && !restart {
            notes.append(outcome.note ?? "Newton did not converge")
        } else if !outcome.converged {
            // Restart once from a derivative-free search (a start far away, or Newton stalled).
            let search = Minimization.nelderMead(start: outcome.value.isFinite ? outcome.p : momentStart(data, threshold: threshold),
                                                 step: [0.3, 0.3], tolerance: 1e-10, maxEvaluations: 2000) {
                -likelihood.logLikelihood(mu: $0[0], logShape: $0[1])
            }
            evaluations = search.evaluations
            guard search.value.isFinite || outcome.value.isFinite else {
                throw .numericalFailure("the gamma log-likelihood is not finite near the start")
            }
            let first = outcome
            let second = newton(likelihood, start: search.x, budget: newtonBudget)
            outcome = second.converged || !(first.value > second.value) ? second : first
            outcome.iterations = first.iterations + second.iterations
            if !outcome.converged {
                notes.append((second.note ?? first.note ?? "Newton did not converge")
                             + " (after a Nelder-Mead restart of \(evaluations) evaluations)")
            }
        }
        guard outcome.value.isFinite else { throw .numericalFailure("the gamma log-likelihood is not finite near the start") }
        let p = outcome.p
        let (gm, gl) = outcome.gradient
        let gradientNorm = (gm * gm + gl * gl).squareRoot()
        let h = outcome.hessian
        let information = Matrix([[-h.mm, -h.ml], [-h.ml, -h.ll]])
        let covariance = try? information.symmetricPositiveDefiniteInverse()
        if covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
        notes.append("gamma families: Newton on analytic derivatives in ln theta, per-unit central differences in ln k for censored units")
        let diagnostics = FitDiagnostics(converged: outcome.converged, iterations: outcome.iterations + evaluations,
                                         gradientNorm: gradientNorm, hessianNegativeDefinite: covariance != nil, notes: notes)
        let model = LifetimeModel(family: family, mu: p[0], sigma: 1, threshold: threshold, shape: exp(p[1]))
        var fit = LifetimeFit(family: family, method: .mle, model: model, locationScaleCovariance: nil,
                           internalCovariance: covariance,
                           logLikelihood: outcome.value, sample: PreparedSample(data, logScale: true, threshold: threshold),
                           sampleSize: data.unitCount, diagnostics: diagnostics,
                           andersonDarlingData: data)
        fit.data = data
        return fit
    }

    /// (ln theta, ln k) from the mean m and variance v of the failure times above the threshold.
    static func momentStart(_ data: LifetimeData, threshold: Double) -> [Double] {
        var x: [Double] = [], w: [Double] = []
        for (t, c) in zip(data.failureTimes, data.failureCounts) { x.append(t - threshold); w.append(c) }
        for (t, c) in zip(data.leftCensoredTimes, data.leftCensoredCounts) { x.append((t - threshold) / 2); w.append(c) }
        for i in data.intervalCounts.indices {
            x.append((data.intervalLowerTimes[i] + data.intervalUpperTimes[i]) / 2 - threshold); w.append(data.intervalCounts[i])
        }
        let total = w.reduce(0, +)
        let m = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } / total
        let v = zip(x, w).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) } / max(total - 1, 1)
        guard v > 0, m > 0 else { return [log(max(m, 1e-300)), 0] }
        return [log(v / m), log(m * m / v)]
    }
}
