import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

@Suite struct FixedParametersTests {
    let nist = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    /// A known lognormal sigma: mu alone is estimated, one parameter counts, sigma has no bounds,
    /// and mu maximises the log-likelihood written here by hand (central difference of it is zero).
    @Test func fixedLognormalSigma() throws {
        let fixed = try FixedParameters.parse([("sigma", 0.8)], for: .lognormal2p).get()
        let fit = try MaximumLikelihood.fit(.lognormal2p, to: nist, fixed: fixed)
        #expect(fit.parameters[1] == 0.8 && fit.parameterCount == 1)
        func ll(_ mu: Double) -> Double {
            var total = 0.0
            for t in nist.failureTimes { let z = (log(t) - mu) / 0.8; total += -0.5 * z * z - log(0.8 * t * (2 * Double.pi).squareRoot()) }
            return total + 10 * log(0.5 * erfc((log(500.0) - mu) / 0.8 / 2.0.squareRoot()))
        }
        let mu = fit.parameters[0], h = 1e-6
        #expect(abs((ll(mu + h) - ll(mu - h)) / (2 * h)) < 1e-6)
        #expect(relativelyClose(fit.logLikelihood, ll(mu), 1e-12))
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        #expect(bounds[1].lower == nil && bounds[1].upper == nil)
        #expect(bounds[0].lower! < mu && mu < bounds[0].upper!)
    }

    /// A known threshold: the two-parameter fit to t - gamma, reported as the three-parameter family.
    @Test func fixedThreshold() throws {
        let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        let fixed = try FixedParameters.parse([("gamma", 10)], for: .weibull3p).get()
        let fit = try MaximumLikelihood.fit(.weibull3p, to: data, fixed: fixed)
        var shifted = LifetimeData()
        for t in data.failureTimes { try shifted.addFailure(at: t - 10) }
        let reference = try MaximumLikelihood.fit(.weibull2p, to: shifted)
        #expect(relativelyClose(fit.parameters[0], reference.parameters[0], 1e-10))
        #expect(relativelyClose(fit.parameters[1], reference.parameters[1], 1e-10))
        #expect(fit.parameters[2] == 10 && fit.parameterCount == 2)
        #expect(relativelyClose(fit.logLikelihood, reference.logLikelihood, 1e-12))
        // Fisher bounds of eta equal the two-parameter fit's; gamma has none.
        let b = fit.parameterBounds(.fisher, confidence: 0.95), r = reference.parameterBounds(.fisher, confidence: 0.95)
        #expect(relativelyClose(b[0].lower!, r[0].lower!, 1e-8))
        #expect(b[2].lower == nil)
    }

    @Test func impossibleFixingsAreReasons() {
        if case .success = FixedParameters.parse([("sigma", 1)], for: .weibull2p) { Issue.record("weibull2p has no sigma") }
        if case .success = FixedParameters.parse([("beta", -1)], for: .weibull2p) { Issue.record("negative beta accepted") }
        let fixed = FixedParameters(sigma: 0.5)
        #expect(throws: FitFailure.self) { try MaximumLikelihood.fit(.weibull3p, to: nist, fixed: fixed) }
        #expect(throws: FitFailure.self) { try MaximumLikelihood.fit(.weibull3p, to: nist, fixed: FixedParameters(threshold: 60)) }
    }
}
