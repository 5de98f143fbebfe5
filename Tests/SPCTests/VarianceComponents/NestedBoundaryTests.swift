import Testing
import RelmodelNumerics
@testable import SPC

/// A variance component whose REML estimate lies on the boundary 0.
@Suite struct NestedBoundaryTests {
    /// Lots without a lot effect (variance 0), wafer 1, site 0.5: the first seed whose ANOVA lot
    /// estimate is negative. REML puts the lot variance at exactly 0 with a note; the criterion's
    /// derivative in it at 0 is not negative (the constrained maximum), the other components are at a
    /// stationary point of the rest, and the lot's interval starts at 0.
    @Test func componentAtZero() throws {
        var found: NestedSample?
        for seed in UInt64(1)...200 {
            var g = Xoshiro256StarStar(seed: seed)
            var values: [Double] = [], lots: [String] = [], wafers: [String] = [], sites: [String] = []
            for lot in 1...8 {
                for wafer in 1...3 {
                    let w = RandomVariates.standardNormal(using: &g)
                    for site in 1...2 {
                        values.append(10 + w + 0.5.squareRoot() * RandomVariates.standardNormal(using: &g))
                        lots.append("\(lot)"); wafers.append("\(wafer)"); sites.append("\(site)")
                    }
                }
            }
            let sample = try NestedSample(values: values, labels: [lots, wafers, sites], levels: ["lot", "wafer", "site"])
            if NestedANOVA(sample).components[0] < 0 { found = sample; break }
        }
        let sample = try #require(found)
        let anova = NestedANOVA(sample)
        #expect(anova.notes.contains { $0.contains("negative") })
        let fit = try NestedREML.fit(sample)
        #expect(fit.converged)
        #expect(fit.atZero == [true, false, false])
        #expect(fit.components[0] == 0)
        #expect(fit.notes.contains { $0.contains("boundary 0") }, "\(fit.notes)")
        let d = NestedLikelihood(sample, restricted: true).derivatives(fit.components)
        #expect(d.gradient[0] >= 0, "d(-2 ln L)/d lot variance at 0: \(d.gradient[0])")
        for i in 1...2 { #expect(abs(d.gradient[i] * fit.components[i]) < 1e-8, "component \(i): \(d.gradient[i])") }
        #expect(fit.intervals[0]?.lowerBound == 0)
        #expect((fit.intervals[0]?.upperBound ?? 0) > 0)
    }
}
