#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// Maximum likelihood for the gamma families in (mu = ln theta, l = ln k).
///
/// The derivatives of the incomplete gamma function in its shape have no cheap closed form, so the
/// maximum is found by Nelder-Mead from the method-of-moments start (k = m^2/v, theta = v/m over the
/// failure times) and polished by Newton steps on central-difference derivatives (step 1e-5), which
/// brings the gradient to about 1e-8. The covariance is the inverse of the negative central-difference
/// Hessian. Convergence requires Nelder-Mead to converge and the polished gradient norm to fall below 1e-5.
enum GammaEstimation {
    static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> LifetimeFit {
        if family == .gamma3p { return try ThresholdEstimation.fit(family, to: data) }
        return try fitShapeScale(data, threshold: 0, family: family)
    }

    /// The two gamma parameters fitted to t - threshold, labelled as `family`.
    static func fitShapeScale(_ data: LifetimeData, threshold: Double, family: LifetimeFamily) throws(FitFailure) -> LifetimeFit {
        let likelihood = GammaLikelihood(data: data, threshold: threshold)
        func ll(_ p: [Double]) -> Double { likelihood.logLikelihood(mu: p[0], logShape: p[1]) }
        let start = momentStart(data, threshold: threshold)
        let search = Minimization.nelderMead(start: start, step: [0.3, 0.3], tolerance: 1e-13, maxEvaluations: 5000) { -ll($0) }
        guard search.value.isFinite else { throw .numericalFailure("the gamma log-likelihood is not finite near the start") }
        var p = search.x
        var (g, h) = derivatives(ll, p)
        var iterations = 0
        for _ in 0..<20 {
            iterations += 1
            guard let information = try? Matrix([[-h[0][0], -h[0][1]], [-h[1][0], -h[1][1]]]).symmetricPositiveDefiniteInverse() else { break }
            guard let step = try? information.multiply(g) else { break }
            let trial = [p[0] + step[0], p[1] + step[1]]
            if ll(trial) < ll(p) { break }
            p = trial
            (g, h) = derivatives(ll, p)
            if abs(step[0]) < 1e-10 * (1 + abs(p[0])) && abs(step[1]) < 1e-10 * (1 + abs(p[1])) { break }
        }
        let gradientNorm = (g[0] * g[0] + g[1] * g[1]).squareRoot()
        let information = Matrix([[-h[0][0], -h[0][1]], [-h[1][0], -h[1][1]]])
        let covariance = try? information.symmetricPositiveDefiniteInverse()
        var notes: [String] = []
        if !search.converged { notes.append("Nelder-Mead did not converge in 5000 evaluations") }
        if gradientNorm >= 1e-5 { notes.append("gradient norm \(gradientNorm) after polishing") }
        if covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
        notes.append("gamma families: derivatives by central differences")
        let diagnostics = FitDiagnostics(converged: search.converged && gradientNorm < 1e-5, iterations: search.evaluations + iterations,
                                         gradientNorm: gradientNorm, hessianNegativeDefinite: covariance != nil, notes: notes)
        let model = LifetimeModel(family: family, mu: p[0], sigma: 1, threshold: threshold, shape: exp(p[1]))
        var fit = LifetimeFit(family: family, method: .mle, model: model, locationScaleCovariance: nil,
                           internalCovariance: covariance,
                           logLikelihood: ll(p), sample: PreparedSample(data, logScale: true, threshold: threshold),
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

    /// Central-difference gradient and Hessian of f at p, step 1e-4 in (ln theta, ln k): the truncation
    /// error, h^2/12 of the fourth derivative, stays below 1e-8 relative, while the rounding of f
    /// (about 1e-14 relative, from log-gamma and the incomplete gamma) divided by h^2 is 100 times
    /// smaller than at 1e-5 (which left standard errors off by up to 1e-4 relative on complete data,
    /// against the closed-form information).
    static func derivatives(_ f: ([Double]) -> Double, _ p: [Double]) -> ([Double], [[Double]]) {
        let h = 1e-4
        let n = p.count
        var g = [Double](repeating: 0, count: n)
        var hess = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let f0 = f(p)
        for i in 0..<n {
            var a = p, b = p
            a[i] += h; b[i] -= h
            let fa = f(a), fb = f(b)
            g[i] = (fa - fb) / (2 * h)
            hess[i][i] = (fa - 2 * f0 + fb) / (h * h)
            for j in (i + 1)..<max(n, i + 1) where j < n {
                var pp = p, pm = p, mp = p, mm = p
                pp[i] += h; pp[j] += h; pm[i] += h; pm[j] -= h
                mp[i] -= h; mp[j] += h; mm[i] -= h; mm[j] -= h
                let v = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * h * h)
                hess[i][j] = v
                hess[j][i] = v
            }
        }
        return (g, hess)
    }
}
