import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// Density, CDF, hazard, quantile and moments of each family against closed forms.
@Suite struct DistributionTests {
    @Test(arguments: [0.5, 10.0, 120.0, 606.0, 2000.0])
    func weibullClosedForms(t: Double) {
        let eta = 606.5, beta = 1.72
        let m = LifetimeModel.weibull(eta: eta, beta: beta)
        let x = pow(t / eta, beta)
        #expect(relativelyClose(m.cdf(t), -expm1(-x), 1e-13))
        #expect(relativelyClose(m.reliability(t), exp(-x), 1e-13))
        #expect(relativelyClose(m.density(t), beta / eta * pow(t / eta, beta - 1) * exp(-x), 1e-12))
        #expect(relativelyClose(m.hazard(t), beta / eta * pow(t / eta, beta - 1), 1e-12))
        #expect(relativelyClose(m.cumulativeHazard(t), x, 1e-13))
    }

    @Test func weibullQuantileAndMoments() {
        let m = LifetimeModel.weibull(eta: 100, beta: 2.5)
        for p in [1e-6, 0.1, 0.5, 0.9, 0.999] {
            #expect(relativelyClose(m.quantile(p), 100 * pow(-log1p(-p), 1 / 2.5), 1e-13))
        }
        #expect(relativelyClose(m.bLife(10), m.quantile(0.1), 0))
        #expect(relativelyClose(m.mean, 100 * tgamma(1 + 1 / 2.5), 1e-13))
        #expect(relativelyClose(m.variance, 1e4 * (tgamma(1 + 2 / 2.5) - pow(tgamma(1 + 1 / 2.5), 2)), 1e-12))
    }

    @Test(arguments: [1.0, 100.0, 500.0, 3000.0])
    func lognormalClosedForms(t: Double) {
        let mu = 6.2, sigma = 0.9
        let m = LifetimeModel.lognormal(mu: mu, sigma: sigma)
        let z = (log(t) - mu) / sigma
        let phi = 0.5 * erfc(-z / 2.0.squareRoot())
        #expect(relativelyClose(m.cdf(t), phi, 1e-13))
        #expect(relativelyClose(m.reliability(t), 0.5 * erfc(z / 2.0.squareRoot()), 1e-13))
        let density = exp(-z * z / 2) / (sigma * t * (2 * Double.pi).squareRoot())
        #expect(relativelyClose(m.density(t), density, 1e-12))
        #expect(relativelyClose(m.hazard(t), density / (1 - phi), 1e-11))
    }

    @Test func lognormalQuantileAndMoments() {
        let m = LifetimeModel.lognormal(mu: 4, sigma: 0.5)
        #expect(relativelyClose(m.quantile(0.5), exp(4), 1e-14))
        #expect(relativelyClose(m.quantile(0.975), exp(4 + 0.5 * 1.959963984540054), 1e-13))
        #expect(relativelyClose(m.mean, exp(4 + 0.125), 1e-14))
        #expect(relativelyClose(m.variance, (exp(0.25) - 1) * exp(8 + 0.25), 1e-12))
    }

    @Test func exponentialClosedForms() {
        let lambda = 0.002
        let m = LifetimeModel.exponential(lambda: lambda)
        #expect(relativelyClose(m.parameters[0], lambda, 1e-15))
        for t in [1.0, 400.0, 5000.0] {
            #expect(relativelyClose(m.reliability(t), exp(-lambda * t), 1e-13))
            #expect(relativelyClose(m.hazard(t), lambda, 1e-12))
            #expect(relativelyClose(m.density(t), lambda * exp(-lambda * t), 1e-12))
        }
        #expect(relativelyClose(m.mean, 1 / lambda, 1e-13))
        #expect(relativelyClose(m.variance, 1 / (lambda * lambda), 1e-12))
        #expect(relativelyClose(m.quantile(0.1), -log1p(-0.1) / lambda, 1e-13))
    }

    @Test func specialValues() {
        let w = LifetimeModel.weibull(eta: 10, beta: 0.5)
        #expect(w.cdf(0) == 0 && w.reliability(0) == 1 && w.density(0) == 0 && w.cumulativeHazard(0) == 0)
        #expect(w.hazard(0) == .infinity)                     // decreasing hazard starts infinite
        #expect(LifetimeModel.weibull(eta: 10, beta: 3).hazard(0) == 0)
        #expect(LifetimeModel.exponential(lambda: 0.5).hazard(0) == 0.5)
        #expect(w.reliability(.infinity) == 0)
        // Far upper tail: hazard stays finite where R underflows.
        let l = LifetimeModel.lognormal(mu: 0, sigma: 1)
        #expect(l.hazard(exp(40)).isFinite && l.hazard(exp(40)) > 0)
    }
}
