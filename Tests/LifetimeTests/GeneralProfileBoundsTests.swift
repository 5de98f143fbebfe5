import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime
import RelmodelNumerics

/// Likelihood-ratio bounds of gamma and threshold fits, checked on profiles computed independently:
/// at each bound the profile log-likelihood lies chi2(0.95; 1)/2 below the maximum.
@Suite struct GeneralProfileBoundsTests {
    let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
    let drop = 3.841458820694124 / 2

    /// Gamma on complete data: for a fixed shape k the scale's MLE is mean/k, so the shape's profile
    /// is LL(k, mean/k) in closed form; for a fixed scale the shape is found by golden section.
    @Test func gammaShapeAndScale() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: data)
        let t = data.failureTimes
        let mean = t.reduce(0, +) / Double(t.count)
        func ll(_ k: Double, _ theta: Double) -> Double {
            t.reduce(0) { $0 + (k - 1) * log($1) - $1 / theta - lgamma(k) - k * log(theta) }
        }
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        for k in [try #require(bounds[0].lower), try #require(bounds[0].upper)] {
            #expect(abs(ll(k, mean / k) - (fit.logLikelihood - drop)) < 1e-6)
        }
        func golden(_ theta: Double) -> Double {
            var a = 0.1, b = 50.0
            let r = (5.0.squareRoot() - 1) / 2
            for _ in 0..<200 {
                let c = b - r * (b - a), d = a + r * (b - a)
                if ll(c, theta) > ll(d, theta) { b = d } else { a = c }
            }
            return ll((a + b) / 2, theta)
        }
        for theta in [try #require(bounds[1].lower), try #require(bounds[1].upper)] {
            #expect(abs(golden(theta) - (fit.logLikelihood - drop)) < 1e-6)
        }
    }

    /// Weibull 3P: the threshold's lower bound is where the two-parameter fit to t - gamma loses
    /// chi2/2 of log-likelihood; its upper bound stops at the first failure (17.88), where the
    /// likelihood region still extends.
    @Test func weibullThreshold() throws {
        let fit = try MaximumLikelihood.fit(.weibull3p, to: data)
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        let gammaLower = try #require(bounds[2].lower)
        let profile = MaximumLikelihood.locationScaleFit(.weibull2p, data: data, threshold: gammaLower)
        #expect(abs(profile.logLikelihood - (fit.logLikelihood - drop)) < 1e-5)
        #expect(bounds[2].upper == 17.88)
        #expect(bounds[1].lower! < fit.parameters[1] && fit.parameters[1] < bounds[1].upper!)
    }

    /// Likelihood-ratio regions are dual: the reliability bound at a B10 bound is exactly 0.9, for
    /// profiles over every parameter (threshold included).
    @Test(arguments: [LifetimeFamily.gamma2p, .weibull3p])
    func bLifeAndReliabilityBoundsAreDual(family: LifetimeFamily) throws {
        let fit = try MaximumLikelihood.fit(family, to: data)
        let b10 = fit.bLife(10, bounds: .lr, confidence: 0.9)
        let upper = try #require(b10.bounds.upper), lower = try #require(b10.bounds.lower)
        #expect(lower < b10.value && b10.value < upper)
        #expect(abs(try #require(fit.reliability(at: upper, bounds: .lr, confidence: 0.9).bounds.upper) - 0.9) < 1e-5)
        #expect(abs(try #require(fit.reliability(at: lower, bounds: .lr, confidence: 0.9).bounds.lower) - 0.9) < 1e-5)
    }

    /// Gamma B10 by hand: at t_p fixed, theta = t_p / x_p(k) with P(k, x_p) = 0.1; the profile over k
    /// (golden section here) at each bound lies chi2/2 below the maximum.
    @Test func gammaBLifeProfileByHand() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: data)
        let t = data.failureTimes
        func ll(_ k: Double, _ theta: Double) -> Double {
            t.reduce(0) { $0 + (k - 1) * log($1) - $1 / theta - lgamma(k) - k * log(theta) }
        }
        func profile(_ tp: Double) -> Double {
            var a = 0.3, b = 30.0
            let r = (5.0.squareRoot() - 1) / 2
            func f(_ k: Double) -> Double { ll(k, tp / inverseRegularizedGammaP(k, 0.1)) }
            for _ in 0..<200 {
                let c = b - r * (b - a), d = a + r * (b - a)
                if f(c) > f(d) { b = d } else { a = c }
            }
            return f((a + b) / 2)
        }
        let b10 = fit.bLife(10, bounds: .lr, confidence: 0.95)
        for end in [try #require(b10.bounds.lower), try #require(b10.bounds.upper)] {
            #expect(abs(profile(end) - (fit.logLikelihood - drop)) < 1e-5)
        }
    }
}
