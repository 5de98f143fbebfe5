import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime
import RelmodelNumerics

@Suite struct BootstrapTests {
    let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")

    /// Complete exponential data: the bootstrap rate is n lambda / G with G ~ Gamma(n, 1), so its
    /// p-percentile is n lambda / G_(1-p), from the inverse incomplete gamma function. With 4000
    /// replicates the percentile's Monte Carlo error is about 2 %.
    @Test func exponentialRateMatchesItsExactBootstrapDistribution() throws {
        let fit = try MaximumLikelihood.fit(.exponential1p, to: data)
        let lambda = fit.parameters[0], n = 23.0
        let result = try #require(ParametricBootstrap(replicates: 4000, seed: 7).run(fit, data: data) { $0.parameters })
        #expect(result.failedReplicates == 0)
        let interval = result.interval(0, confidence: 0.9)
        let exactLower = n * lambda / inverseRegularizedGammaP(n, 0.95)
        let exactUpper = n * lambda / inverseRegularizedGammaP(n, 0.05)
        #expect(relativelyClose(try #require(interval.lower), exactLower, 0.03))
        #expect(relativelyClose(try #require(interval.upper), exactUpper, 0.03))
    }

    /// Replicate i has its own seeded generator: runs are bit-identical whatever the scheduling.
    @Test func sameSeedSameResult() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        let d = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let a = try #require(ParametricBootstrap(replicates: 200, seed: 3).run(fit, data: d) { $0.parameters })
        let b = try #require(ParametricBootstrap(replicates: 200, seed: 3).run(fit, data: d) { $0.parameters })
        let c = try #require(ParametricBootstrap(replicates: 200, seed: 4).run(fit, data: d) { $0.parameters })
        #expect(a.samples == b.samples)
        #expect(a.samples != c.samples)
        #expect(a.samples[0].count + a.failedReplicates == 200)
    }

    @Test func percentileInterpolatesOrderStatistics() {
        #expect(ParametricBootstrap.Result.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(ParametricBootstrap.Result.percentile([1, 2, 3, 4, 5], 0.125) == 1.5)
    }

    @Test func intervalDataIsRefusedNotGuessed() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: IntervalCensoringTests.readout())
        #expect(try ParametricBootstrap(replicates: 10).run(fit, data: IntervalCensoringTests.readout()) { $0.parameters } == nil)
    }
}
