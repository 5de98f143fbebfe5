import Testing
#if canImport(Glibc)
import Glibc
#endif
import LinearAlgebra
import RelmodelNumerics
@testable import Lifetime

/// The fast paths (the Weibull profile, the location-scale Newton with analytic derivatives) are
/// specialisations of the general core: on the same data they give the same estimate and
/// log-likelihood to 1e-10 relative, for every kind of censoring.
@Suite struct CoreEqualsFastPathTests {
    static func mixedCensoring() throws -> LifetimeData {
        var data = LifetimeData()
        for (t, c) in [(35.0, 1.0), (80, 2), (120, 1), (155, 1), (210, 3), (260, 1)] { try data.addFailure(at: t, count: c) }
        for (t, c) in [(100.0, 2.0), (300, 8)] { try data.addSuspension(at: t, count: c) }
        try data.addLeftCensored(before: 20, count: 2)
        try data.addInterval(from: 50, to: 100, count: 3)
        try data.addInterval(from: 100, to: 200, count: 4)
        return data
    }

    /// NIST 8.4.1.3 (Type I), the ball bearings (complete), and every kind of censoring together.
    static func dataset(_ index: Int) throws -> LifetimeData {
        switch index {
        case 0: lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        case 1: lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        default: try mixedCensoring()
        }
    }

    @Test(arguments: [0, 1, 2])
    func weibullCoreEqualsFastPath(_ index: Int) throws {
        let data = try Self.dataset(index)
        let fast = try MaximumLikelihood.fit(.weibull2p, to: data)
        let core = try ParametricEstimation.fit(WeibullHazard(), to: data)
        #expect(core.diagnostics.converged && core.diagnostics.hessianNegativeDefinite)
        #expect(relativelyClose(core.parameters[0], fast.parameters[0], 1e-10))
        #expect(relativelyClose(core.parameters[1], fast.parameters[1], 1e-10))
        #expect(relativelyClose(core.logLikelihood, fast.logLikelihood, 1e-10))
        // The covariance of (eta, beta) is the same observed information in other coordinates.
        let a = try #require(core.covariance), b = try #require(fast.covariance)
        for i in 0..<2 { for j in 0..<2 { #expect(relativelyClose(a[i, j], b[i, j], 1e-7)) } }
    }

    @Test(arguments: [0, 1, 2])
    func lognormalCoreEqualsFastPath(_ index: Int) throws {
        let data = try Self.dataset(index)
        let fast = try MaximumLikelihood.fit(.lognormal2p, to: data)
        let core = try ParametricEstimation.fit(LognormalDistribution(), to: data)
        #expect(core.diagnostics.converged)
        #expect(relativelyClose(core.parameters[0], fast.parameters[0], 1e-10))
        #expect(relativelyClose(core.parameters[1], fast.parameters[1], 1e-10))
        #expect(relativelyClose(core.logLikelihood, fast.logLikelihood, 1e-10))
    }

    /// The likelihood's exact derivatives against central differences of its value (an independent
    /// computation: no shared code but the value).
    @Test func derivativesMatchDifferencesOfTheValue() throws {
        let likelihood = CensoredLogLikelihood(family: WeibullHazard(), sample: CensoredSample(try Self.mixedCensoring()))
        let u = [log(180.0), log(1.3)]
        let d = likelihood.derivatives(u)
        let h = 1e-5
        for i in 0..<2 {
            var plus = u, minus = u
            plus[i] += h; minus[i] -= h
            let g = (likelihood.value(plus) - likelihood.value(minus)) / (2 * h)
            #expect(abs(d.gradient[i] - g) < 1e-6 * max(1, abs(g)))
            for j in 0..<2 {
                let gp = likelihood.derivatives(plus).gradient[j], gm = likelihood.derivatives(minus).gradient[j]
                #expect(abs(d.hessian[i, j] - (gp - gm) / (2 * h)) < 1e-5 * max(1, abs(d.hessian[i, j])))
            }
        }
        #expect(abs(d.value - likelihood.value(u)) < 1e-12 * abs(d.value))
    }

    /// B-lives and reliability from the core agree with the fast path's fitted model and its Fisher bounds.
    @Test func derivedQuantitiesAgreeWithTheFastPath() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let core = try ParametricEstimation.fit(WeibullHazard(), to: data)
        let fast = try MaximumLikelihood.fit(.weibull2p, to: data)
        #expect(relativelyClose(core.quantile(0.1), fast.model.quantile(0.1), 1e-9))   // B10 164.02 h
        #expect(relativelyClose(core.reliability(300), fast.model.reliability(300), 1e-9))
        #expect(relativelyClose(core.hazard(300), fast.model.hazard(300), 1e-9))
        let b10 = core.quantile(0.1, confidence: 0.9)
        let fisher = FisherBounds.quantile(fast, probability: 0.1, confidence: 0.9)
        #expect(relativelyClose(try #require(b10.bounds.lower), try #require(fisher.lower), 1e-6))
        #expect(relativelyClose(try #require(b10.bounds.upper), try #require(fisher.upper), 1e-6))
        // Reliability on ln(-ln R), the Weibull's standardized time: the same interval.
        let r = core.reliability(at: 300, confidence: 0.9)
        let fisherR = FisherBounds.reliability(fast, at: 300, confidence: 0.9)
        #expect(relativelyClose(try #require(r.bounds.lower), try #require(fisherR.lower), 1e-6))
        #expect(relativelyClose(try #require(r.bounds.upper), try #require(fisherR.upper), 1e-6))
    }

    @Test func noFailuresAndTooFewDistinctTimesThrow() throws {
        var none = LifetimeData()
        try none.addSuspension(at: 10, count: 5)
        #expect(throws: FitFailure.noFailures) { try ParametricEstimation.fit(WeibullHazard(), to: none) }
        var one = none
        try one.addFailure(at: 3, count: 4)
        #expect(throws: FitFailure.tooFewDistinctFailures(found: 1, required: 2)) { try ParametricEstimation.fit(WeibullHazard(), to: one) }
    }
}
