#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import Lifetime

/// The defective-subpopulation (limited failure population) model of Meeker (1987): a fraction p of
/// units is defective with lifetime distribution F (Weibull or lognormal), the rest never fail in
/// the time frame of interest, so the population CDF is p F(t).
public struct DefectiveSubpopulation: Sendable, Equatable {
    /// Fraction defective, in (0, 1].
    public var fraction: Double
    /// Life distribution of the defective units.
    public var defectLife: LifetimeModel

    public init(fraction: Double, defectLife: LifetimeModel) {
        self.fraction = fraction
        self.defectLife = defectLife
    }

    /// Population CDF p F(t).
    public func cdf(_ t: Double) -> Double { fraction * defectLife.cdf(t) }

    /// Population hazard p f(t) / (1 - p F(t)).
    public func hazard(_ t: Double) -> Double {
        guard t > 0 else { return fraction == 1 ? defectLife.hazard(0) : (defectLife.sigma > 1 ? .infinity : 0) }
        return fraction * defectLife.density(t) / (1 - cdf(t))
    }
}

/// A maximum-likelihood fit of `DefectiveSubpopulation`.
public struct DefectiveSubpopulationFit: Sendable {
    public let model: DefectiveSubpopulation
    /// Covariance of (logit p, mu, s = log sigma), the inverse observed information.
    public let covariance: Matrix?
    public let logLikelihood: Double
    public let diagnostics: FitDiagnostics

    /// Parameters in (logit p, mu, s).
    public var theta: [Double] { [log(model.fraction / (1 - model.fraction)), model.defectLife.mu, log(model.defectLife.sigma)] }

    /// Fits the model to exact failures and right-censored units by maximum likelihood over
    /// theta = (a = logit p, mu, s = log sigma).
    ///
    /// Log-likelihood (time-scale density): failures add log p + log f_T(t); suspensions at t add
    /// log(1 - p F(t)). Gradient and Hessian are analytic: with G = p F(z), the suspension term
    /// log(1 - G) has gradient -dG/(1-G) and Hessian -d2G/(1-G) - dG dG^T/(1-G)^2, where
    /// dG = (p(1-p)F, -p f/sigma, -p f z) and the second derivatives follow from df/dz = f (log f)'.
    /// Maximised by Levenberg-Marquardt-damped Newton from a start at the failures' own fit (mu, s
    /// of a complete-sample fit to the failures) and p = 1.2 x failed fraction; convergence needs an
    /// undamped step below 1e-10 relative, a small gradient and a negative definite Hessian.
    ///
    /// Throws when no estimate exists: no failures, fewer than 2 distinct failure times, a failure
    /// at 0, or left- or interval-censored data (not supported here).
    /// - Complexity: O(n) per Newton iteration.
    public static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> DefectiveSubpopulationFit {
        guard data.hasOnlyExactFailures else { throw .numericalFailure("the defective-subpopulation fit takes exact failures and right-censored units only") }
        guard family == .weibull2p || family == .lognormal2p else { throw .numericalFailure("the defective-subpopulation fit needs weibull2p or lognormal2p") }
        let start = try MaximumLikelihood.fit(family, to: data.exactFailuresOnly)
        let p0 = min(0.99, 1.2 * data.failureCount / data.unitCount)
        let theta0 = [log(p0 / (1 - p0)), start.model.mu, log(start.model.sigma)]
        switch family {
        case .lognormal2p: return maximize(NormalStandard.self, family, data, theta0)
        default: return maximize(SmallestExtremeValue.self, family, data, theta0)
        }
    }

