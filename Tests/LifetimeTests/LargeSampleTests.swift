import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime
import RelmodelNumerics

/// Large samples: the convergence test must sit above the gradient's rounding noise, which grows
/// with n (a 1e-12 step threshold made correct 100,000-unit fits run to the iteration limit).
@Suite struct LargeSampleTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func weibullOnHundredThousandCensoredUnitsConverges(seed: UInt64) throws {
        var generator = Xoshiro256StarStar(seed: seed)
        var data = LifetimeData()
        let truth = LifetimeModel.weibull(eta: 1000, beta: 1.7)
        for _ in 0..<100_000 {
            let t = truth.quantile(RandomVariates.uniform01(using: &generator))
            let c = 2000 * RandomVariates.uniform01(using: &generator)   // random censoring, about 30 %
            if t <= c { try data.addFailure(at: t) } else { try data.addSuspension(at: c) }
        }
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite, "\(fit.diagnostics)")
        #expect(fit.diagnostics.iterations < 30)
        // Consistency: within 5 standard errors of the truth.
        let se = try #require(fit.standardErrors)
        #expect(abs(fit.parameters[0] - 1000) < 5 * se[0])
        #expect(abs(fit.parameters[1] - 1.7) < 5 * se[1])
        let lognormal = try MaximumLikelihood.fit(.lognormal2p, to: data)
        #expect(lognormal.diagnostics.converged)
        #expect(LifetimeAnalysis(data: data, rows: 100_000).best?.fit.family == .weibull2p)
    }
}

@Suite struct MillionUnitTests {
    /// At a million units the log-likelihood (about -5e6) rounds far above the gain of the last
    /// Newton steps: the maximiser must still converge in a few iterations, not run to its limit.
    @Test func weibullAndLognormalOnAMillionUnitsConverge() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        var data = LifetimeData()
        let truth = LifetimeModel.weibull(eta: 1000, beta: 1.5)
        let end = truth.quantile(0.7)   // Type I censoring at the 70th percentile: one suspension time
        var suspended = 0.0
        for _ in 0..<1_000_000 {
            let t = truth.quantile(RandomVariates.uniform01(using: &generator))
            if t <= end { try data.addFailure(at: t) } else { suspended += 1 }
        }
        try data.addSuspension(at: end, count: suspended)
        for family in [LifetimeFamily.weibull2p, .lognormal2p] {
            let fit = try MaximumLikelihood.fit(family, to: data)
            #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite, "\(family): \(fit.diagnostics)")
            #expect(fit.diagnostics.iterations < 20, "\(family): \(fit.diagnostics.iterations)")
        }
    }
}
