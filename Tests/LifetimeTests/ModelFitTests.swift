import Testing
import LinearAlgebra
@testable import Lifetime

/// Every fitted model answers to the same names (`ModelFit`): parameters and their covariance in the
/// reported parametrisation, standard errors from that covariance, the criteria from the log-likelihood.
@Suite struct ModelFitTests {
    static func fits() throws -> [(String, any ModelFit)] {
        let shock = lifetimeDataset("shock_absorber.csv")
        return [
            ("weibull2p", try MaximumLikelihood.fit(.weibull2p, to: shock)),
            ("lognormal3p", try MaximumLikelihood.fit(.lognormal3p, to: shock)),
            ("gamma2p", try MaximumLikelihood.fit(.gamma2p, to: shock)),
            ("chen", try ParametricEstimation.fit(ChenDistribution(), to: shock)),
            ("alt", try LifeStressRegression.fit(.weibull2p, .inversePower, to: stressLevels("nelson_insulating_fluid_voltage.csv"))),
        ]
    }

    @Test func sharedShape() throws {
        let fits = try Self.fits()
        #expect(fits.filter { $0.1.diagnostics.isReliable }.count == 4)
        for (name, fit) in fits {
            let k = fit.parameters.count
            #expect(fit.parameterNames.count == k, "\(name)")
            // A degenerate fit (lognormal3p here falls back to gamma = 0) reports no covariance.
            guard fit.diagnostics.isReliable else {
                #expect(fit.covariance == nil && fit.standardErrors == nil, "\(name)")
                continue
            }
            let c = try #require(fit.covariance, "\(name)")
            #expect(c.rows == k && c.columns == k, "\(name)")
            let se = try #require(fit.standardErrors)
            for i in 0..<k { #expect(se[i] == c[i, i].squareRoot(), "\(name)") }
            #expect(fit.aic == 2 * Double(fit.parameterCount) - 2 * fit.logLikelihood, "\(name)")
            #expect(fit.parameter(fit.parameterNames[k - 1]) == fit.parameters[k - 1])
            #expect(fit.parameter("no such parameter") == nil)
        }
    }

    /// ALT: the reported parameters are (intercept, exponent, sigma); their covariance is the fit's covariance of
    /// (b0, b1, ln sigma) with the last row and column multiplied by sigma (d sigma / d ln sigma).
    /// The shape's standard error in the JSON (`reportedScale`) is se(sigma) / sigma², as before.
    @Test func lifeStressReportsSigma() throws {
        let fit = try LifeStressRegression.fit(.weibull2p, .inversePower, to: stressLevels("nelson_insulating_fluid_voltage.csv"))
        #expect(fit.parameterNames == ["intercept", "exponent", "sigma"])
        #expect(fit.parameters == fit.coefficients + [fit.sigma])
        let v = try #require(fit.internalCovariance), c = try #require(fit.covariance)
        let scale = [1, 1, fit.sigma]
        for i in 0..<3 { for j in 0..<3 { #expect(abs(c[i, j] - scale[i] * v[i, j] * scale[j]) <= 1e-15 * abs(c[i, j])) } }
        let reported = try #require(fit.reportedScale(confidence: 0.95))
        let seSigma = try #require(fit.standardErrors)[2]
        #expect(abs(try #require(reported.standardError) - seSigma / (fit.sigma * fit.sigma)) < 1e-12)
    }
}
