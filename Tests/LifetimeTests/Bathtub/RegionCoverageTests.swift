import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// Coverage of the region boundaries' bounds on simulated data with known regions: an infant Weibull
/// (eta 5000 h, shape 0.5), a constant rate (1e-3 per hour) and a wear-out Weibull (eta 1000 h, shape
/// 5), competing; a Type I test ending at 1200 h. Each replication is drawn with its own seeded
/// generator (seed = replication index), fitted with weibull-exponential-weibull from the family's own
/// starting values, and its 90 % bounds on the end of infant mortality and the start of wear-out
/// (components definition) are checked against the true boundaries.
@Suite struct RegionCoverageTests {
    static let truthInfantEnd = 5000 * pow(1e-3 * 5000 / 0.5, 1 / (0.5 - 1))   // 50 h
    static let truthWearOut = 1000 * pow(1e-3 * 1000 / 5, 1 / (5.0 - 1))      // 668.7 h

    /// One simulated test of n units: the minimum of the three competing lifetimes, censored at 1200 h.
    static func sample(n: Int, seed: UInt64) throws -> LifetimeData {
        var generator = Xoshiro256StarStar(seed: seed)
        var data = LifetimeData()
        for _ in 0..<n {
            let infant = 5000 * pow(RandomVariates.exponential(using: &generator), 1 / 0.5)
            let random = RandomVariates.exponential(using: &generator) / 1e-3
            let wearOut = 1000 * pow(RandomVariates.exponential(using: &generator), 1 / 5.0)
            let t = min(infant, random, wearOut)
            if t < 1200 { try data.addFailure(at: t) } else { try data.addSuspension(at: 1200) }
        }
        return data
    }

    struct Coverage: CustomStringConvertible {
        var replications = 0, fitted = 0, infantCovered = 0, wearOutCovered = 0
        var description: String {
            "\(fitted) of \(replications) fitted; infant end covered \(infantCovered), wear-out start covered \(wearOutCovered)"
        }
    }

    static func coverage(n: Int, replications: Int, bounds: BoundsMethod) throws -> Coverage {
        var result = Coverage()
        let family = WeibullExponentialWeibullDistribution()
        for r in 0..<replications {
            result.replications += 1
            let data = try sample(n: n, seed: UInt64(r + 1))
            guard let fit = try? ParametricEstimation.fit(family, to: data), fit.diagnostics.converged else { continue }
            result.fitted += 1
            let regions = BathtubRegionFinder.regions(fit, definition: .components, bounds: bounds, confidence: 0.9)
            if let b = regions.infantMortalityEnd?.bounds, let lo = b.lower, let hi = b.upper, lo <= truthInfantEnd, truthInfantEnd <= hi {
                result.infantCovered += 1
            }
            if let b = regions.wearOutStart?.bounds, let lo = b.lower, let hi = b.upper, lo <= truthWearOut, truthWearOut <= hi {
                result.wearOutCovered += 1
            }
        }
        return result
    }

    @Test(arguments: [200, 1000, 5000])
    func fisherBoundsCoverAtAboutTheirConfidence(_ n: Int) throws {
        let c = try Self.coverage(n: n, replications: 200, bounds: .fisher)
        print("n = \(n), Fisher 90 %: \(c)")
        #expect(c.fitted >= 190)
        #expect(Double(c.infantCovered) / Double(c.fitted) > 0.84)
        #expect(Double(c.wearOutCovered) / Double(c.fitted) > 0.84)
    }
}
