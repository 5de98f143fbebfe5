import Testing
import Lifetime
import LinearAlgebra
import RelmodelNumerics
@testable import SPC

/// The asymptotic covariance of REML variance components, and the `ModelFit` names they answer to.
@Suite struct NestedCovarianceTests {
    /// A balanced one-way design: `groups` groups of `size` readings.
    static func oneWay(groups: Int, size: Int, seed: UInt64) throws -> NestedSample {
        var g = Xoshiro256StarStar(seed: seed)
        var values: [Double] = [], lots: [String] = [], readings: [String] = []
        for lot in 1...groups {
            let effect = 2 * RandomVariates.standardNormal(using: &g)
            for reading in 1...size {
                values.append(50 + effect + RandomVariates.standardNormal(using: &g))
                lots.append("\(lot)"); readings.append("\(reading)")
            }
        }
        return try NestedSample(values: values, labels: [lots, readings], levels: ["lot", "reading"])
    }

    /// Balanced one-way REML with a positive lot variance: the REML likelihood factorises into
    /// MSA ~ (σe² + nσa²) χ²(a−1)/(a−1) and MSE ~ σe² χ²(a(n−1))/(a(n−1)), so the inverse information
    /// has a closed form (Searle, Casella and McCulloch, Variance Components, 1992, §4.5 and §6.6):
    /// var σe² = 2σe⁴/(a(n−1)), var σa² = 2/n² [(σe² + nσa²)²/(a−1) + σe⁴/(a(n−1))],
    /// cov = −2σe⁴/(n a(n−1)), evaluated at the estimates (which equal the ANOVA ones here).
    @Test func balancedOneWayClosedForm() throws {
        let a = 7.0, n = 4.0
        let sample = try Self.oneWay(groups: 7, size: 4, seed: 11)
        let fit = try NestedREML.fit(sample, intervals: false)
        let anova = NestedANOVA(sample)
        #expect(fit.atZero == [false, false])
        let lot = fit.components[0], e = fit.components[1]
        #expect(abs(lot - anova.components[0]) < 1e-8 * lot)
        #expect(abs(e - anova.components[1]) < 1e-8 * e)
        let c = try #require(fit.covariance)
        let lambda = e + n * lot
        let varE = 2 * e * e / (a * (n - 1))
        let varLot = 2 / (n * n) * (lambda * lambda / (a - 1) + e * e / (a * (n - 1)))
        let cov = -2 * e * e / (n * a * (n - 1))
        #expect(abs(c[1, 1] - varE) < 1e-7 * varE, "\(c[1, 1]) vs \(varE)")
        #expect(abs(c[0, 0] - varLot) < 1e-7 * varLot, "\(c[0, 0]) vs \(varLot)")
        #expect(abs(c[0, 1] - cov) < 1e-7 * abs(cov) && abs(c[1, 0] - cov) < 1e-7 * abs(cov))
        // The shared names: parameters are the variances, standard errors their covariance's roots.
        let model: any ModelFit = fit
        #expect(model.parameterNames == ["lot", "reading"])
        #expect(model.parameters == fit.components)
        #expect(model.standardErrors == [varLot.squareRoot(), varE.squareRoot()].indices.map { c[$0, $0].squareRoot() })
        #expect(model.logLikelihood == -fit.criterion / 2)
        #expect(model.sampleSize == 28)
        #expect(model.parameterCount == 3)
        #expect(model.aic == 6 + fit.criterion)
        #expect(model.diagnostics.isReliable)
    }

    /// A component at the boundary has zero variance and zero covariance; the others keep theirs.
    @Test func componentAtZeroHasNoVariance() throws {
        var found: NestedSample?
        for seed in UInt64(1)...200 {
            var g = Xoshiro256StarStar(seed: seed)
            var values: [Double] = [], lots: [String] = [], readings: [String] = []
            for lot in 1...6 {
                for reading in 1...3 {
                    values.append(RandomVariates.standardNormal(using: &g))
                    lots.append("\(lot)"); readings.append("\(reading)")
                }
            }
            let sample = try NestedSample(values: values, labels: [lots, readings], levels: ["lot", "reading"])
            if NestedANOVA(sample).components[0] < 0 { found = sample; break }
        }
        let fit = try NestedREML.fit(try #require(found), intervals: false)
        #expect(fit.atZero == [true, false])
        let c = try #require(fit.covariance)
        #expect(c[0, 0] == 0 && c[0, 1] == 0 && c[1, 0] == 0)
        // With the lot variance at 0 the REML criterion is that of one normal sample of N = 18:
        // var σe² = 2σe⁴/(N − 1).
        let e = fit.components[1]
        #expect(abs(c[1, 1] - 2 * e * e / 17) < 1e-7 * c[1, 1], "\(c[1, 1])")
    }
}
