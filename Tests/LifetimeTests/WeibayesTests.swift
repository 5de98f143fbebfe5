import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

@Suite struct WeibayesTests {
    /// Zero failures: 10 units run 500 h without failing, beta 2, 90 % confidence:
    /// eta_L = (2 * 10 * 500^2 / (-2 ln 0.1))^(1/2) = (2.5e6 / ln 10)^(1/2).
    @Test func zeroFailureLowerBound() throws {
        var d = LifetimeData()
        try d.addSuspension(at: 500, count: 10)
        let bound = try #require(Weibayes.lowerBoundOnEta(d, shape: 2, confidence: 0.9))
        #expect(relativelyClose(bound, (2.5e6 / log(10.0)).squareRoot(), 1e-12))
        #expect(throws: FitFailure.noFailures) { try Weibayes.fit(d, shape: 2) }
    }

    /// With failures the fixed-shape MLE is eta = (sum t^beta / r)^(1/beta), one estimated parameter.
    @Test func fixedShapeMaximumLikelihood() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let beta = 2.0
        var total = 0.0
        for (t, w) in zip(data.failureTimes, data.failureCounts) { total += w * pow(t, beta) }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) { total += w * pow(t, beta) }
        let fit = try Weibayes.fit(data, shape: beta)
        #expect(relativelyClose(fit.parameters[0], pow(total / 10, 1 / beta), 1e-12))
        #expect(fit.parameters[1] == beta)
        #expect(fit.parameterCount == 1)
        #expect(relativelyClose(fit.aic, 2 - 2 * fit.logLikelihood, 1e-15))
        // var(eta) = eta^2 / (beta^2 r): mu = ln eta has information r / sigma^2 = r beta^2.
        let se = try #require(fit.standardErrors)
        #expect(relativelyClose(se[0], fit.parameters[0] / (beta * 10.0.squareRoot()), 1e-9))
        #expect(se[1] == 0)
        let bound = try #require(Weibayes.lowerBoundOnEta(data, shape: beta, confidence: 0.95))
        #expect(bound < fit.parameters[0])
    }
}
