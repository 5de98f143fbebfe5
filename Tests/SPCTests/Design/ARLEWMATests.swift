import Foundation
import Testing
@testable import SPC

@Suite("EWMA ARL")
struct ARLEWMATests {
    /// Lucas & Saccucci (Technometrics 32, 1990): lambda 0.5, L 3.071 -> 500 in control, 17.5 at a
    /// 1-sigma shift. Compared at the printed digits (the table's 500 is itself the rounded target,
    /// so half a unit: ±0.5; 17.5 ± 0.05).
    @Test func lucasSaccucciLambdaHalf() throws {
        let design = try ARL.EWMADesign(lambda: 0.5, limitWidth: 3.071)
        #expect(abs(try design.averageRunLength(shift: 0).averageRunLength - 500) <= 0.5)
        #expect(abs(try design.averageRunLength(shift: 1).averageRunLength - 17.5) <= 0.05)
    }

    /// Lucas & Saccucci (1990), lambda 0.1, L 2.814, as reprinted in Montgomery (Introduction to SQC,
    /// Table 9.11): 500, 31.3 at 0.5, 10.3 at 1, 4.4 at 2 sigma (half a unit of the printed digit).
    @Test func lucasSaccucciLambdaTenth() throws {
        let design = try ARL.EWMADesign(lambda: 0.1, limitWidth: 2.814)
        #expect(abs(try design.averageRunLength(shift: 0).averageRunLength - 500) <= 0.5)
        #expect(abs(try design.averageRunLength(shift: 0.5).averageRunLength - 31.3) <= 0.05)
        #expect(abs(try design.averageRunLength(shift: 1).averageRunLength - 10.3) <= 0.05)
        #expect(abs(try design.averageRunLength(shift: 2).averageRunLength - 4.4) <= 0.05)
    }

    /// lambda = 1 is a Shewhart chart with L-sigma limits: ARL = 1 / (Phi(-L - d) + Phi(-L + d)),
    /// an independent closed form (the kernel no longer depends on the previous value).
    @Test func lambdaOneIsShewhart() throws {
        let design = try ARL.EWMADesign(lambda: 1, limitWidth: 2.5)
        for shift in [0.0, 0.7, 2.0] {
            let expected = 1 / (DesignTestSupport.normalCDF(-2.5 - shift) + DesignTestSupport.normalCDF(-2.5 + shift))
            let value = try design.averageRunLength(shift: shift)
            #expect(abs(value.averageRunLength - expected) <= 1e-8 * expected)
            #expect(value.estimatedError <= 1e-7 * expected)
        }
    }

    /// Against a Brook-Evans Markov chain written here (301 states on [-h, h], midpoint
    /// representatives), refined by Richardson extrapolation of 151- and 301-state chains (error
    /// O(1/m²)); lambda 0.2, L 2.962 (Lucas & Saccucci's ARL-500 design) at 0 and 0.75 sigma.
    @Test func againstBrookEvansChain() throws {
        let lambda = 0.2, width = 2.962
        let h = width * (lambda / (2 - lambda)).squareRoot()
        func brookEvans(_ m: Int, _ shift: Double) -> Double {
            let delta = 2 * h / Double(m)
            let centers = (0..<m).map { -h + (Double($0) + 0.5) * delta }
            let q = centers.map { from in
                centers.map { to in
                    // P(to - delta/2 < (1 - lambda) from + lambda x <= to + delta/2), x ~ N(shift, 1)
                    let base = (1 - lambda) * from
                    return DesignTestSupport.normalCDF((to + delta / 2 - base) / lambda - shift)
                        - DesignTestSupport.normalCDF((to - delta / 2 - base) / lambda - shift)
                }
            }
            return DesignTestSupport.arl(transitions: q, start: m / 2)
        }
        let design = try ARL.EWMADesign(lambda: lambda, limitWidth: width)
        for shift in [0.0, 0.75] {
            let coarse = brookEvans(151, shift), fine = brookEvans(301, shift)
            let extrapolated = (4 * fine - coarse) / 3
            let value = try design.averageRunLength(shift: shift).averageRunLength
            #expect(abs(value - extrapolated) <= 2e-4 * value)
        }
    }

    /// Round trip of the critical value: lambda 0.5, ARL 500 -> L 3.071 (Lucas & Saccucci's printed
    /// digits, ±0.0005).
    @Test func criticalLimitWidth() throws {
        let width = try ARL.ewmaLimitWidth(lambda: 0.5, targetARL: 500)
        #expect(abs(width - 3.071) <= 0.0005)
        let back = try ARL.EWMADesign(lambda: 0.5, limitWidth: width).averageRunLength(shift: 0).averageRunLength
        #expect(abs(back - 500) <= 1e-6 * 500)
    }

    @Test func impossibleParametersAreErrors() {
        #expect(throws: ARLError.self) { try ARL.EWMADesign(lambda: 0, limitWidth: 3) }
        #expect(throws: ARLError.self) { try ARL.EWMADesign(lambda: 1.2, limitWidth: 3) }
        #expect(throws: ARLError.self) { try ARL.EWMADesign(lambda: 0.2, limitWidth: -1) }
        #expect(throws: ARLError.self) { try ARL.EWMADesign(lambda: 0.2, limitWidth: 3).averageRunLength(shift: 0, start: 5) }
        #expect(throws: ARLError.self) { try ARL.ewmaLimitWidth(lambda: 0.2, targetARL: 0.5) }
    }
}
