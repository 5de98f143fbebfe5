import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

/// The constrained (SQP) profile of the general core against the published B10 bounds and the fast
/// path's own profiles, which share no code with it but the end search.
@Suite struct ParametricProfileBoundsTests {
    let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    @Test func nistB10BoundsMatchTheReference() throws {
        let fit = try ParametricEstimation.fit(WeibullHazard(), to: data)
        let b10 = ParametricProfileBounds.quantile(fit, probability: 0.1, confidence: 0.95)
        #expect(close(try #require(b10.lower), 59.85, 0.005))      // REF 95% [59.85, 271.95]
        #expect(close(try #require(b10.upper), 271.95, 0.005))
        let fast = try MaximumLikelihood.fit(.weibull2p, to: data).bLife(10, bounds: .lr, confidence: 0.95)
        #expect(relativelyClose(try #require(b10.lower), try #require(fast.bounds.lower), 1e-7))
        #expect(relativelyClose(try #require(b10.upper), try #require(fast.bounds.upper), 1e-7))
    }

    @Test func parameterAndReliabilityBoundsMatchTheFastPath() throws {
        let fit = try ParametricEstimation.fit(WeibullHazard(), to: data)
        let fast = try MaximumLikelihood.fit(.weibull2p, to: data)
        let core = ParametricProfileBounds.parameters(fit, confidence: 0.9)
        let reference = [LikelihoodRatioBounds.interval(fast, .location, confidence: 0.9).mappedIncreasing(exp),
                         LikelihoodRatioBounds.interval(fast, .logScale, confidence: 0.9).mappedDecreasing { exp(-$0) }]
        for i in 0..<2 {
            #expect(relativelyClose(try #require(core[i].lower), try #require(reference[i].lower), 1e-7))
            #expect(relativelyClose(try #require(core[i].upper), try #require(reference[i].upper), 1e-7))
        }
        let r = ParametricProfileBounds.reliability(fit, at: 400, confidence: 0.9)
        let fastR = fast.reliability(at: 400, bounds: .lr, confidence: 0.9)
        #expect(relativelyClose(try #require(r.lower), try #require(fastR.bounds.lower), 1e-7))
        #expect(relativelyClose(try #require(r.upper), try #require(fastR.bounds.upper), 1e-7))
    }
}
