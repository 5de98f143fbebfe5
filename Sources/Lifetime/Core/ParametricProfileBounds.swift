#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// Likelihood-ratio bounds for any smooth quantity of a `ParametricFit`: a parameter, a B-life, a
/// reliability, the time of the hazard minimum, the end of infant mortality.
///
/// The profile log-likelihood of a quantity psi(u) at phi is the maximum of the log-likelihood over
/// the parameters u with psi(u) = phi. It is found by sequential quadratic programming on the exact
/// derivatives: each iteration first restores psi(u) = phi (Newton steps along the gradient of psi),
/// then takes the Newton step of the log-likelihood within the tangent plane of the constraint
/// (the KKT system [-H a; a^T 0][d; m] = [g; 0] with a = grad psi, Levenberg-Marquardt damped where -H
/// is not positive definite there), halved until the restored point does not decrease the
/// log-likelihood. A quantity that is itself a parameter (psi = u_i) is the classical profile with u_i
/// held fixed. The ends are found by `ProfileSearch`; the interval is on the scale psi is given on
/// (ln t for a time, ln(-ln R) for a reliability) and mapped back by the caller.
///
/// - Complexity: per profile point, some 5-30 iterations of k(k+1)/2 likelihood passes; some 20-60
///   profile points per interval, within `ProfileBudget`.
public enum ParametricProfileBounds {
    /// A quantity of the unconstrained parameters with its gradient; nil where it is not defined.
    public typealias Quantity = @Sendable ([Double]) -> (value: Double, gradient: [Double])?

    /// How far (on psi's scale) a profile walks before it calls an end open.
    public static let searchWidth = 10.0

    /// Likelihood-ratio bounds on every parameter, on the family's natural scale.
    public static func parameters(_ fit: ParametricFit, confidence: Double, budget: ProfileBudget = .standard) -> [ConfidenceInterval] {
        fit.family.parameters.indices.map { i in
            let quantity: Quantity = { u in
                var g = [Double](repeating: 0, count: u.count)
                g[i] = 1
                return (u[i], g)
            }
            let transform = fit.family.parameters[i].transform
            return interval(fit, quantity: quantity, confidence: confidence, budget: budget).mappedIncreasing { transform.natural($0) }
        }
    }

    /// Likelihood-ratio bounds on the B-life t_p, profiled over ln t_p.
    public static func quantile(_ fit: ParametricFit, probability p: Double, confidence: Double,
                                budget: ProfileBudget = .standard) -> ConfidenceInterval {
        let family = fit.family, guess = max(fit.sample.longestTime, 1e-300)
        let quantity: Quantity = { u in
            let natural = family.natural(u)
            let t = ParametricFit.quantile(p, logSurvival: { family.logSurvival($0, natural) }, from: guess)
            guard t.isFinite, t > 0 else { return nil }
            // d ln t_p/du = (d ln S/du) / (h(t_p) t_p), by the implicit function theorem.
            let h = exp(family.logDensity(t, natural) - family.logSurvival(t, natural))
            let g = ParametricFit.gradient(family, u) { q in family.logSurvival(HyperDual(t), q) }.gradient
            return (log(t), g.map { $0 / (h * t) })
        }
        return interval(fit, quantity: quantity, confidence: confidence, budget: budget).mappedIncreasing(exp)
    }

    /// Likelihood-ratio bounds on R(t), profiled over ln(-ln R).
    public static func reliability(_ fit: ParametricFit, at t: Double, confidence: Double,
                                   budget: ProfileBudget = .standard) -> ConfidenceInterval {
        let family = fit.family
        let quantity: Quantity = { u in
            let r = ParametricFit.gradient(family, u) { q in HyperDual.log(-family.logSurvival(HyperDual(t), q)) }
            return r.value.isFinite ? r : nil
        }
        return interval(fit, quantity: quantity, confidence: confidence, budget: budget).mappedDecreasing { exp(-exp($0)) }
    }

