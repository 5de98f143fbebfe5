import Lifetime
import Qualification
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// |x - printed| <= half a unit of the printed value's last digit.
func matchesPrinted(_ x: Double, _ printed: Double, unit: Double) -> Bool { abs(x - printed) <= unit / 2 }

@Suite struct FailureRateTests {
    /// Freescale MMA1250D datasheet reliability table: chi2(C; 2r + 2) for r = 0...4.
    @Test func chiSquareTable() throws {
        let sixty = [1.833, 4.045, 6.211, 8.351, 10.473]
        let ninety = [4.605, 7.779, 10.645, 13.362, 15.987]
        for r in 0..<5 {
            #expect(matchesPrinted(try FailureRate.chiSquare(failures: r, confidence: 0.6), sixty[r], unit: 0.001))
            #expect(matchesPrinted(try FailureRate.chiSquare(failures: r, confidence: 0.9), ninety[r], unit: 0.001))
        }
    }

    /// Freescale: 500,000 device-hours, 0 failures, 60% -> 1,833 FIT; 5,000,000 -> 183 FIT.
    @Test func freescaleDeviceHours() throws {
        #expect(matchesPrinted(try FailureRate.upperBound(failures: 0, equivalentDeviceHours: 5e5, confidence: 0.6), 1833, unit: 1))
        #expect(matchesPrinted(try FailureRate.upperBound(failures: 0, equivalentDeviceHours: 5e6, confidence: 0.6), 183, unit: 1))
        // Zero failures at confidence C has the closed form -ln(1 - C) / D.
        let closed = -log(0.4) / 5e5 * 1e9
        #expect(abs(try FailureRate.upperBound(failures: 0, equivalentDeviceHours: 5e5, confidence: 0.6) - closed) < 1e-9 * closed)
    }

    /// ADI reliability handbook: Ea 0.7 eV, use 55 C, k = 8.63e-5 eV/K, T = C + 273.
    @Test func adiAccelerationFactors() throws {
        let model = Arrhenius(activationEnergy: 0.7, constants: ThermalConstants(boltzmann: 8.63e-5, kelvinOffset: 273))
        for (stress, printed) in [(150.0, 258.0), (135, 128), (125, 77), (85, 8)] {
            #expect(matchesPrinted(try model.accelerationFactor(useCelsius: 55, stressCelsius: stress), printed, unit: 1))
        }
    }

    /// ECS crystal-oscillator report: 300 units x 2000 h at 85 C, 0 failures, 60%, Ea 0.65 eV,
    /// k = 8.6173e-5, use 25 C: printed 1,528 FIT at stress, AF 69.6, 21.9 FIT at 25 C.
    ///
    /// Only the Kelvin offset 273 reproduces AF 69.6 (273.15 gives 69.29, 273.16 gives 69.27). The
    /// report then rounds before dividing: the tabulated chi2 = 1.833 gives 1.833 / 1.2e6 * 1e9 =
    /// 1527.5 -> "1,528" (the exact chi2 1.83258 gives 1527.15), and dividing by the rounded AF 69.6
    /// gives 21.947 -> "21.9" (the unrounded chain gives 21.954). Both chains are pinned below.
    @Test func ecsCrystalReport() throws {
        let constants = ThermalConstants(boltzmann: 8.6173e-5, kelvinOffset: 273)
        let plan = FailureRatePlan.single(units: 300, hours: 2000, failures: 0, stressCelsius: 85, useCelsius: 25,
                                          activationEnergy: 0.65, constants: constants)
        let result = try plan.evaluate(confidence: 0.6)
        let af = result.mechanisms[0].accelerationFactors[0]
        #expect(matchesPrinted(af, 69.6, unit: 0.1))
        #expect(abs(af - 69.562731) < 1e-6)                       // exp(0.65/8.6173e-5 (1/298 - 1/358))
        #expect(abs(result.mechanisms[0].equivalentDeviceHours - 600_000 * af) < 1e-6)
        // Unrounded chain (what relmodel reports).
        let atStress = try FailureRate.upperBound(failures: 0, equivalentDeviceHours: 600_000, confidence: 0.6)
        #expect(abs(atStress - 1527.1512) < 1e-4)
        #expect(abs(result.fit - 1527.1512 / af) < 1e-6)
        #expect(abs(result.fit - 21.95358) < 1e-5)
        // The report's rounded chain reproduces its printed digits.
        #expect(matchesPrinted(FailureRate.fit(chiSquare: 1.833, equivalentDeviceHours: 600_000), 1528, unit: 1))
        #expect(matchesPrinted(FailureRate.fit(chiSquare: 1.833, equivalentDeviceHours: 600_000 * 69.6), 21.9, unit: 0.1))
        // MTTF from the rate.
        #expect(abs(result.mttfHours - 1e9 / result.fit) < 1e-6)
        #expect(result.fitPoint == 0 && result.mttfPointHours == .infinity)
    }

