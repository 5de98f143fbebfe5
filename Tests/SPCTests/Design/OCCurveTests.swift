import Foundation
import Testing
@testable import SPC

@Suite("OC curves")
struct OCCurveTests {
    /// Xbar chart, n 5, 3-sigma limits: 1 sigma -> ARL 4.50, 0.5 sigma -> 33.40 (Montgomery; qcc
    /// oc.curves on the piston rings), and beta by the closed form written here.
    @Test func xbar() throws {
        #expect(abs(try OCCurve.xbar(shift: 1, subgroupSize: 5).averageRunLength - 4.50) <= 0.005)
        #expect(abs(try OCCurve.xbar(shift: 0.5, subgroupSize: 5).averageRunLength - 33.40) <= 0.005)
        let d = 1.5 * 4.0.squareRoot()
        let beta = DesignTestSupport.normalCDF(3 - d) - DesignTestSupport.normalCDF(-3 - d)
        #expect(abs(try OCCurve.xbar(shift: 1.5, subgroupSize: 4).beta - beta) <= 1e-12)
        #expect(throws: ARLError.self) { try OCCurve.xbar(shift: 1, subgroupSize: 0) }
    }

    /// p chart against binomial sums written here: p0 0.2, n 50, limits 0.2 ± 3 sqrt(0.2·0.8/50) =
    /// (0.0303, 0.3697), so D in 2...18 does not signal (Montgomery's OC example of Section 7.2.4).
    @Test func proportionAgainstDirectBinomialSums() throws {
        for p in [0.05, 0.2, 0.3, 0.45] {
            let beta = (2...18).reduce(0.0) { $0 + DesignTestSupport.binomialPMF($1, 50, p) }
            let point = try OCCurve.proportion(p, center: 0.2, sampleSize: 50)
            #expect(abs(point.beta - beta) <= 1e-10)
        }
        // A limit exactly on an integer count (p0 0.5, n 36, L 2: 18 ± 6) keeps 12 and 24 inside.
        let beta = (12...24).reduce(0.0) { $0 + DesignTestSupport.binomialPMF($1, 36, 0.5) }
        #expect(abs(try OCCurve.proportion(0.5, center: 0.5, sampleSize: 36, limitWidth: 2).beta - beta) <= 1e-10)
        #expect(throws: ARLError.self) { try OCCurve.proportion(0.2, center: 1.2, sampleSize: 50) }
    }

    /// c chart against Poisson sums written here: c0 16 (limits 4 and 28, integers), and c0 19.846
    /// (the circuit boards' 6.48 / 33.21: counts 7...33 do not signal).
    @Test func countAgainstDirectPoissonSums() throws {
        for mean in [10.0, 16.0, 25.0] {
            let pmf = DesignTestSupport.poissonPMFs(upTo: 33, mean: mean)
            let onInteger = (4...28).reduce(0.0) { $0 + pmf[$1] }
            #expect(abs(try OCCurve.count(mean: mean, center: 16).beta - onInteger) <= 1e-10)
            let boards = (7...33).reduce(0.0) { $0 + pmf[$1] }
            #expect(abs(try OCCurve.count(mean: mean, center: 19.84615).beta - boards) <= 1e-10)
        }
        #expect(throws: ARLError.self) { try OCCurve.count(mean: 1, center: 0) }
    }

    /// Relative range, n = 2: W = sqrt(2)|Z|, so P(W <= w) = erf(w / 2) (closed form); n = 5: the
    /// identity E[W] = ∫ P(W > w) dw must give d2 = 2.326 (Montgomery, Appendix VI).
    @Test func relativeRange() throws {
        let two = try OCRelativeRange(subgroupSize: 2)
        for w in [0.3, 1.0, 2.5, 4.0] { #expect(abs(two.cdf(w) - erf(w / 2)) <= 1e-12) }
        let five = try OCRelativeRange(subgroupSize: 5)
        // Trapezoid on a 0.01 grid over [0, 8]: error about 1e-6, far below the table's 0.0005.
        var mean = 0.0
        var previous = 1.0
        for i in 1...800 {
            let survival = 1 - five.cdf(Double(i) * 0.01)
            mean += 0.005 * (previous + survival)
            previous = survival
        }
        #expect(abs(mean - 2.326) <= 0.0005)
        #expect(throws: ARLError.self) { try OCRelativeRange(subgroupSize: 1) }
    }

    /// R chart, n = 2: limits (max(0, d2 - 3 d3), d2 + 3 d3) = (0, 3.686) sigma0, so
    /// beta = P(W <= 3.686 / ratio) = erf(3.686 / (2 ratio)) by the closed form.
    @Test func rangeChart() throws {
        let upper = 2 / Double.pi.squareRoot() + 3 * (2 - 4 / Double.pi).squareRoot()
        for ratio in [1.0, 1.5, 2.5] {
            #expect(abs(try OCCurve.range(ratio: ratio, subgroupSize: 2).beta - erf(upper / (2 * ratio))) <= 1e-8)
        }
        #expect(throws: ARLError.self) { try OCCurve.range(ratio: 0, subgroupSize: 5) }
    }

    /// S chart: n = 2 ((n-1)S²/sigma² = Z², P = erf(sqrt(x/2))) and n = 3 (chi² with 2 df,
    /// P = 1 - exp(-x/2)) by closed forms written here, c4 by its gamma-function formula.
    @Test func standardDeviationChart() throws {
        func c4(_ n: Double) -> Double { (2 / (n - 1)).squareRoot() * exp(lgamma(n / 2) - lgamma((n - 1) / 2)) }
        for ratio in [1.0, 2.0] {
            let c = c4(2), upper = c + 3 * (1 - c * c).squareRoot()
            let beta2 = erf((upper * upper / (ratio * ratio) / 2).squareRoot())
            #expect(abs(try OCCurve.standardDeviation(ratio: ratio, subgroupSize: 2).beta - beta2) <= 1e-10)
            let c3 = c4(3), upper3 = c3 + 3 * (1 - c3 * c3).squareRoot()
            let beta3 = 1 - exp(-2 * upper3 * upper3 / (ratio * ratio) / 2)
            #expect(abs(try OCCurve.standardDeviation(ratio: ratio, subgroupSize: 3).beta - beta3) <= 1e-10)
        }
    }
}
