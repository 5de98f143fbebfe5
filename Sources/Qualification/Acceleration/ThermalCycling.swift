#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lifetime

/// Coffin-Manson thermal-cycling acceleration: cycles to failure proportional to dT^-n, so
/// AF = (dT_stress / dT_use)^n (in cycles). Typical n: 1-3 for solder, 4-8 for brittle cracking.
public struct CoffinManson: Sendable, Equatable {
    public var exponent: Double

    public init(exponent: Double) { self.exponent = exponent }

    /// Temperature swings in kelvin (equivalently Celsius degrees), both > 0.
    public func accelerationFactor(useSwing: Double, stressSwing: Double) throws(QualificationError) -> Double {
        try QualificationError.checkPositive(useSwing, "use temperature swing")
        try QualificationError.checkPositive(stressSwing, "stress temperature swing")
        try QualificationError.checkFinite(exponent, "Coffin-Manson exponent")
        return pow(stressSwing / useSwing, exponent)
    }
}

/// One thermal-cycling condition for Norris-Landzberg.
public struct ThermalCycle: Sendable, Equatable {
    /// Temperature swing dT (kelvin or Celsius degrees).
    public var swing: Double
    /// Cycling frequency (cycles per day, or any unit used for both conditions).
    public var frequency: Double
    /// Peak temperature of the cycle, Celsius.
    public var maximumCelsius: Double

    public init(swing: Double, frequency: Double, maximumCelsius: Double) {
        self.swing = swing
        self.frequency = frequency
        self.maximumCelsius = maximumCelsius
    }
}

/// Norris-Landzberg (1969) solder-fatigue acceleration, in cycles:
/// AF = (dT_s / dT_u)^n * (f_u / f_s)^m * exp(Ea / k * (1 / Tmax_u - 1 / Tmax_s)).
/// The original SnPb constants are n = 1.9, m = 1/3 and Ea / k = 1414 K, i.e. Ea = 1414 k
/// (0.1218 eV with the CODATA k): every one is an input here.
public struct NorrisLandzberg: Sendable, Equatable {
    public var swingExponent: Double
    public var frequencyExponent: Double
    public var activationEnergy: Double
    public var constants: ThermalConstants

    public init(swingExponent: Double, frequencyExponent: Double, activationEnergy: Double,
                constants: ThermalConstants = .codata) {
        self.swingExponent = swingExponent
        self.frequencyExponent = frequencyExponent
        self.activationEnergy = activationEnergy
        self.constants = constants
    }

    public func accelerationFactor(use: ThermalCycle, stress: ThermalCycle) throws(QualificationError) -> Double {
        let swing = try CoffinManson(exponent: swingExponent).accelerationFactor(useSwing: use.swing, stressSwing: stress.swing)
        try QualificationError.checkPositive(use.frequency, "use cycling frequency")
        try QualificationError.checkPositive(stress.frequency, "stress cycling frequency")
        try QualificationError.checkFinite(frequencyExponent, "frequency exponent")
        let thermal = try Arrhenius(activationEnergy: activationEnergy, constants: constants)
            .accelerationFactor(useCelsius: use.maximumCelsius, stressCelsius: stress.maximumCelsius)
        return swing * pow(use.frequency / stress.frequency, frequencyExponent) * thermal
    }
}
