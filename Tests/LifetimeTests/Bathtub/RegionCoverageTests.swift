import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// True in release builds, where the simulation study runs.
#if DEBUG
let isReleaseBuild = false
#else
let isReleaseBuild = true
#endif

/// Coverage of the region boundaries' bounds on simulated data with known regions: an infant Weibull
/// (eta 5000 h, shape 0.5), a constant rate (1e-3 per hour) and a wear-out Weibull (eta 1000 h, shape
/// 5), competing; a Type I test ending at 1200 h. Each replication is drawn with its own seeded
/// generator (seed = replication index), fitted with weibull-exponential-weibull from the family's own
/// starting values, and its 90 % bounds on the end of infant mortality and the start of wear-out
/// (components definition) are checked against the true boundaries.
///
/// A replication whose fit has no interior maximum (at n = 200 the constant rate often runs to 0: the
/// infant Weibull absorbs it) is reported degenerate, never given regions, and counted apart: coverage
/// is over the proper fits, and the test prints how many there were. The study runs in release builds
/// only (`scripts/test.sh` runs it with `-c release`): in a debug build it takes many minutes.
@Suite(.enabled(if: isReleaseBuild, "a simulation study: run in release builds (scripts/test.sh)"))
struct RegionCoverageTests {
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
        var replications = 0, fitted = 0, degenerate = 0, infantCovered = 0, wearOutCovered = 0, notComputed = 0
        var description: String {
            "\(fitted) of \(replications) proper fits (\(degenerate) degenerate, reported as such); true infant-mortality end inside the bounds \(infantCovered) times, true wear-out start \(wearOutCovered) times; \(notComputed) bound ends not computed (counted as not covering)"
        }
        var infantRate: Double { Double(infantCovered) / Double(max(fitted, 1)) }
        var wearOutRate: Double { Double(wearOutCovered) / Double(max(fitted, 1)) }
    }

    /// The replications run on all cores (`Parallel.map`); each depends only on its seed and the
    /// profile budget counts evaluations, not seconds, so the counts are the same on any machine.
    static func coverage(n: Int, replications: Int, bounds: BoundsMethod) throws -> Coverage {
        let family = WeibullExponentialWeibullDistribution()
        let outcomes = Parallel.map(replications) { r -> Coverage in
            var result = Coverage(replications: 1)
            guard let data = try? sample(n: n, seed: UInt64(r + 1)),
                  let fit = try? ParametricEstimation.fit(family, to: data) else { return result }
            if fit.diagnostics.degenerate { result.degenerate = 1 }
            guard fit.diagnostics.converged && !fit.diagnostics.degenerate else { return result }
            result.fitted = 1
            // A profile that spends this budget reports its end as not computed, counted as not covering.
            let regions = BathtubRegionFinder.regions(fit, definition: .components, bounds: bounds, confidence: 0.9,
                                                      budget: ProfileBudget(evaluations: 200_000, seconds: 3600))
            func covers(_ estimate: BoundedEstimate?, _ truth: Double) -> Int {
                guard let b = estimate?.bounds, let lo = b.lower, let hi = b.upper else {
                    result.notComputed += 1
                    return 0
                }
                return lo <= truth && truth <= hi ? 1 : 0
            }
            result.infantCovered = covers(regions.infantMortalityEnd, truthInfantEnd)
            result.wearOutCovered = covers(regions.wearOutStart, truthWearOut)
            return result
        }
        return outcomes.reduce(into: Coverage()) { total, o in
            total.replications += o.replications
            total.fitted += o.fitted
            total.degenerate += o.degenerate
            total.infantCovered += o.infantCovered
            total.wearOutCovered += o.wearOutCovered
            total.notComputed += o.notComputed
        }
    }

    /// Fisher bounds (Wald on ln t, exact gradients), 90 %, 200 replications at each n. Required from
    /// n = 1,000 on: between 0.85 and 0.96 of the proper fits cover each boundary (the binomial standard
    /// error at 0.90 and 200 replications is 0.021). At n = 200 the Wald interval under-covers the end
    /// of infant mortality (measured 120 of 156, 0.77; the wear-out start 141, 0.90); the
    /// likelihood-ratio study below covers that case. Measured at n = 1,000: 174 and 183 of 199
    /// (0.87, 0.92); at n = 5,000: 185 and 187 of 200 (0.93, 0.94). At least 60 % of the replications
    /// have a proper fit (n = 200: 78 %).
    @Test(arguments: [200, 1000, 5000])
    func fisherBoundsCover(_ n: Int) throws {
        let c = try Self.coverage(n: n, replications: 200, bounds: .fisher)
        print("region coverage, n = \(n), Fisher 90 %: \(c)")
        #expect(c.fitted >= 120)
        if n >= 1000 {
            #expect(c.infantRate >= 0.85 && c.infantRate <= 0.96)
            #expect(c.wearOutRate >= 0.85 && c.wearOutRate <= 0.96)
        }
    }

    /// Likelihood-ratio bounds (the default of `relmodel bathtub`), 90 %, 200 replications at n = 200,
    /// where the Wald interval under-covers the end of infant mortality. Measured (the counts are the
    /// same on any machine: seeded replications, a budget of evaluations): 156 proper fits; the true
    /// infant-mortality end inside the bounds 130 times (0.83), the true wear-out start 133 times
    /// (0.85), against Fisher's 0.77 and 0.90 on the same fits; 36 of the 312 bound ends spend the
    /// profile budget (200,000 evaluations) and are reported as not computed, which counts here as not
    /// covering. Required: both between 0.80 and 0.96. About ten minutes on two cores.
    @Test func likelihoodRatioBoundsCover() throws {
        let c = try Self.coverage(n: 200, replications: 200, bounds: .lr)
        print("region coverage, n = 200, likelihood ratio 90 %: \(c)")
        #expect(c.fitted >= 120)
        #expect(c.infantRate >= 0.80 && c.infantRate <= 0.96, "\(c)")
        #expect(c.wearOutRate >= 0.80 && c.wearOutRate <= 0.96, "\(c)")
    }
}
