import Testing
#if canImport(Glibc)
import Glibc
#endif
import Ingest
@testable import Lifetime

/// The likelihood-ratio bounds of the hazard minimum of the additive Weibull on Doganaksoy's data,
/// against feasible points checked here: a known defect, kept visible.
@Suite struct HazardMinimumProfileTests {
    /// ln L of the additive Weibull, h = (b1/e1)(t/e1)^(b1-1) + (b2/e2)(t/e2)^(b2-1), written here.
    static func logLikelihood(_ data: LifetimeData, _ e1: Double, _ b1: Double, _ e2: Double, _ b2: Double) -> Double {
        func cumulative(_ t: Double) -> Double { pow(t / e1, b1) + pow(t / e2, b2) }
        func hazard(_ t: Double) -> Double { b1 / e1 * pow(t / e1, b1 - 1) + b2 / e2 * pow(t / e2, b2 - 1) }
        var sum = 0.0
        for (t, c) in zip(data.failureTimes, data.failureCounts) { sum += c * (log(hazard(t)) - cumulative(t)) }
        for (t, c) in zip(data.suspensionTimes, data.suspensionCounts) { sum -= c * cumulative(t) }
        return sum
    }

    /// A SciPy maximisation of ln L with the hazard minimum held at 13.64 h (the relmodel lower bound):
    /// e1 539.004, b1 0.9999989, b2 6.43222, and e2 from h'(13.64) = 0. Its ln L, -276.384, is above
    /// the cut-off ln L_max - chi2(0.95; 1)/2 = -276.492, so 13.64 h is inside the confidence set:
    /// as b1 approaches 1 the minimum moves down while the profile stays near -276.38. relmodel's profile
    /// does not follow that ridge towards b1 = 1 and reports 13.64 h (39.39 h before each profile point
    /// was also started from the estimate).
    @Test func lowerBoundOfTheHazardMinimumLiesBelowSixHours() throws {
        let input = try LifetimeReader.read(try CSVTable.read(path: packageRoot + "/datasets/lifetime/doganaksoy_voltage_two_modes.csv"))
        let data = input.data
        let fit = try ParametricEstimation.fit(AdditiveWeibullDistribution(), to: data)
        let tMin = 13.64, e1 = 539.00427636, b1 = 0.99999893, b2 = 6.43222383
        let e2 = pow(b2 * (b2 - 1) * pow(tMin, b2 - 2) * pow(e1, b1) / (-b1 * (b1 - 1) * pow(tMin, b1 - 2)), 1 / b2)
        // The point's hazard minimum is at 13.64 h: h' changes sign there.
        func slope(_ t: Double) -> Double {
            b1 * (b1 - 1) / (e1 * e1) * pow(t / e1, b1 - 2) + b2 * (b2 - 1) / (e2 * e2) * pow(t / e2, b2 - 2)
        }
        #expect(slope(tMin * 0.999) < 0 && slope(tMin * 1.001) > 0)
        let cutOff = fit.logLikelihood - 3.841458820694124 / 2
        let value = Self.logLikelihood(data, e1, b1, e2, b2)
        #expect(abs(value - -276.38423) < 1e-3, "\(value)")
        #expect(value > cutOff)
        // Further along the ridge: a point with its minimum at 6 h (found by relmodel's constrained maximiser
        // started on the ridge, with Newton restoration steps halved until the quantity stays defined; its
        // ln L is computed here by the independent formula above) is still inside the confidence set. At
        // 5 h the same search finds -276.523, below the cut-off: the lower end lies near 5-6 h, not at 13.64.
        let t6 = 6.0, f1 = 552.1934257983922, g1 = 0.9999999503081993, g2 = 6.076599149705722
        let f2 = pow(g2 * (g2 - 1) * pow(t6, g2 - 2) * pow(f1, g1) / (-g1 * (g1 - 1) * pow(t6, g1 - 2)), 1 / g2)
        let at6 = Self.logLikelihood(data, f1, g1, f2, g2)
        #expect(at6 > cutOff, "\(at6)")
        let regions = BathtubRegionFinder.regions(fit, definition: .threshold(tolerance: 0.1), bounds: .lr, confidence: 0.95)
        let bounds = try #require(regions.hazardMinimum?.time.bounds)
        withKnownIssue("the constrained profile's restoration steps overshoot out of the quantity's domain as b1 nears 1, so the profile stops at 13.64 h; halving them finds the ridge but the ill-conditioned SQP there then spends the profile's time budget") {
            #expect(bounds.isLowerOpen || (bounds.lower ?? .infinity) < 6, "\(bounds)")
        }
    }
}
