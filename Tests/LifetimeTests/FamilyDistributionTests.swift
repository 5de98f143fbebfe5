import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// Density, CDF and quantile of the families added beyond Weibull, lognormal and exponential,
/// against their closed forms.
@Suite struct FamilyDistributionTests {
    @Test(arguments: [5.0, 40.0, 64.0, 200.0])
    func logLogistic(t: Double) {
        let alpha = 64.0, beta = 3.3
        let m = LifetimeModel.loglogistic(alpha: alpha, beta: beta)
        let r = pow(t / alpha, beta)
        #expect(relativelyClose(m.cdf(t), r / (1 + r), 1e-13))
        #expect(relativelyClose(m.density(t), beta / alpha * pow(t / alpha, beta - 1) / pow(1 + r, 2), 1e-12))
        #expect(relativelyClose(m.hazard(t), beta / alpha * pow(t / alpha, beta - 1) / (1 + r), 1e-12))
        #expect(relativelyClose(m.quantile(0.5), alpha, 1e-14))
        #expect(relativelyClose(m.mean, alpha * (Double.pi / beta) / sin(Double.pi / beta), 1e-12))
    }

    @Test(arguments: [-20.0, 50.0, 72.0, 150.0])
    func normalAndGumbel(t: Double) {
        let n = LifetimeModel.normal(mu: 72, sigma: 36)
        #expect(relativelyClose(n.cdf(t), 0.5 * erfc(-(t - 72) / 36 / 2.0.squareRoot()), 1e-13))
        #expect(relativelyClose(n.density(t), exp(-0.5 * pow((t - 72) / 36, 2)) / (36 * (2 * Double.pi).squareRoot()), 1e-12))
        #expect(relativelyClose(n.mean, 72, 1e-15) && relativelyClose(n.variance, 1296, 1e-14))
        let g = LifetimeModel.gumbel(mu: 92, sigma: 43)
        let w = exp((t - 92) / 43)
        #expect(relativelyClose(g.cdf(t), -expm1(-w), 1e-13))
        #expect(relativelyClose(g.density(t), w * exp(-w) / 43, 1e-12))
        #expect(relativelyClose(g.mean, 92 - 43 * 0.57721566490153286, 1e-14))
        #expect(relativelyClose(g.quantile(0.1), 92 + 43 * log(-log1p(-0.1)), 1e-13))
    }

    /// Gamma with integer shape 3: F(x) = 1 - e^(-x/theta) (1 + x/theta + (x/theta)^2 / 2).
    @Test(arguments: [1.0, 20.0, 60.0, 150.0])
    func gammaIntegerShape(t: Double) {
        let theta = 18.0
        let m = LifetimeModel.gamma(shape: 3, scale: theta)
        let x = t / theta
        #expect(relativelyClose(m.reliability(t), exp(-x) * (1 + x + x * x / 2), 1e-12))
        #expect(relativelyClose(m.density(t), t * t * exp(-x) / (2 * pow(theta, 3)), 1e-12))
        #expect(relativelyClose(m.cdf(m.quantile(0.3)), 0.3, 1e-10))
        #expect(relativelyClose(m.mean, 54, 1e-15) && relativelyClose(m.variance, 3 * 324, 1e-14))
    }

    @Test func thresholdShiftsEverything() {
        let shifted = LifetimeModel.weibull(eta: 60, beta: 1.6, gamma: 15)
        let base = LifetimeModel.weibull(eta: 60, beta: 1.6)
        for t in [20.0, 50, 100] {
            #expect(relativelyClose(shifted.cdf(t), base.cdf(t - 15), 1e-13))
            #expect(relativelyClose(shifted.hazard(t), base.hazard(t - 15), 1e-12))
        }
        #expect(shifted.cdf(10) == 0 && shifted.reliability(15) == 1)
        #expect(relativelyClose(shifted.quantile(0.1), base.quantile(0.1) + 15, 1e-14))
        #expect(relativelyClose(shifted.mean, base.mean + 15, 1e-14))
    }

    /// Mean residual life and conditional reliability against closed forms for the exponential
    /// (memoryless: MRL = 1/lambda) and the Weibull (MRL from the upper incomplete gamma function).
    @Test func meanResidualLifeAndConditionalReliability() {
        let e = LifetimeModel.exponential(lambda: 0.01)
        #expect(relativelyClose(e.meanResidualLife(age: 250), 100, 1e-8))
        #expect(relativelyClose(e.conditionalReliability(50, age: 300), exp(-0.5), 1e-13))
        // NIST 8.4.1.3 printed (eta, beta): the reference quoted in datasets/README.md.
        let w = LifetimeModel.weibull(eta: 606.5280, beta: 1.7208)
        let closed = 606.5280 / 1.7208 * tgamma(1 / 1.7208) * regularizedGammaQForTest(1 / 1.7208, pow(100 / 606.5280, 1.7208)) / w.reliability(100)
        #expect(relativelyClose(w.meanResidualLife(age: 100), closed, 1e-8))
    }
}

/// Q(a, x) by the series of P (adequate for the moderate arguments used here), independent of the library.
func regularizedGammaQForTest(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a, sum = 1 / a
    for n in 1..<500 { term *= x / (a + Double(n)); sum += term }
    return 1 - sum * exp(-x + a * log(x) - lgamma(a))
}
