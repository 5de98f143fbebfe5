#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lifetime

/// Voltage (or electric field) acceleration of dielectric and gate-oxide wear-out.
///
/// The three common laws, with the constant of each as the associated value:
/// - `.exponential(gamma)`: the E-model, life proportional to exp(-gamma V),
///   AF = exp(gamma (V_stress - V_use)); gamma in 1/(unit of V) (per volt, or per MV/cm for fields).
/// - `.reciprocal(g)`: the 1/E model, life proportional to exp(G / V), AF = exp(G (1/V_use - 1/V_stress)).
/// - `.inversePower(n)`: life proportional to V^-n, AF = (V_stress / V_use)^n.
public enum VoltageAcceleration: Sendable, Equatable {
    case exponential(gamma: Double)
    case reciprocal(g: Double)
    case inversePower(exponent: Double)

    /// AF between a use and a stress voltage (or field) in the same unit; both > 0.
    public func accelerationFactor(use: Double, stress: Double) throws(QualificationError) -> Double {
        try QualificationError.checkPositive(use, "use voltage")
        try QualificationError.checkPositive(stress, "stress voltage")
        switch self {
        case let .exponential(gamma):
            try QualificationError.checkFinite(gamma, "voltage acceleration gamma")
            // The E-model is the life-stress relationship `.exponential` with slope -gamma.
            return try QualificationError.checkedFactor(LifeStressRelationship.exponential.accelerationFactor(
                slopes: [-gamma], use: [use], stress: [stress], constants: .codata))
        case let .reciprocal(g):
            try QualificationError.checkFinite(g, "1/E field acceleration G")
            return exp(g * (1 / use - 1 / stress))
        case let .inversePower(n):
            try QualificationError.checkFinite(n, "voltage exponent")
            // The life-stress relationship `.inversePower` with slope -n on ln V.
            return try QualificationError.checkedFactor(LifeStressRelationship.inversePower.accelerationFactor(
                slopes: [-n], use: [use], stress: [stress], constants: .codata))
        }
    }
}

/// Black's electromigration equation, MTTF = A J^-n exp(Ea / (k T)), so
/// AF = (J_stress / J_use)^n * exp(Ea / k * (1 / T_use - 1 / T_stress)). Black's n = 2; Ea 0.5-0.9 eV
/// for aluminium, about 0.9 eV for copper; both are inputs.
public struct BlackElectromigration: Sendable, Equatable {
    public var currentDensityExponent: Double
    public var activationEnergy: Double
    public var constants: ThermalConstants

    public init(currentDensityExponent: Double, activationEnergy: Double, constants: ThermalConstants = .codata) {
        self.currentDensityExponent = currentDensityExponent
        self.activationEnergy = activationEnergy
        self.constants = constants
    }

    /// Current densities in one unit (e.g. MA/cm^2), temperatures in Celsius.
    public func accelerationFactor(useCurrentDensity: Double, useCelsius: Double,
                                   stressCurrentDensity: Double, stressCelsius: Double) throws(QualificationError) -> Double {
        try QualificationError.checkPositive(useCurrentDensity, "use current density")
        try QualificationError.checkPositive(stressCurrentDensity, "stress current density")
        try QualificationError.checkFinite(currentDensityExponent, "current density exponent")
        let thermal = try Arrhenius(activationEnergy: activationEnergy, constants: constants)
            .accelerationFactor(useCelsius: useCelsius, stressCelsius: stressCelsius)
        return pow(stressCurrentDensity / useCurrentDensity, currentDensityExponent) * thermal
    }
}
