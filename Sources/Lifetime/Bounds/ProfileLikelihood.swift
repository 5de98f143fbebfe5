#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Profile log-likelihoods of a location-scale model under one linear constraint, the building block
/// of every likelihood-ratio bound.
///
/// Each quantity relmodel bounds fixes one function of (mu, sigma):
/// - mu itself (eta, lambda, lognormal mu): mu = a, maximise over s;
/// - a quantile, log t_p = mu + sigma z_p: mu = a - z_p sigma, maximise over s;
/// - reliability at t, u = (log t - mu) / sigma: mu = log t - u sigma, maximise over s;
/// - sigma itself (beta, lognormal sigma): s fixed, maximise over mu.
/// The inner maximisations are one-dimensional Newton iterations with step halving, using the analytic
/// gradient and Hessian through the chain rule: with mu(s) = a - b e^s, dmu/ds = -b sigma and
/// d2l/ds2 = H_mumu b^2 sigma^2 - 2 H_mus b sigma + H_ss - g_mu b sigma.
struct ProfileLikelihood<Likelihood: LocationScaleSurface> {
    let likelihood: Likelihood

    /// max over s of l(a - b e^s, s), starting from `s`. Nil when no maximum is found.
    func maximizeOverScale(a: Double, b: Double, from start: Double) -> (value: Double, s: Double)? {
        var s = start
        var current = likelihood.evaluate(mu: a - b * exp(s), s: s)
        guard current.value.isFinite else { return nil }
        for _ in 0..<200 {
            let sigma = exp(s)
            let g = current.gradient, h = current.hessian
            let d1 = -g.mu * b * sigma + g.s
            let d2 = h.mumu * b * b * sigma * sigma - 2 * h.mus * b * sigma + h.ss - g.mu * b * sigma
            var step = d2 < 0 ? -d1 / d2 : (d1 > 0 ? 0.5 : -0.5)
            step = max(-1, min(1, step))
            var accepted = false
            for _ in 0..<60 {
                let trial = likelihood.evaluate(mu: a - b * exp(s + step), s: s + step)
                if trial.value.isFinite && trial.value >= current.value - 1e-13 * abs(current.value) {
                    s += step
                    current = trial
                    accepted = true
                    break
                }
                step /= 2
            }
            if !accepted { return (current.value, s) }
            if abs(step) < 1e-11 * (1 + abs(s)) { return (current.value, s) }
        }
        return nil
    }

    /// max over mu of l(mu, s) at fixed s, starting from `mu`: the maximiser's own fixed-scale search
    /// (concave in mu for log-concave Z). Nil when it stops without converging.
    func maximizeOverLocation(s: Double, from start: Double) -> (value: Double, mu: Double)? {
        let result = LocationScaleMaximizer(likelihood: likelihood).maximizeLocation(mu: start, s: s)
        guard result.evaluation.value.isFinite, result.converged else { return nil }
        return (result.evaluation.value, result.mu)
    }
}
