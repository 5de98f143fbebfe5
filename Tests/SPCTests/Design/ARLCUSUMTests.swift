import Foundation
import Testing
@testable import SPC

@Suite("Tabular CUSUM ARL")
struct ARLCUSUMTests {
    /// One-sided upper CUSUM by a Brook-Evans chain written here: grid width w = 2h / N (N odd),
    /// (N + 1) / 2 states, state 0 is C in [0, w/2), state i the interval around i w; the start is
    /// state startFraction × h / w, which must be on both grids. Richardson extrapolation of the
    /// 395- and 795-grids (error O(1/N²)).
    static func brookEvans(k: Double, h: Double, shift: Double, startFraction: Double = 0) -> Double {
        func chain(_ n: Int) -> Double {
            let w = 2 * h / Double(n), m = (n + 1) / 2
            let q = (0..<m).map { i in
                (0..<m).map { j in
                    let from = Double(i) * w
                    let upper = DesignTestSupport.normalCDF(Double(j) * w + w / 2 - from + k - shift)
                    let lower = j == 0 ? 0 : DesignTestSupport.normalCDF(Double(j) * w - w / 2 - from + k - shift)
                    return upper - lower
                }
            }
            let start = startFraction * h / w
            precondition(abs(start - start.rounded()) < 1e-9, "the head start must be on the grid")
            return DesignTestSupport.arl(transitions: q, start: Int(start.rounded()))
        }
        let coarse = 395.0, fine = 795.0
        return (fine * fine * chain(795) - coarse * coarse * chain(395)) / (fine * fine - coarse * coarse)
    }

    /// Montgomery, Introduction to SQC, Table 9.3 (k 1/2): h 5 -> 465 in control, 38.0 at 0.5,
    /// 10.4 at 1 sigma; h 4 -> 168 in control (half a unit of the printed digit).
    @Test func montgomeryTable() throws {
        let design = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5)
        #expect(abs(try design.averageRunLength(shift: 0).averageRunLength - 465) <= 0.5)
        #expect(abs(try design.averageRunLength(shift: 0.5).averageRunLength - 38.0) <= 0.05)
        #expect(abs(try design.averageRunLength(shift: 1).averageRunLength - 10.4) <= 0.05)
        let four = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 4)
        #expect(abs(try four.averageRunLength(shift: 0).averageRunLength - 168) <= 0.5)
    }

    /// The exact (integral-equation) one-sided ARL against the Brook-Evans chain of this file, zero
    /// state and with a head start of 0.4 h; two-sided combined the same way from the chain's values.
    @Test func exactAgainstBrookEvans() throws {
        for (shift, start) in [(0.0, 0.0), (1.0, 0.0), (-0.5, 0.0), (0.0, 0.4), (1.0, 0.4)] {
            let design = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5, headStart: start * 5)
            let reference = Self.brookEvans(k: 0.5, h: 5, shift: shift, startFraction: start)
            let value = try design.upperAverageRunLength(shift: shift).averageRunLength
            #expect(abs(value - reference) <= 2e-4 * reference)
        }
        let upper = Self.brookEvans(k: 0.5, h: 5, shift: 0.5)
        let lower = Self.brookEvans(k: 0.5, h: 5, shift: -0.5)
        let twoSided = 1 / (1 / upper + 1 / lower)
        let design = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5)
        #expect(abs(try design.averageRunLength(shift: 0.5).averageRunLength - twoSided) <= 2e-4 * twoSided)
    }

    /// Siegmund's approximation written out here, b = h + 1.166: one-sided 938.2 and two-sided 469.1
    /// in control for k 0.5, h 5 (Montgomery's worked example of Section 9.1.4 prints 938.2).
    @Test func siegmundApproximation() throws {
        let design = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5)
        func siegmund(_ drift: Double) -> Double {
            let b = 5 + 1.166
            return drift == 0 ? b * b : (exp(-2 * drift * b) + 2 * drift * b - 1) / (2 * drift * drift)
        }
        let inControl = design.siegmundApproximation(shift: 0)
        #expect(abs(inControl.upper - 938.2) <= 0.05)
        #expect(abs(inControl.twoSided - 469.1) <= 0.05)
        for shift in [0.25, 1.0, 2.0] {
            let value = design.siegmundApproximation(shift: shift)
            let up = siegmund(shift - 0.5), down = siegmund(-shift - 0.5)
            #expect(abs(value.upper - up) <= 1e-12 * up)
            #expect(abs(value.lower - down) <= 1e-12 * down)
            #expect(abs(value.twoSided - 1 / (1 / up + 1 / down)) <= 1e-12 * value.twoSided)
        }
        // D = 0 (shift = k): b², reached continuously from the series branch.
        #expect(abs(design.siegmundApproximation(shift: 0.5).upper - 6.166 * 6.166) <= 1e-12)
        let near = design.siegmundApproximation(shift: 0.5 + 1e-5).upper
        #expect(abs(near - siegmund(1e-5)) <= 1e-9 * near)
    }

    /// Critical h round trip: the h that gives the ARL of h = 5 is 5; and Hawkins & Olwell's
    /// (1998) k 0.5 design for ARL 370 is h ≈ 4.77.
    @Test func criticalDecisionInterval() throws {
        let target = try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5).averageRunLength(shift: 0).averageRunLength
        #expect(abs(try ARL.cusumDecisionInterval(reference: 0.5, targetARL: target) - 5) <= 1e-6)
        #expect(abs(try ARL.cusumDecisionInterval(reference: 0.5, targetARL: 370) - 4.77) <= 0.005)
        #expect(throws: ARLError.self) { try ARL.cusumDecisionInterval(reference: 0.5, targetARL: 1.2) }
    }

    @Test func impossibleParametersAreErrors() {
        #expect(throws: ARLError.self) { try ARL.CUSUMDesign(reference: -0.5, decisionInterval: 5) }
        #expect(throws: ARLError.self) { try ARL.CUSUMDesign(reference: 0.5, decisionInterval: -5) }
        #expect(throws: ARLError.self) { try ARL.CUSUMDesign(reference: 0.5, decisionInterval: 5, headStart: 5) }
    }
}
