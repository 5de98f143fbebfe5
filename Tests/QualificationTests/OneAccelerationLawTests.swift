import Foundation
import Lifetime
@testable import Qualification
import Testing

/// One acceleration model: the factors with known constants and the factor of an ALT fit come from
/// `LifeStressRelationship.accelerationFactor`, checked here against the closed forms written out.
@Suite struct OneAccelerationLawTests {
    let k = ThermalConstants.codataBoltzmann

    func close(_ a: Double, _ b: Double) -> Bool { abs(a / b - 1) < 1e-13 }

    @Test func knownConstantsMatchTheClosedForms() throws {
        let c = ThermalConstants()
        let arrhenius = try Arrhenius(activationEnergy: 0.7, constants: c).accelerationFactor(useCelsius: 55, stressCelsius: 125)
        #expect(close(arrhenius, exp(0.7 / k * (1 / 328.15 - 1 / 398.15))))
        let eyring = try Eyring(activationEnergy: 0.7, constants: c).accelerationFactor(useCelsius: 55, stressCelsius: 125)
        #expect(close(eyring, 398.15 / 328.15 * arrhenius))
        let eyring2 = try Eyring(activationEnergy: 0.7, temperatureExponent: 2, constants: c).accelerationFactor(useCelsius: 55, stressCelsius: 125)
        #expect(close(eyring2, pow(398.15 / 328.15, 2) * arrhenius))
        let peck = try Peck(activationEnergy: 0.9, humidityExponent: 3, constants: c)
            .accelerationFactor(useCelsius: 30, useHumidity: 60, stressCelsius: 85, stressHumidity: 85)
        #expect(close(peck, pow(85.0 / 60, 3) * exp(0.9 / k * (1 / 303.15 - 1 / 358.15))))
        #expect(close(try VoltageAcceleration.inversePower(exponent: 17.7).accelerationFactor(use: 20, stress: 38), pow(38.0 / 20, 17.7)))
        #expect(close(try VoltageAcceleration.exponential(gamma: 2.5).accelerationFactor(use: 3.3, stress: 5), exp(2.5 * (5 - 3.3))))
    }

    /// An ALT fit's factor is the same law with the fitted slopes: equal to exp(mu(use) - mu(stress)) from
    /// the fit's own locations, and to the qualification factor with the fitted activation energy.
    @Test func altFitUsesTheSameLaw() throws {
        var levels: [StressLevel] = []
        for (temp, times) in [(150.0, [310.0, 520, 760, 980, 1300]), (175, [120, 190, 260, 330, 450]), (200, [40, 66, 90, 121, 160])] {
            var data = LifetimeData()
            for t in times { try data.addFailure(at: t) }
            levels.append(StressLevel(stress: [temp], data: data))
        }
        let fit = try LifeStressRegression.fit(.weibull2p, .arrhenius, to: levels)
        let af = try #require(fit.accelerationFactor(use: [55], stress: [150]))
        #expect(close(af, exp(try #require(fit.location(at: [55])) - (try #require(fit.location(at: [150]))))))
        let known = try Arrhenius(activationEnergy: fit.coefficients[1]).accelerationFactor(useCelsius: 55, stressCelsius: 150)
        #expect(close(af, known))
    }
}
