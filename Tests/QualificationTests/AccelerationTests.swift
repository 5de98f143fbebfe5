import Lifetime
import Qualification
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Each model against its formula written out with the constants of the test.
@Suite struct AccelerationTests {
    let k = ThermalConstants.codataBoltzmann

    @Test func arrheniusUsesTheGivenConstants() throws {
        let af = try Arrhenius(activationEnergy: 0.7).accelerationFactor(useCelsius: 55, stressCelsius: 125)
        #expect(abs(af - exp(0.7 / k * (1 / 328.15 - 1 / 398.15))) < 1e-12 * af)
        // Same temperature: no acceleration; Ea 0: none either.
        #expect(try Arrhenius(activationEnergy: 0.7).accelerationFactor(useCelsius: 60, stressCelsius: 60) == 1)
        #expect(try Arrhenius(activationEnergy: 0).accelerationFactor(useCelsius: 25, stressCelsius: 125) == 1)
        #expect(throws: QualificationError.self) { try Arrhenius(activationEnergy: 0.7).accelerationFactor(useCelsius: -300, stressCelsius: 125) }
    }

    @Test func eyringPeckBlack() throws {
        let thermal = exp(0.7 / k * (1 / 328.15 - 1 / 398.15))
        let eyring = try Eyring(activationEnergy: 0.7).accelerationFactor(useCelsius: 55, stressCelsius: 125)
        #expect(abs(eyring - 398.15 / 328.15 * thermal) < 1e-12 * eyring)
        let peck = try Peck(activationEnergy: 0.79, humidityExponent: 3)
            .accelerationFactor(useCelsius: 30, useHumidity: 60, stressCelsius: 85, stressHumidity: 85)
        let peckExpected = pow(85.0 / 60, 3) * exp(0.79 / k * (1 / 303.15 - 1 / 358.15))
        #expect(abs(peck - peckExpected) < 1e-12 * peck)
        let black = try BlackElectromigration(currentDensityExponent: 2, activationEnergy: 0.9)
            .accelerationFactor(useCurrentDensity: 0.5, useCelsius: 105, stressCurrentDensity: 2, stressCelsius: 300)
        #expect(abs(black - 16 * exp(0.9 / k * (1 / 378.15 - 1 / 573.15))) < 1e-12 * black)
        #expect(throws: QualificationError.self) {
            try Peck(activationEnergy: 0.79, humidityExponent: 3).accelerationFactor(useCelsius: 30, useHumidity: 0, stressCelsius: 85, stressHumidity: 85)
        }
    }

    @Test func thermalCycling() throws {
        #expect(abs(try CoffinManson(exponent: 2).accelerationFactor(useSwing: 50, stressSwing: 165) - 10.89) < 1e-12)
        // Norris-Landzberg with its SnPb constants: n 1.9, m 1/3, Ea/k = 1414 K.
        let model = NorrisLandzberg(swingExponent: 1.9, frequencyExponent: 1.0 / 3, activationEnergy: 1414 * k)
        let af = try model.accelerationFactor(use: ThermalCycle(swing: 60, frequency: 2, maximumCelsius: 85),
                                              stress: ThermalCycle(swing: 165, frequency: 48, maximumCelsius: 125))
        let expected = pow(165.0 / 60, 1.9) * pow(2.0 / 48, 1.0 / 3) * exp(1414 * (1 / 358.15 - 1 / 398.15))
        #expect(abs(af - expected) < 1e-12 * expected)
    }

    @Test func voltageModels() throws {
        #expect(abs(try VoltageAcceleration.exponential(gamma: 2.5).accelerationFactor(use: 1.2, stress: 1.8) - exp(1.5)) < 1e-12)
        #expect(abs(try VoltageAcceleration.reciprocal(g: 10).accelerationFactor(use: 4, stress: 5) - exp(0.5)) < 1e-12)
        #expect(abs(try VoltageAcceleration.inversePower(exponent: 3).accelerationFactor(use: 2, stress: 4) - 8) < 1e-12)
        #expect(throws: QualificationError.self) { try VoltageAcceleration.inversePower(exponent: 3).accelerationFactor(use: 0, stress: 4) }
    }
}
