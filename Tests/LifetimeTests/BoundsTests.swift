import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// Fisher and likelihood-ratio bounds against computations written here independently.
@Suite struct BoundsTests {
    let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    /// Weibull log-likelihood in (eta, beta), written directly from the density and survival.
    func weibullLL(_ eta: Double, _ beta: Double) -> Double {
        var ll = 0.0
        for (t, w) in zip(data.failureTimes, data.failureCounts) {
            ll += w * (log(beta / eta) + (beta - 1) * log(t / eta) - pow(t / eta, beta))
        }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) { ll -= w * pow(t / eta, beta) }
        return ll
    }

    /// Golden-section maximisation of a unimodal function on [a, b].
    func goldenMax(_ a0: Double, _ b0: Double, _ f: (Double) -> Double) -> Double {
        var a = a0, b = b0
        let r = (5.0.squareRoot() - 1) / 2
        var c = b - r * (b - a), d = a + r * (b - a)
        for _ in 0..<200 {
            if f(c) > f(d) { b = d } else { a = c }
            c = b - r * (b - a); d = a + r * (b - a)
        }
        return f((a + b) / 2)
    }

    @Test func fisherStandardErrorsMatchFiniteDifferenceInformation() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        let eta = fit.parameters[0], beta = fit.parameters[1]
        let he = 1e-3 * eta, hb = 1e-4 * beta
        let f = weibullLL
        let iee = -(f(eta + he, beta) - 2 * f(eta, beta) + f(eta - he, beta)) / (he * he)
        let ibb = -(f(eta, beta + hb) - 2 * f(eta, beta) + f(eta, beta - hb)) / (hb * hb)
        let ieb = -(f(eta + he, beta + hb) - f(eta + he, beta - hb) - f(eta - he, beta + hb) + f(eta - he, beta - hb)) / (4 * he * hb)
        let det = iee * ibb - ieb * ieb
        let se = try #require(fit.standardErrors)
        #expect(relativelyClose(se[0], (ibb / det).squareRoot(), 1e-5))
        #expect(relativelyClose(se[1], (iee / det).squareRoot(), 1e-5))
        // Wald bounds on the log scale.
        let b = fit.parameterBounds(.fisher, confidence: 0.95)
        let z = 1.959963984540054
        #expect(relativelyClose(try #require(b[0].lower), eta * exp(-z * se[0] / eta), 1e-5))
        #expect(relativelyClose(try #require(b[1].upper), beta * exp(z * se[1] / beta), 1e-5))
    }

    /// At each likelihood-ratio bound the profile log-likelihood, maximised here by golden section,
    /// lies chi2(0.95; 1)/2 = 1.9207294 below the maximum.
    @Test func likelihoodRatioParameterBoundsLieOnTheProfileContour() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        let target = fit.logLikelihood - 3.841458820694124 / 2
        for eta in [try #require(bounds[0].lower), try #require(bounds[0].upper)] {
            #expect(close(goldenMax(0.3, 6) { weibullLL(eta, $0) }, target, 1e-7))
        }
        for beta in [try #require(bounds[1].lower), try #require(bounds[1].upper)] {
            #expect(close(goldenMax(100, 5000) { weibullLL($0, beta) }, target, 1e-7))
        }
        #expect(bounds[0].lower! < fit.parameters[0] && fit.parameters[0] < bounds[0].upper!)
    }

    /// Likelihood-ratio regions are dual: the reliability bound at the B10 bound is exactly 0.9.
    @Test func likelihoodRatioReliabilityAndBLifeBoundsAreDual() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        let b10 = fit.bLife(10, bounds: .lr, confidence: 0.9)
        let atUpper = fit.reliability(at: try #require(b10.bounds.upper), bounds: .lr, confidence: 0.9)
        let atLower = fit.reliability(at: try #require(b10.bounds.lower), bounds: .lr, confidence: 0.9)
        #expect(close(try #require(atUpper.bounds.upper), 0.9, 1e-7))
        #expect(close(try #require(atLower.bounds.lower), 0.9, 1e-7))
    }

    @Test func fisherReliabilityBoundsBracketTheEstimate() throws {
        let fit = try MaximumLikelihood.fit(.lognormal2p, to: data)
        let r = fit.reliability(at: 300, bounds: .fisher, confidence: 0.95)
        #expect(relativelyClose(r.value, fit.model.reliability(300), 1e-15))
        #expect(r.bounds.lower! < r.value && r.value < r.bounds.upper!)
        // Independent delta method on u = (log t - mu) / sigma with the covariance of (mu, s).
        let v = try #require(fit.locationScaleCovariance)
        let sigma = fit.model.sigma, u = (log(300.0) - fit.model.mu) / sigma
        let se = (v[0, 0] / (sigma * sigma) + 2 * u * v[0, 1] / sigma + u * u * v[1, 1]).squareRoot()
        let lower = 0.5 * erfc((u + 1.959963984540054 * se) / 2.0.squareRoot())
        #expect(relativelyClose(try #require(r.bounds.lower), lower, 1e-9))
    }

    @Test func exponentialLikelihoodRatioBoundsByHand() throws {
        let fit = try MaximumLikelihood.fit(.exponential1p, to: data)
        let lambda = fit.parameters[0], r = data.failureCount
        let total = r / lambda
        let b = fit.parameterBounds(.lr, confidence: 0.95)
        for end in [try #require(b[0].lower), try #require(b[0].upper)] {
            let ll = r * log(end) - end * total
            #expect(close(ll, fit.logLikelihood - 3.841458820694124 / 2, 1e-8))
        }
    }
}
