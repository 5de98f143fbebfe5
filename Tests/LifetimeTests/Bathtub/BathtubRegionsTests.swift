import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// Region boundaries of a known hazard against independent computations written here: bisection on
/// the hazard's closed-form derivative, and the components' closed-form crossings.
@Suite struct BathtubRegionsTests {
    /// The truth model of the coverage study: infant Weibull (eta 5000 h, shape 0.5) + 1e-3 per hour +
    /// wear-out Weibull (eta 1000 h, shape 5).
    static let truth = [5000.0, 0.5, 1e-3, 1000, 5]

    static func hazard(_ t: Double) -> Double {
        let p = truth
        return p[1] / p[0] * pow(t / p[0], p[1] - 1) + p[2] + p[4] / p[3] * pow(t / p[3], p[4] - 1)
    }

    static func hazardSlope(_ t: Double) -> Double {
        let p = truth
        return p[1] * (p[1] - 1) / (p[0] * p[0]) * pow(t / p[0], p[1] - 2) + p[4] * (p[4] - 1) / (p[3] * p[3]) * pow(t / p[3], p[4] - 2)
    }

    static func bisect(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        var (a, b) = (a, b)
        for _ in 0..<200 {
            let m = (a + b) / 2
            if (f(m) > 0) == (f(a) > 0) { a = m } else { b = m }
        }
        return (a + b) / 2
    }

    /// A fit object at the true parameters (no covariance: the regions alone, Fisher bounds not computed).
    static func truthFit() throws -> ParametricFit {
        var data = LifetimeData()
        try data.addFailure(at: 1, count: 1)
        try data.addFailure(at: 600, count: 1)
        try data.addSuspension(at: 1200, count: 1)
        let family = WeibullExponentialWeibullDistribution()
        let u = zip(family.parameters, truth).map { $0.transform.unconstrained($1)! }
        return ParametricFit(family: family, sample: CensoredSample(data), unconstrained: u, unconstrainedCovariance: nil,
                             logLikelihood: 0, diagnostics: FitDiagnostics(converged: true, iterations: 0, gradientNorm: 0, hessianNegativeDefinite: true),
                             starts: 1, startsReachingMaximum: 1)
    }

    @Test func thresholdRegionsOfTheKnownHazard() throws {
        let regions = BathtubRegionFinder.regions(try Self.truthFit(), definition: .threshold(tolerance: 0.1), bounds: .fisher)
        #expect(regions.bathtub)
        let tMin = Self.bisect(10, 1000, Self.hazardSlope)
        let hMin = Self.hazard(tMin)
        let infantEnd = Self.bisect(1, tMin) { Self.hazard($0) - 1.1 * hMin }
        let wearOut = Self.bisect(tMin, 1200) { Self.hazard($0) - 1.1 * hMin }
        let minimum = try #require(regions.hazardMinimum)
        #expect(relativelyClose(minimum.time.value, tMin, 1e-9))
        #expect(relativelyClose(minimum.hazard.value, hMin, 1e-12))
        #expect(relativelyClose(try #require(regions.infantMortalityEnd).value, infantEnd, 1e-9))
        #expect(relativelyClose(try #require(regions.wearOutStart).value, wearOut, 1e-9))
        // Useful-life hazard: the average of h over [infant end, wear-out start], by the closed-form H.
        func cumulative(_ t: Double) -> Double { pow(t / 5000, 0.5) + 1e-3 * t + pow(t / 1000, 5) }
        let average = (cumulative(wearOut) - cumulative(infantEnd)) / (wearOut - infantEnd)
        #expect(relativelyClose(try #require(regions.usefulLife).hazard.value, average, 1e-9))
    }

    @Test func componentRegionsOfTheKnownHazard() throws {
        let regions = BathtubRegionFinder.regions(try Self.truthFit(), definition: .components, bounds: .fisher)
        // (b1/e1)(t/e1)^(b1-1) = lambda  <=>  t = e1 (lambda e1 / b1)^(1/(b1-1)).
        let infantEnd = 5000 * pow(1e-3 * 5000 / 0.5, 1 / (0.5 - 1))
        let wearOut = 1000 * pow(1e-3 * 1000 / 5, 1 / (5.0 - 1))
        #expect(relativelyClose(try #require(regions.infantMortalityEnd).value, infantEnd, 1e-10))
        #expect(relativelyClose(try #require(regions.wearOutStart).value, wearOut, 1e-10))
    }

    @Test func aMonotoneHazardIsNoBathtub() throws {
        let fit = try ParametricEstimation.fit(WeibullHazard(), to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        let regions = BathtubRegionFinder.regions(fit)
        #expect(!regions.bathtub)
        #expect(regions.hazardMinimum == nil && regions.infantMortalityEnd == nil && regions.wearOutStart == nil)
        #expect(regions.notes.contains { $0.contains("monotone") })
    }
}
