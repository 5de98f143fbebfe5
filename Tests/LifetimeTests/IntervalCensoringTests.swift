import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// Readout (inspection) data: 2 failures in (0, 168], 3 in (168, 500], 4 in (500, 1000] and 991
/// survivors at 1000 h. The log-likelihood is written here independently,
/// LL = 2 ln F(168) + 3 ln(F(500) - F(168)) + 4 ln(F(1000) - F(500)) + 991 ln S(1000),
/// and the estimate must be a stationary point of it (central differences) with a negative definite
/// Hessian, at the same value.
@Suite struct IntervalCensoringTests {
    static func readout() throws -> LifetimeData {
        var d = LifetimeData()
        try d.addInterval(from: 0, to: 168, count: 2)
        try d.addInterval(from: 168, to: 500, count: 3)
        try d.addInterval(from: 500, to: 1000, count: 4)
        try d.addSuspension(at: 1000, count: 991)
        return d
    }

    func handLL(_ cdf: (Double) -> Double) -> Double {
        2 * log(cdf(168)) + 3 * log(cdf(500) - cdf(168)) + 4 * log(cdf(1000) - cdf(500)) + 991 * log(1 - cdf(1000))
    }

    func checkStationary(_ family: LifetimeFamily, _ cdf: @escaping (Double, Double, Double) -> Double) throws {
        let fit = try MaximumLikelihood.fit(family, to: Self.readout())
        #expect(fit.diagnostics.isReliable, "\(fit.diagnostics)")
        let p = fit.parameters
        let f = { (a: Double, b: Double) in handLL { cdf($0, a, b) } }
        #expect(relativelyClose(fit.logLikelihood, f(p[0], p[1]), 1e-10))
        let h0 = 1e-5 * abs(p[0]), h1 = 1e-5 * abs(p[1])
        let g0 = (f(p[0] + h0, p[1]) - f(p[0] - h0, p[1])) / (2 * h0)
        let g1 = (f(p[0], p[1] + h1) - f(p[0], p[1] - h1)) / (2 * h1)
        #expect(abs(g0 * p[0]) < 1e-5 && abs(g1 * p[1]) < 1e-5, "gradient \(g0), \(g1)")
        let a = (f(p[0] + h0, p[1]) - 2 * f(p[0], p[1]) + f(p[0] - h0, p[1])) / (h0 * h0)
        let c = (f(p[0], p[1] + h1) - 2 * f(p[0], p[1]) + f(p[0], p[1] - h1)) / (h1 * h1)
        let b = (f(p[0] + h0, p[1] + h1) - f(p[0] + h0, p[1] - h1) - f(p[0] - h0, p[1] + h1) + f(p[0] - h0, p[1] - h1)) / (4 * h0 * h1)
        #expect(a < 0 && a * c - b * b > 0)
    }

    @Test func weibull() throws {
        try checkStationary(.weibull2p) { t, eta, beta in -expm1(-pow(t / eta, beta)) }
    }

    @Test func lognormal() throws {
        try checkStationary(.lognormal2p) { t, mu, sigma in 0.5 * erfc(-(log(t) - mu) / sigma / 2.0.squareRoot()) }
    }

    @Test func exponential() throws {
        let fit = try MaximumLikelihood.fit(.exponential1p, to: Self.readout())
        let lambda = fit.parameters[0]
        let f = { (l: Double) in self.handLL { -expm1(-l * $0) } }
        let h = 1e-6 * lambda
        #expect(abs((f(lambda + h) - f(lambda - h)) / (2 * h) * lambda) < 1e-5)
        #expect(relativelyClose(fit.logLikelihood, f(lambda), 1e-10))
    }

    /// Left-censored observations are intervals starting at 0: both spellings give one fit.
    @Test func leftCensoringIsAnIntervalFromZero() throws {
        let a = try Self.readout()
        var b = LifetimeData()
        try b.addLeftCensored(before: 168, count: 2)
        try b.addInterval(from: 168, to: 500, count: 3)
        try b.addInterval(from: 500, to: 1000, count: 4)
        try b.addSuspension(at: 1000, count: 991)
        #expect(a == b)
    }

    /// Data that stops Python's reliability package (Fit_Everything fails on it): failures at 2, 8 x 9,
    /// 9 x 5, 20 x 10 and 75 suspensions at 20. Every family gets either a converged fit or its reason,
    /// and the ranking is complete.
    @Test func tiedDataThatBreaksPythonReliability() throws {
        var d = LifetimeData()
        try d.addFailure(at: 2)
        try d.addFailure(at: 8, count: 9)
        try d.addFailure(at: 9, count: 5)
        try d.addFailure(at: 20, count: 10)
        try d.addSuspension(at: 20, count: 75)
        let analysis = LifetimeAnalysis(data: d, rows: 5, options: LifetimeAnalysisOptions(families: LifetimeFamily.allCases))
        #expect(analysis.outcomes.count == LifetimeFamily.allCases.count)
        #expect(analysis.best != nil)
        for outcome in analysis.outcomes {
            if case let .fitted(s) = outcome {
                #expect(s.fit.logLikelihood.isFinite, "\(s.fit.family)")
                #expect(s.fit.parameters.allSatisfy(\.isFinite) || !s.fit.diagnostics.converged, "\(s.fit.family)")
            }
        }
    }
}
