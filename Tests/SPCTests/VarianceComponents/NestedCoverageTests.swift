import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
@testable import SPC

/// True in release builds, where the simulation studies run.
#if DEBUG
let isReleaseBuild = false
#else
let isReleaseBuild = true
#endif

/// Coverage of the 95% intervals of nested variance components on simulated data with known
/// components: lot 1.0, wafer within lot 0.5, site within wafer (residual) 0.25, 15 lots. Balanced:
/// 3 wafers of 3 sites each; unbalanced: 2 to 4 wafers per lot and 1 to 4 sites per wafer (at least
/// one wafer with two or more sites in every lot), drawn once per replication. Each replication has its
/// own seeded generator (seed = replication index + 1 + 10,000 for the unbalanced design); 200 of each.
/// Checked: REML profile-likelihood intervals and Type I ANOVA Satterthwaite intervals (the residual's
/// exact) cover each true component at about 95%: between 0.88 and 0.99 over 200 replications (the
/// binomial standard error at 0.95 is 0.015). The test prints how often.
///
/// Runs in release builds only (`scripts/test.sh`): 400 REML fits with profile intervals.
@Suite(.enabled(if: isReleaseBuild, "a simulation study: run in release builds (scripts/test.sh)"))
struct NestedCoverageTests {
    static let truth = [1.0, 0.5, 0.25]
    static let replications = 200

    static func draw(seed: UInt64, balanced: Bool) throws -> NestedSample {
        var generator = Xoshiro256StarStar(seed: seed)
        func normal() -> Double { RandomVariates.standardNormal(using: &generator) }
        func uniformInt(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(RandomVariates.uniform01(using: &generator) * Double(range.count))
        }
        var values: [Double] = [], lots: [String] = [], wafers: [String] = [], sites: [String] = []
        for lot in 1...15 {
            let lotEffect = truth[0].squareRoot() * normal()
            let waferCount = balanced ? 3 : uniformInt(2...4)
            for wafer in 1...waferCount {
                let waferEffect = truth[1].squareRoot() * normal()
                let siteCount = balanced ? 3 : (wafer == 1 ? uniformInt(2...4) : uniformInt(1...4))
                for site in 1...siteCount {
                    values.append(100 + lotEffect + waferEffect + truth[2].squareRoot() * normal())
                    lots.append("L\(lot)"); wafers.append("W\(wafer)"); sites.append("S\(site)")
                }
            }
        }
        return try NestedSample(values: values, labels: [lots, wafers, sites], levels: ["lot", "wafer", "site"])
    }

    func study(balanced: Bool) throws {
        var reml = [0, 0, 0], anova = [0, 0, 0], anovaMissing = [0, 0, 0], remlMissing = [0, 0, 0]
        for r in 0..<Self.replications {
            let sample = try Self.draw(seed: UInt64(r + 1 + (balanced ? 0 : 10_000)), balanced: balanced)
            let fit = try NestedREML.fit(sample)
            #expect(fit.converged)
            let table = NestedANOVA(sample)
            for i in 0..<3 {
                if let interval = fit.intervals[i] { if interval.contains(Self.truth[i]) { reml[i] += 1 } } else { remlMissing[i] += 1 }
                if let interval = table.intervals[i] { if interval.contains(Self.truth[i]) { anova[i] += 1 } } else { anovaMissing[i] += 1 }
            }
        }
        let n = Double(Self.replications)
        let design = balanced ? "balanced" : "unbalanced"
        print("nested coverage (\(design), \(Self.replications) replications, 95% nominal): REML profile lot \(Double(reml[0]) / n), wafer \(Double(reml[1]) / n), site \(Double(reml[2]) / n) (no interval: \(remlMissing)); ANOVA Satterthwaite lot \(Double(anova[0]) / n), wafer \(Double(anova[1]) / n), site \(Double(anova[2]) / n) (no interval, a non-positive estimate: \(anovaMissing))")
        for i in 0..<3 {
            let rate = Double(reml[i]) / n
            #expect(rate >= 0.88 && rate <= 0.99, "REML \(design) component \(i): \(rate)")
            // A Satterthwaite interval exists only for a positive estimate; coverage is over all replications.
            let anovaRate = Double(anova[i]) / n
            #expect(anovaRate >= 0.88 && anovaRate <= 0.99, "ANOVA \(design) component \(i): \(anovaRate)")
        }
    }

    @Test func balanced() throws { try study(balanced: true) }
    @Test func unbalanced() throws { try study(balanced: false) }
}
