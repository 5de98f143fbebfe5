import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime
import RelmodelNumerics

/// Maximum-likelihood fits of every family on the Lieblein-Zelen bearings (23 complete failures).
/// References: REF values of datasets/README.md for the 3-parameter Weibull; for the other families,
/// an independent computation with SciPy (scipy.optimize.minimize, Nelder-Mead with xatol 1e-12 run
/// twice, on the negative sum of scipy.stats logpdf: gamma, fisk = log-logistic, lognorm, gumbel_l =
/// smallest extreme value), agreeing with relmodel to the 7 digits compared here.
@Suite struct FamilyFitTests {
    let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")

    func check(_ family: LifetimeFamily, _ expected: [Double], logLikelihood: Double, tolerance: Double = 2e-6) throws {
        let fit = try MaximumLikelihood.fit(family, to: data)
        #expect(fit.diagnostics.converged, "\(family): \(fit.diagnostics.notes)")
        for (value, reference) in zip(fit.parameters, expected) {
            #expect(close(value, reference, tolerance * max(1, abs(reference))), "\(family): \(fit.parameters) vs \(expected)")
        }
        #expect(close(fit.logLikelihood, logLikelihood, 1e-6 * abs(logLikelihood)), "\(family): \(fit.logLikelihood)")
    }

    @Test func weibull3pReference() throws {
        try check(.weibull3p, [63.8723, 1.59400, 14.8783], logLikelihood: -112.85024, tolerance: 1e-5)
        let fit = try MaximumLikelihood.fit(.weibull3p, to: data)
        #expect(fit.diagnostics.hessianNegativeDefinite && !fit.diagnostics.likelihoodUnbounded)
        // Standard errors of (eta, beta, gamma): inverse of the observed information computed with
        // mpmath at 40 digits (the estimate refined by findroot on the gradient, the Hessian by
        // mp.diff): 11.26988706, 0.3523506516, 5.080546505.
        let se = try #require(fit.standardErrors)
        for (value, reference) in zip(se, [11.26988706, 0.3523506516, 5.080546505]) {
            #expect(abs(value / reference - 1) < 1e-6, "\(se)")
        }
    }

    @Test func gammaFamilies() throws {
        try check(.gamma2p, [4.02470633, 17.94438234], logLikelihood: -113.02981884)
        try check(.gamma3p, [2.85870512, 22.02807516, 9.24909762], logLikelihood: -112.91403103, tolerance: 2e-5)
    }

    /// On complete data the gamma's observed information at the estimate is closed form,
    /// n [[psi'(k), 1/theta], [1/theta, k/theta^2]] in (shape k, scale theta); the central-difference
    /// covariance must match its inverse.
    @Test func gammaStandardErrorsAgainstTheClosedFormInformation() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: data)
        let (k, theta, n) = (fit.parameters[0], fit.parameters[1], data.unitCount)
        let a = n * trigamma(k), b = n / theta, c = n * k / (theta * theta)
        let determinant = a * c - b * b
        let se = try #require(fit.standardErrors)
        #expect(abs(se[0] / (c / determinant).squareRoot() - 1) < 1e-6, "shape SE \(se[0])")
        #expect(abs(se[1] / (a / determinant).squareRoot() - 1) < 1e-6, "scale SE \(se[1])")
    }

    @Test func logLogisticFamilies() throws {
        try check(.loglogistic2p, [63.9947118, 3.34658006], logLikelihood: -113.37301180)
        try check(.loglogistic3p, [65.17837862, 3.41206741, -1.11353371], logLikelihood: -113.37197604, tolerance: 2e-5)
    }

    @Test func lognormal3pInteriorMaximumIsReportedWithItsCaveat() throws {
        try check(.lognormal3p, [log(75.24707782), 0.4378867, -10.49436496], logLikelihood: -113.02017241, tolerance: 2e-5)
        // The lognormal likelihood is unbounded as gamma -> t_min; the interior maximum is reported and flagged.
        let fit = try MaximumLikelihood.fit(.lognormal3p, to: data)
        #expect(fit.diagnostics.likelihoodUnbounded)
        #expect(fit.diagnostics.notes.contains { $0.contains("grows without bound") })
    }

    /// The normal MLE is the sample mean and the standard deviation with divisor n.
    @Test func normalClosedForm() throws {
        let t = data.failureTimes
        let n = Double(t.count)
        let mean = t.reduce(0, +) / n
        let sd = (t.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        var ll = 0.0
        for x in t { ll += -0.5 * pow((x - mean) / sd, 2) - log(sd * (2 * Double.pi).squareRoot()) }
        try check(.normal, [mean, sd], logLikelihood: ll, tolerance: 1e-9)
    }

    @Test func gumbelReference() throws {
        try check(.gumbel, [92.02086397, 42.7958823], logLikelihood: -120.03937113)
    }

    /// exponential2p on complete data: gamma = t_min, lambda = n / sum(t - t_min).
    @Test func exponential2pClosedForm() throws {
        let t = data.failureTimes
        let tMin = t.min()!
        let total = t.reduce(0) { $0 + $1 - tMin }
        let lambda = Double(t.count) / total
        try check(.exponential2p, [lambda, tMin], logLikelihood: Double(t.count) * log(lambda) - lambda * total, tolerance: 1e-12)
    }

    /// A sample with a decreasing hazard: the Weibull 3-parameter likelihood grows without bound as
    /// gamma -> t_min; this must be reported, never returned as an ordinary estimate.
    @Test func unboundedThresholdLikelihoodIsReported() throws {
        var d = LifetimeData()
        for t in [1.0, 1.1, 1.5, 3, 8, 20, 60, 200, 700, 2500] { try d.addFailure(at: t) }
        let fit = try MaximumLikelihood.fit(.weibull3p, to: d)
        #expect(fit.diagnostics.likelihoodUnbounded)
        #expect(!fit.diagnostics.notes.isEmpty)
    }

    @Test func fitAllRanksEveryFamilyAndNeverStops() {
        let analysis = LifetimeAnalysis(data: data, rows: 23, options: LifetimeAnalysisOptions(families: LifetimeFamily.allCases))
        #expect(analysis.outcomes.count == LifetimeFamily.allCases.count)
        #expect(analysis.best?.fit.family == .gamma2p)   // smallest AICc: 230.6596
    }
}