    /// Two tests and two mechanisms, checked against the sums written out by hand.
    @Test func multiConditionMultiMechanism() throws {
        let constants = ThermalConstants.codata
        let plan = FailureRatePlan(
            tests: [StressTest(name: "a", units: 77, hours: 1000, stressCelsius: 125),
                    StressTest(name: "b", units: 45, hours: 500, stressCelsius: 150)],
            mechanisms: [FailureMechanism(name: "oxide", activationEnergy: 0.7),
                         FailureMechanism(name: "em", activationEnergy: 0.9)],
            failures: [[0, 1], [1, 1]], useCelsius: 55, constants: constants)
        let result = try plan.evaluate(confidence: 0.9)
        func af(_ ea: Double, _ t: Double) -> Double {
            exp(ea / constants.boltzmann * (1 / (55 + 273.15) - 1 / (t + 273.15)))
        }
        let dOxide: Double = 77_000 * af(0.7, 125) + 22_500 * af(0.7, 150)
        let dEM: Double = 77_000 * af(0.9, 125) + 22_500 * af(0.9, 150)
        // chi2(0.9; 4) = 7.779 (table above); chi2(0.9; 6) = 10.645.
        let oxideFIT: Double = ChiSquaredReference.ninety4 / (2 * dOxide) * 1e9
        let emFIT: Double = ChiSquaredReference.ninety6 / (2 * dEM) * 1e9
        let expected = oxideFIT + emFIT
        #expect(abs(result.fit - expected) < 1e-8 * expected)
        #expect(abs(result.fitPoint - (1 / dOxide + 2 / dEM) * 1e9) < 1e-9 * result.fitPoint)
        #expect(result.mechanisms.map(\.failures) == [1, 2])
        #expect(result.deviceHours == 99_500)
    }

    @Test func impossibleInputsThrow() {
        let ok = FailureRatePlan.single(units: 10, hours: 100, failures: 0, stressCelsius: 125, useCelsius: 55, activationEnergy: 0.7)
        var bad = ok
        bad.tests[0].hours = -1
        #expect(throws: QualificationError.self) { try bad.evaluate() }
        bad = ok; bad.failures = [[11]]
        #expect(throws: QualificationError.self) { try bad.evaluate() }
        bad = ok; bad.useCelsius = 130
        #expect(throws: QualificationError.self) { try bad.evaluate() }
        #expect(throws: QualificationError.self) { try ok.evaluate(confidence: 1) }
        #expect(throws: QualificationError.self) { try ok.evaluate(confidence: 0) }
    }
}

/// Chi-square quantiles from the gamma relation chi2(c; 2k) = 2 * (inverse regularized gamma), which
/// for even degrees of freedom is the Poisson identity P(N <= k-1; x/2) = 1 - c, solved here by
/// bisection independently of the library.
enum ChiSquaredReference {
    static func evenQuantile(_ c: Double, dof: Int) -> Double {
        let k = dof / 2
        func poissonCDF(_ m: Double) -> Double {
            var term = exp(-m), total = term
            if k > 1 { for i in 1..<k { term *= m / Double(i); total += term } }
            return total
        }
        var lo = 0.0, hi = 200.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if poissonCDF(mid / 2) > 1 - c { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }
    static let ninety4 = evenQuantile(0.9, dof: 4)
    static let ninety6 = evenQuantile(0.9, dof: 6)
}
