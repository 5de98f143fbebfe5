#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lifetime

/// Arrhenius temperature acceleration: life proportional to exp(Ea / (k T)), so
/// AF = exp(Ea / k * (1 / T_use - 1 / T_stress)) with T in kelvin (Celsius + `kelvinOffset`).
///
/// AF > 1 when the stress is hotter than use. The factor is exact arithmetic on the inputs; its
/// third digit depends on k and the Kelvin offset, both taken from `constants`.
public struct Arrhenius: Sendable, Equatable {

    /// Activation energy Ea in eV (may be 0: no acceleration).
    public var activationEnergy: Double
    public var constants: ThermalConstants

    public init(activationEnergy: Double, constants: ThermalConstants = .codata) {
        self.activationEnergy = activationEnergy
        self.constants = constants
    }

    /// AF between a use and a stress temperature in degrees Celsius.
    public func accelerationFactor(useCelsius: Double, stressCelsius: Double) throws(QualificationError) -> Double {
        try QualificationError.checkNonNegative(activationEnergy, "activation energy")
        try constants.checkTemperature(useCelsius, "use temperature")
        try constants.checkTemperature(stressCelsius, "stress temperature")
        return try QualificationError.checkedFactor(LifeStressRelationship.arrhenius.accelerationFactor(
            slopes: [activationEnergy], use: [useCelsius], stress: [stressCelsius], constants: constants))
    }
}

/// Eyring temperature acceleration: life proportional to T^-m exp(Ea / (k T)) (m = 1 is the
/// transition-state form), so AF = (T_stress / T_use)^m * exp(Ea / k * (1 / T_use - 1 / T_stress)).
public struct Eyring: Sendable, Equatable {
    /// Activation energy in eV.
    public var activationEnergy: Double
    /// Exponent m of the absolute temperature in front of the exponential (1 in Eyring's theory).
    public var temperatureExponent: Double
    public var constants: ThermalConstants

    public init(activationEnergy: Double, temperatureExponent: Double = 1, constants: ThermalConstants = .codata) {
        self.activationEnergy = activationEnergy
        self.temperatureExponent = temperatureExponent
        self.constants = constants
    }

    public func accelerationFactor(useCelsius: Double, stressCelsius: Double) throws(QualificationError) -> Double {
        let arrhenius = try Arrhenius(activationEnergy: activationEnergy, constants: constants)
            .accelerationFactor(useCelsius: useCelsius, stressCelsius: stressCelsius)
        try QualificationError.checkFinite(temperatureExponent, "temperature exponent")
        // m = 1 is the life-stress relationship `.eyring`; another m scales its T_stress/T_use factor.
        let eyring = try QualificationError.checkedFactor(LifeStressRelationship.eyring.accelerationFactor(
            slopes: [activationEnergy], use: [useCelsius], stress: [stressCelsius], constants: constants))
        if temperatureExponent == 1 { return eyring }
        return pow(constants.kelvin(stressCelsius) / constants.kelvin(useCelsius), temperatureExponent) * arrhenius
    }
}

/// Peck's temperature-humidity model: life proportional to RH^-n exp(Ea / (k T)), so
/// AF = (RH_stress / RH_use)^n * exp(Ea / k * (1 / T_use - 1 / T_stress)). Peck (1986) fitted
/// n = 3 and Ea = 0.9 eV for epoxy packages; both are inputs here.
public struct Peck: Sendable, Equatable {
    public var activationEnergy: Double
    /// Humidity exponent n.
    public var humidityExponent: Double
    public var constants: ThermalConstants

    public init(activationEnergy: Double, humidityExponent: Double, constants: ThermalConstants = .codata) {
        self.activationEnergy = activationEnergy
        self.humidityExponent = humidityExponent
        self.constants = constants
    }

    /// Relative humidities in percent (0, 100].
    public func accelerationFactor(useCelsius: Double, useHumidity: Double,
                                   stressCelsius: Double, stressHumidity: Double) throws(QualificationError) -> Double {
        for (value, name) in [(useHumidity, "use relative humidity"), (stressHumidity, "stress relative humidity")] {
            guard value > 0, value <= 100 else { throw QualificationError.invalidArgument("\(name) must be in (0, 100] percent, got \(value)") }
        }
        try QualificationError.checkFinite(humidityExponent, "humidity exponent")
        try QualificationError.checkNonNegative(activationEnergy, "activation energy")
        try constants.checkTemperature(useCelsius, "use temperature")
        try constants.checkTemperature(stressCelsius, "stress temperature")
        return try QualificationError.checkedFactor(LifeStressRelationship.peck.accelerationFactor(
            slopes: [activationEnergy, -humidityExponent], use: [useCelsius, useHumidity], stress: [stressCelsius, stressHumidity],
            constants: constants))
    }
}
