import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// The analytic gradient and Hessian of the censored log-likelihood against central finite
/// differences of the log-likelihood itself, on data mixing every censoring type.
@Suite struct LikelihoodDerivativeTests {
    static func mixedData() throws -> LifetimeData {
        var data = LifetimeData()
        for t in [12.0, 35, 61, 88, 140] { try data.addFailure(at: t) }
        try data.addFailure(at: 70, count: 3)
        try data.addSuspension(at: 150, count: 4)
        try data.addSuspension(at: 20)
        try data.addLeftCensored(before: 10, count: 2)
        try data.addInterval(from: 40, to: 60, count: 3)
        try data.addInterval(from: 100, to: 168)
        return data
    }

    func check<Z: StandardDistribution>(_: Z.Type, mu: Double, s: Double) throws {
        let likelihood = LocationScaleLikelihood<Z>(PreparedSample(try Self.mixedData(), logScale: true))
        let ev = likelihood.evaluate(mu: mu, s: s)
        let h = 1e-5
        func ll(_ m: Double, _ ss: Double) -> Double { likelihood.logLikelihood(mu: m, sigma: exp(ss)) }
        #expect(relativelyClose(ev.value, ll(mu, s), 1e-13))
        let gMu = (ll(mu + h, s) - ll(mu - h, s)) / (2 * h)
        let gS = (ll(mu, s + h) - ll(mu, s - h)) / (2 * h)
        #expect(close(ev.gradient.mu, gMu, 1e-6 * max(1, abs(gMu))))
        #expect(close(ev.gradient.s, gS, 1e-6 * max(1, abs(gS))))
        func grad(_ m: Double, _ ss: Double) -> (Double, Double) {
            let e = likelihood.evaluate(mu: m, s: ss)
            return (e.gradient.mu, e.gradient.s)
        }
        let hMuMu = (grad(mu + h, s).0 - grad(mu - h, s).0) / (2 * h)
        let hMuS = (grad(mu, s + h).0 - grad(mu, s - h).0) / (2 * h)
        let hSS = (grad(mu, s + h).1 - grad(mu, s - h).1) / (2 * h)
        #expect(close(ev.hessian.mumu, hMuMu, 1e-6 * max(1, abs(hMuMu))))
        #expect(close(ev.hessian.mus, hMuS, 1e-6 * max(1, abs(hMuS))))
        #expect(close(ev.hessian.ss, hSS, 1e-6 * max(1, abs(hSS))))
    }

    @Test(arguments: [(4.5, -0.3), (5.0, 0.2), (3.0, -1.0)])
    func smallestExtremeValue(mu: Double, s: Double) throws { try check(SmallestExtremeValue.self, mu: mu, s: s) }

    @Test(arguments: [(4.5, -0.3), (5.0, 0.2), (3.0, -1.0)])
    func normal(mu: Double, s: Double) throws { try check(NormalStandard.self, mu: mu, s: s) }

    @Test(arguments: [(4.5, -0.3), (5.0, 0.2), (3.0, -1.0)])
    func logistic(mu: Double, s: Double) throws { try check(LogisticStandard.self, mu: mu, s: s) }

    /// The log-likelihood is the time-scale density: check one Weibull term by hand.
    @Test func weibullLogLikelihoodByHand() throws {
        var data = LifetimeData()
        try data.addFailure(at: 50)
        try data.addSuspension(at: 80, count: 2)
        try data.addInterval(from: 10, to: 30)
        let eta = 70.0, beta = 1.8
        func cdf(_ t: Double) -> Double { 1 - exp(-pow(t / eta, beta)) }
        let density = beta / eta * pow(50 / eta, beta - 1) * exp(-pow(50 / eta, beta))
        let expected = log(density) + 2 * log(1 - cdf(80)) + log(cdf(30) - cdf(10))
        let likelihood = LocationScaleLikelihood<SmallestExtremeValue>(PreparedSample(data, logScale: true))
        #expect(relativelyClose(likelihood.logLikelihood(mu: log(eta), sigma: 1 / beta), expected, 1e-13))
    }
}