    /// Bounds on psi (on its own scale).
    public static func interval(_ fit: ParametricFit, quantity: Quantity, confidence: Double,
                                budget: ProfileBudget = .standard, width: Double = searchWidth) -> ConfidenceInterval {
        guard let center = quantity(fit.unconstrained), center.value.isFinite else {
            return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the quantity is not defined at the estimate"])
        }
        guard !fit.diagnostics.degenerate else {
            return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the fit is degenerate (no interior maximum)"])
        }
        let likelihood = AnyLikelihood(fit)
        let drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
        let spend = budget.make()
        let slack = 1e-6 * max(1, abs(fit.logLikelihood))
        var scale = 0.1
        if let v = fit.unconstrainedCovariance {
            var variance = 0.0
            for i in center.gradient.indices { for j in center.gradient.indices { variance += center.gradient[i] * v[i, j] * center.gradient[j] } }
            if variance.isFinite && variance > 0 { scale = variance.squareRoot() * StandardNormal.quantile(0.5 + confidence / 2) / 2 }
        }
        var warm = fit.unconstrained
        func profile(_ phi: Double) throws(ProfileSearch.Stop) -> Double {
            // From the last profile point (warm) and from the estimate: the nuisance parameters of a
            // many-parameter family can have several constrained maxima, and a profile that follows
            // one of them from a warm start drops below the profile, which is the highest.
            var result = constrainedMaximum(likelihood, quantity: quantity, at: phi, from: warm, budget: spend)
            if warm != fit.unconstrained,
               let fromEstimate = constrainedMaximum(likelihood, quantity: quantity, at: phi, from: fit.unconstrained, budget: spend),
               fromEstimate.value > result?.value ?? -.infinity {
                result = fromEstimate
            }
            if let reason = spend.reason { throw .budgetSpent(reason) }
            guard let (u, value) = result else { return -.infinity }
            warm = u
            if value > fit.logLikelihood + slack { throw .aboveMaximum(value) }
            return value
        }
        return ProfileSearch(maximum: fit.logLikelihood, drop: drop)
            .interval(estimate: center.value, scale: scale, width: width, restart: { warm = fit.unconstrained }, profile: profile)
    }

    /// The maximum of the log-likelihood subject to psi(u) = phi, from `start`; nil when no feasible
    /// point with a finite log-likelihood is found.
    static func constrainedMaximum(_ likelihood: AnyLikelihood, quantity: Quantity, at phi: Double, from start: [Double],
                                   budget: ComputationBudget) -> (u: [Double], value: Double)? {
        let k = start.count
        /// Newton steps on psi(u) = phi along grad psi.
        func restored(_ u0: [Double]) -> [Double]? {
            var u = u0
            for _ in 0..<30 {
                guard let q = quantity(u) else { return nil }
                let r = q.value - phi
                if abs(r) <= 1e-11 * max(1, abs(phi)) { return u }
                let norm = q.gradient.reduce(0) { $0 + $1 * $1 }
                guard norm > 0, norm.isFinite else { return nil }
                u = zip(u, q.gradient).map { $0 - r * $1 / norm }
            }
            return nil
        }
        guard var u = restored(start) else { return nil }
        var value = likelihood.value(u)
        guard value.isFinite else { return nil }
        for _ in 0..<200 {
            guard budget.charge(k * (k + 1) / 2) else { return nil }
            let d = likelihood.derivatives(u)
            guard d.isFinite, let a = quantity(u)?.gradient else { return nil }
            var step: [Double]?
            var damping = 0.0
            let trace = max(1, (0..<k).reduce(0.0) { $0 + abs(d.hessian[$1, $1]) })
            while step == nil && damping < 1e12 * trace {
                var m = Matrix(rows: k + 1, columns: k + 1)
                for i in 0..<k {
                    for j in 0..<k { m[i, j] = -d.hessian[i, j] }
                    m[i, i] += damping
                    m[i, k] = a[i]
                    m[k, i] = a[i]
                }
                if let solution = try? m.solve(d.gradient + [0]), solution.allSatisfy(\.isFinite) {
                    let candidate = Array(solution.prefix(k))
                    // A maximum in the tangent plane needs a descent direction for -LL there.
                    let slope = zip(candidate, d.gradient).reduce(0) { $0 + $1.0 * $1.1 }
                    if slope >= -1e-12 * abs(value) { step = candidate }
                }
                damping = damping == 0 ? 1e-6 * trace : damping * 8
            }
            guard var s = step else { return (u, value) }
            let largest = s.reduce(0.0) { max($0, abs($1)) }
            if largest > 2 { s = s.map { $0 * 2 / largest } }
            var accepted = false
            for _ in 0..<40 {
                guard budget.charge() else { return nil }
                if let trial = restored(zip(u, s).map { $0 + $1 }) {
                    let v = likelihood.value(trial)
                    if v.isFinite && v >= value - 1e-13 * abs(value) {
                        let moved = zip(trial, u).reduce(0.0) { max($0, abs($1.0 - $1.1) / (1 + abs($1.1))) }
                        u = trial
                        let gain = v - value
                        value = v
                        accepted = true
                        if moved < 1e-10 || gain < 1e-12 * max(1, abs(value)) { return (u, value) }
                        break
                    }
                }
                s = s.map { $0 / 2 }
            }
            if !accepted { return (u, value) }
        }
        return (u, value)
    }
}

/// A fit's likelihood with the family type erased, for code that takes any fit.
struct AnyLikelihood {
    let value: ([Double]) -> Double
    let derivatives: ([Double]) -> LikelihoodDerivatives

    init(_ fit: ParametricFit) {
        func make<F: ParametricFamily>(_ family: F) -> (([Double]) -> Double, ([Double]) -> LikelihoodDerivatives) {
            let likelihood = CensoredLogLikelihood(family: family, sample: fit.sample)
            return (likelihood.value, likelihood.derivatives)
        }
        (value, derivatives) = make(fit.family)
    }
}
