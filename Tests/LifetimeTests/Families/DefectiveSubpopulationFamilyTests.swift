import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// `weibull-lfp` and `lognormal-lfp` on the general core.
@Suite struct DefectiveSubpopulationFamilyTests {
    /// Meeker (1987) integrated circuits, 4156 units, 28 failures by 1370 h. REF (oracles README):
    /// Weibull p 0.0067445, eta 28.367 h, beta 0.49598, LL -293.03289; lognormal p 0.0069143,
    /// LL -292.82252 (LL to 5e-6, the others at their printed digits). p to 1e-6 relative against
    /// scripts/reference/mixture_reference.py (SciPy, gradient below 1e-8): Weibull p 0.006744450949,
    /// lognormal p 0.006914293876.
    @Test func icWeibull() throws {
        let fit = try ParametricEstimation.fit(DefectiveSubpopulationFamily.weibull, to: lifetimeDataset("ic_lfp1370.csv"))
        #expect(fit.name == "weibull-lfp" && fit.parameterNames == ["p", "eta", "beta"])
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite && !fit.diagnostics.degenerate)
        #expect(relativelyClose(fit.parameters[0], 0.006744450949, 1e-6))
        #expect(close(fit.parameters[0], 0.0067445, 0.00000005))
        #expect(close(fit.parameters[1], 28.367, 0.0005))
        #expect(close(fit.parameters[2], 0.49598, 0.000005))
        #expect(close(fit.logLikelihood, -293.03289, 5e-6))
    }

    @Test func icLognormal() throws {
        let fit = try ParametricEstimation.fit(DefectiveSubpopulationFamily.lognormal, to: lifetimeDataset("ic_lfp1370.csv"))
        #expect(fit.parameterNames == ["p", "mu", "sigma"])
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite)
        #expect(relativelyClose(fit.parameters[0], 0.006914293876, 1e-6))
        #expect(close(fit.parameters[0], 0.0069143, 0.00000005))
        #expect(close(fit.logLikelihood, -292.82252, 5e-6))
    }

    /// Each IC failure turned into an interval (t (1 - d), t (1 + d)], d = 1e-4: the interval likelihood
    /// is the exact one times the width to O(d^2), so the estimates agree to about d^2.
    @Test func narrowIntervalsGiveTheExactEstimate() throws {
        let exact = lifetimeDataset("ic_lfp1370.csv")
        var narrow = LifetimeData()
        for (t, c) in zip(exact.failureTimes, exact.failureCounts) { try narrow.addInterval(from: t * (1 - 1e-4), to: t * (1 + 1e-4), count: c) }
        for (t, c) in zip(exact.suspensionTimes, exact.suspensionCounts) { try narrow.addSuspension(at: t, count: c) }
        let a = try ParametricEstimation.fit(DefectiveSubpopulationFamily.weibull, to: exact)
        let b = try ParametricEstimation.fit(DefectiveSubpopulationFamily.weibull, to: narrow)
        #expect(b.diagnostics.converged)
        for i in 0..<3 { #expect(relativelyClose(b.parameters[i], a.parameters[i], 1e-6)) }
    }

    /// Readout data (left- and interval-censored failures, survivors at the last readout) fit, and the
    /// exact derivatives of the LFP likelihood on them equal central differences of its value.
    @Test func readoutDataAndDerivatives() throws {
        var data = LifetimeData()
        try data.addLeftCensored(before: 1, count: 6)
        for (a, b, c) in [(1.0, 4.0, 5.0), (4, 12, 6), (12, 48, 5), (48, 168, 4), (168, 1000, 3)] { try data.addInterval(from: a, to: b, count: c) }
        try data.addSuspension(at: 1000, count: 2000)
        let family = DefectiveSubpopulationFamily.weibull
        let fit = try ParametricEstimation.fit(family, to: data)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite)
        #expect(fit.parameters[0] > 29.0 / 2029 && fit.parameters[0] < 0.1 && fit.parameters[2] < 1)
        let likelihood = CensoredLogLikelihood(family: family, sample: CensoredSample(data))
        let u = [-4.0, log(20.0), log(0.6)]
        let d = likelihood.derivatives(u)
        let h = 1e-5
        for i in 0..<3 {
            var plus = u, minus = u
            plus[i] += h; minus[i] -= h
            #expect(abs(d.gradient[i] - (likelihood.value(plus) - likelihood.value(minus)) / (2 * h)) < 1e-6 * max(1, abs(d.gradient[i])))
            let gp = likelihood.derivatives(plus).gradient, gm = likelihood.derivatives(minus).gradient
            for j in 0..<3 { #expect(abs(d.hessian[i, j] - (gp[j] - gm[j]) / (2 * h)) < 1e-5 * max(1, abs(d.hessian[i, j]))) }
        }
    }

    /// ln S = ln((1 - p) + p S0) stays accurate where p F0 is tiny and where it is near 1.
    @Test func survivalIsAccurateInBothTails() {
        let family = DefectiveSubpopulationFamily.weibull
        // p F0 = 1e-3 (1 - e^-(1e-12)) ~ 1e-15: ln S = -1e-15 to full relative precision.
        #expect(relativelyClose(family.logSurvival(1e-12, [1e-3, 1.0, 1.0]), -1e-3 * -expm1(-1e-12), 1e-12))
        // p = 1 - 1e-9, S0 = e^-30: S = 1e-9 + (1 - 1e-9) e^-30.
        let s = 1e-9 + (1 - 1e-9) * exp(-30.0)
        #expect(relativelyClose(family.logSurvival(30, [1 - 1e-9, 1.0, 1.0]), log(s), 1e-7))
    }

    @Test func catalogNames() {
        #expect(FamilyCatalog.family(named: "weibull-lfp")?.parameterNames == ["p", "eta", "beta"])
        #expect(FamilyCatalog.family(named: "lognormal-lfp")?.parameterNames == ["p", "mu", "sigma"])
    }
}
