import Testing
@testable import Lifetime

/// Issue 10, item 1: the parametric bootstrap of a family whose support reaches below 0 (normal,
/// Gumbel, a threshold family with a negative threshold) used to trap when a replicate drew a negative
/// time. The replicate now keeps the model's own draws and the refit sees the fitted law.
@Suite struct BootstrapSupportTests {
    let nist = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    @Test(arguments: [LifetimeFamily.normal, .gumbel, .lognormal3p])
    func familiesWithSupportBelowZero(_ family: LifetimeFamily) throws {
        let fit = try MaximumLikelihood.fit(family, to: nist)
        // The fitted law puts probability below 0, so replicates of 20 units draw negative times often.
        #expect(fit.model.reliability(0) < 1 || fit.model.threshold < 0)
        let result = try #require(ParametricBootstrap(replicates: 200, seed: 7).run(fit, data: nist) { $0.parameters })
        #expect(result.failedReplicates < 20)
        for k in fit.parameters.indices {
            let interval = result.interval(k, confidence: 0.9)
            let lower = try #require(interval.lower), upper = try #require(interval.upper)
            #expect(lower < fit.parameters[k] && fit.parameters[k] < upper, "\(family) parameter \(k): [\(lower), \(upper)]")
        }
    }

    /// The normal bootstrap of mu on complete normal data has a known law: the MLE of mu is the sample
    /// mean, so the replicate means are N(mu_hat, sigma_hat^2 / n) and the 90 % percentile interval is
    /// close to mu_hat -+ 1.645 sigma_hat / sqrt(n); samples that reach below 0 must not change that.
    @Test func normalMeanFollowsItsExactLaw() throws {
        var data = LifetimeData()
        for t in [1.0, 3, 4, 6, 7, 8, 9, 11, 12, 15] { try data.addFailure(at: t) }   // mean 7.6, sd (MLE) 3.83
        let fit = try MaximumLikelihood.fit(.normal, to: data)
        #expect(fit.model.reliability(0) < 0.99)   // about 2.4 % of each draw is negative
        let result = try #require(ParametricBootstrap(replicates: 4000, seed: 3).run(fit, data: data) { $0.parameters })
        #expect(result.failedReplicates == 0)
        let half = 1.6448536269514722 * fit.model.sigma / 10.0.squareRoot()
        let interval = result.interval(0, confidence: 0.9)
        // A 5 % percentile of 4000 replicates has a standard error of sqrt(0.05 * 0.95 / 4000) / phi(1.645)
        // = 0.033 standard deviations of mu_hat, 0.02 of `half`: the bound is two of them (the seed is fixed).
        #expect(abs(try #require(interval.lower) - (fit.model.mu - half)) < 0.04 * half)
        #expect(abs(try #require(interval.upper) - (fit.model.mu + half)) < 0.04 * half)
    }
}