    /// Value, gradient and Hessian of the log-likelihood at theta.
    static func evaluate<Z: StandardDistribution>(_: Z.Type, _ data: LifetimeData, _ theta: [Double]) -> (value: Double, g: [Double], h: [[Double]]) {
        let p = 1 / (1 + exp(-theta[0])), mu = theta[1], s = theta[2], sigma = exp(s), inv = 1 / sigma
        var value = 0.0
        var g = [0.0, 0.0, 0.0]
        var h = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
        for i in data.failureTimes.indices {
            let w = data.failureCounts[i], y = log(data.failureTimes[i]), z = (y - mu) * inv
            let t = Z.logDensity(z)
            value += w * (log(p) + t.value - s - y)
            g[0] += w * (1 - p); h[0][0] -= w * p * (1 - p)
            g[1] -= w * t.first * inv; g[2] -= w * (t.first * z + 1)
            h[1][1] += w * t.second * inv * inv
            h[1][2] += w * (t.second * z + t.first) * inv
            h[2][2] += w * (t.second * z * z + t.first * z)
        }
        for i in data.suspensionTimes.indices where data.suspensionTimes[i] > 0 {
            let w = data.suspensionCounts[i], z = (log(data.suspensionTimes[i]) - mu) * inv
            let F = Z.cdf(z), ld = Z.logDensity(z), f = exp(ld.value), fp = f * ld.first
            let d = 1 - p * F
            let dG = [p * (1 - p) * F, -p * f * inv, -p * f * z]
            let d2G = [[p * (1 - p) * (1 - 2 * p) * F, -p * (1 - p) * f * inv, -p * (1 - p) * f * z],
                       [0, p * fp * inv * inv, p * (fp * z + f) * inv],
                       [0, 0, p * (fp * z * z + f * z)]]
            value += w * log(d)
            for j in 0..<3 {
                g[j] -= w * dG[j] / d
                for k in j..<3 { h[j][k] -= w * (d2G[j][k] / d + dG[j] * dG[k] / (d * d)) }
            }
        }
        for j in 0..<3 { for k in 0..<j { h[j][k] = h[k][j] } }
        return (value, g, h)
    }

    static func maximize<Z: StandardDistribution>(_: Z.Type, _ family: LifetimeFamily, _ data: LifetimeData,
                                                   _ start: [Double]) -> DefectiveSubpopulationFit {
        var theta = start
        var current = evaluate(Z.self, data, theta)
        var damping = 0.0, iterations = 0, converged = false
        var notes: [String] = []
        func information(_ h: [[Double]], _ extra: Double) -> Matrix {
            var m = Matrix(rows: 3, columns: 3)
            for i in 0..<3 { for j in 0..<3 { m[i, j] = -h[i][j] }; m[i, i] += extra }
            return m
        }
        while iterations < 500 {
            iterations += 1
            var accepted = false
            var step = [0.0, 0.0, 0.0]
            while damping < 1e16 {
                let a = information(current.h, damping)
                if a.isPositiveDefinite(), let d = try? a.solve(current.g), d.allSatisfy(\.isFinite) {
                    let limit = max(1, abs(d[0]) / 2, abs(d[1]) / 5, abs(d[2]) / 1)
                    step = d.map { $0 / limit }
                    let trialTheta = zip(theta, step).map { $0 + $1 }
                    let trial = evaluate(Z.self, data, trialTheta)
                    if trial.value.isFinite && trial.value >= current.value - 1e-13 * abs(current.value) {
                        theta = trialTheta; current = trial; accepted = true
                        break
                    }
                }
                damping = damping == 0 ? 1e-6 * max(1, abs(current.h[0][0]) + abs(current.h[1][1]) + abs(current.h[2][2])) : damping * 8
            }
            if !accepted { notes.append("no step increases the log-likelihood (damping exhausted)"); break }
            if damping == 0 && (0..<3).allSatisfy({ abs(step[$0]) <= 1e-10 * (1 + abs(theta[$0])) }) { converged = true; break }
            damping = damping < 1e-8 ? 0 : damping / 16
        }
        if !converged && iterations >= 500 { notes.append("iteration limit 500 reached") }
        let gradientNorm = current.g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let covariance = try? information(current.h, 0).symmetricPositiveDefiniteInverse()
        if covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no bounds") }
        if converged && (covariance == nil || gradientNorm > 1e-6 * (1 + abs(current.value))) {
            converged = false
            notes.append("the step converged but the point is not a strict maximum with a small gradient")
        }
        let p = 1 / (1 + exp(-theta[0]))
        let model = DefectiveSubpopulation(fraction: p, defectLife: LifetimeModel(family: family, mu: theta[1], sigma: exp(theta[2])))
        return DefectiveSubpopulationFit(model: model, covariance: covariance, logLikelihood: current.value,
                                         diagnostics: FitDiagnostics(converged: converged, iterations: iterations, gradientNorm: gradientNorm,
                                                                     hessianNegativeDefinite: covariance != nil, notes: notes))
    }
}
