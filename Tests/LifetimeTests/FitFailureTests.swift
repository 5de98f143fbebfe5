import Testing
@testable import Lifetime

/// Data without a maximum-likelihood estimate gets a diagnostic, never a number.
@Suite struct FitFailureTests {
    @Test(arguments: LifetimeFamily.allCases)
    func noFailures(family: LifetimeFamily) throws {
        var data = LifetimeData()
        try data.addSuspension(at: 100, count: 5)
        #expect(throws: FitFailure.noFailures) { try MaximumLikelihood.fit(family, to: data) }
    }

    @Test func singleDistinctFailureTime() throws {
        var data = LifetimeData()
        try data.addFailure(at: 50, count: 3)
        try data.addSuspension(at: 100, count: 5)
        #expect(throws: FitFailure.tooFewDistinctFailures(found: 1, required: 2)) {
            try MaximumLikelihood.fit(.weibull2p, to: data)
        }
        #expect(throws: FitFailure.tooFewDistinctFailures(found: 1, required: 2)) {
            try MaximumLikelihood.fit(.lognormal2p, to: data)
        }
        // One failure is enough for the exponential: lambda = 3 / (150 + 500).
        let fit = try MaximumLikelihood.fit(.exponential1p, to: data)
        #expect(relativelyClose(fit.parameters[0], 3.0 / 650.0, 1e-12))
    }

    @Test func failureAtTimeZero() throws {
        var data = LifetimeData()
        try data.addFailure(at: 0)
        try data.addFailure(at: 10)
        try data.addFailure(at: 20)
        #expect(throws: FitFailure.failureAtTimeZero(family: .weibull2p)) {
            try MaximumLikelihood.fit(.weibull2p, to: data)
        }
    }

    /// A suspension at time 0 contributes nothing and must not poison the fit.
    @Test func suspensionAtTimeZeroIsHarmless() throws {
        var with = LifetimeData(), without = LifetimeData()
        for t in [10.0, 25, 40, 70] { try with.addFailure(at: t); try without.addFailure(at: t) }
        try with.addSuspension(at: 0, count: 3)
        let a = try MaximumLikelihood.fit(.weibull2p, to: with), b = try MaximumLikelihood.fit(.weibull2p, to: without)
        #expect(relativelyClose(a.parameters[0], b.parameters[0], 1e-12))
        #expect(relativelyClose(a.logLikelihood, b.logLikelihood, 1e-12))
    }
}
