import Testing
@testable import SPC

/// Intervals of the one-sided indices and of Cpm, against values computed independently with SciPy
/// (scipy.stats.chi2.ppf for Boyles' non-integer nu, scipy.stats.norm.ppf for Bissell) from the
/// formulas in the test comments.
@Suite struct CapabilityIntervalTests {
    let values = [10.2, 9.8, 10.5, 10.1, 9.7, 10.3, 10.0, 9.9, 10.4, 10.6, 9.6, 10.2, 10.1, 9.95, 10.05]

    @Test func cpmByBoylesChiSquare() throws {
        // Cpm = (USL - LSL) / (6 sqrt(sw^2 + (mean - T)^2)), nu = n (1 + xi^2)^2 / (1 + 2 xi^2), xi = (mean - T)/sw;
        // bounds Cpm sqrt(chi2(0.025; nu)/nu), Cpm sqrt(chi2(0.975; nu)/nu).
        let c = try NormalCapability(values, withinSigma: 0.3, specification: Specification(lsl: 9, usl: 11.5, target: 10))
        let cpm = try #require(c.cpm)
        #expect(abs(cpm.value - 1.3261899671260888) < 1e-12)
        #expect(abs(try #require(cpm.lower) - 0.8586624713923233) < 1e-9)
        #expect(abs(try #require(cpm.upper) - 1.7934957366211584) < 1e-9)
    }

    @Test func oneSidedIndicesByBissell() throws {
        // Cpu = (USL - mean)/(3 sw), bounds Cpu -+ z sqrt(1/(9n) + Cpu^2/(2(n-1))).
        let c = try NormalCapability(values, withinSigma: 0.3, specification: Specification(lsl: 9, usl: 11.5, target: 10))
        let cpu = try #require(c.cpu)
        #expect(abs(cpu.value - 1.5629629629629627) < 1e-12)
        #expect(abs(try #require(cpu.lower) - 0.9599684392346138) < 1e-9)
        #expect(abs(try #require(cpu.upper) - 2.1659574866913114) < 1e-9)
        // Cpk is the smaller one-sided index, with the same interval.
        let cpl = try #require(c.cpl)
        #expect(c.cpk == (cpl.value < cpu.value ? cpl : cpu))
    }
}
