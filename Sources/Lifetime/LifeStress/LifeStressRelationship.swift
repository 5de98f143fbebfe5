#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How stress moves the location of log life: mu(stress) = offset(stress) + b0 + sum_j b_j x_j(stress).
///
/// | relationship | stresses | x | offset | meaning of the slope |
/// |---|---|---|---|---|
/// | `arrhenius` | temperature, Celsius | 1/(k T) | 0 | b1 = activation energy Ea in eV |
/// | `eyring` | temperature, Celsius | 1/(k T) | -ln T | b1 = Ea in eV (life ~ exp(Ea/kT)/T) |
/// | `inversePower` | voltage (any unit > 0) | ln V | 0 | b1 = -n: life ~ V^b1 |
/// | `exponential` | any stress | V | 0 | b1: life ~ exp(b1 V) (the E-model has b1 = -gamma) |
/// | `peck` | temperature (C), relative humidity (%) | 1/(k T), ln RH | 0 | b1 = Ea, b2 = -n |
///
/// T is in kelvin: Celsius plus the Kelvin offset of `ThermalConstants`, with its Boltzmann constant k.
public enum LifeStressRelationship: String, Sendable, CaseIterable {
    case arrhenius
    case eyring
    case inversePower = "inverse-power"
    case exponential
    case peck

    /// Number of stress variables each observation carries.
    public var stressCount: Int { self == .peck ? 2 : 1 }

    /// Names of the coefficients b0, b1, ... as reported.
    public var coefficientNames: [String] {
        switch self {
        case .arrhenius, .eyring: ["intercept", "activationEnergy"]
        case .inversePower: ["intercept", "exponent"]
        case .exponential: ["intercept", "slope"]
        case .peck: ["intercept", "activationEnergy", "humidityExponent"]
        }
    }

    /// The covariates x(stress) (without the intercept) and the offset; nil when a stress is outside
    /// the relationship's domain (a temperature at or below absolute zero, a non-positive voltage
    /// or humidity, a non-finite value).
    public func covariates(_ stress: [Double], constants: ThermalConstants) -> (x: [Double], offset: Double)? {
        guard stress.count == stressCount, stress.allSatisfy(\.isFinite) else { return nil }
        switch self {
        case .arrhenius, .eyring, .peck:
            let kelvin = constants.kelvin(stress[0])
            guard kelvin > 0 else { return nil }
            let x = 1 / (constants.boltzmann * kelvin)
            if self == .peck {
                guard stress[1] > 0 else { return nil }
                return ([x, log(stress[1])], 0)
            }
            return ([x], self == .eyring ? -log(kelvin) : 0)
        case .inversePower:
            guard stress[0] > 0 else { return nil }
            return ([log(stress[0])], 0)
        case .exponential:
            return ([stress[0]], 0)
        }
    }
}

extension LifeStressRelationship {
    /// The acceleration factor life(use) / life(stress) = exp(mu(use) - mu(stress)) for the slopes
    /// b1, b2, ... (the intercept cancels): exp(sum_j b_j (x_j(use) - x_j(stress)) + offset(use) - offset(stress)).
    ///
    /// This is the one home of the acceleration laws: an ALT fit's factor (`LifeStressFit`) and the
    /// qualification factors with known constants (`Arrhenius`, `Eyring`, `Peck`, the voltage laws)
    /// both come from here. With `slopes` [Ea]: Arrhenius exp(Ea/k (1/T_use - 1/T_stress)); Eyring adds
    /// T_stress/T_use; inverse power [-n]: (V_stress/V_use)^n; exponential [b]: exp(b (V_use - V_stress));
    /// Peck [Ea, -n]: (RH_stress/RH_use)^n times Arrhenius.
    /// - Returns: nil when a stress is outside the relationship's domain or the slopes do not match it.
    /// - Complexity: O(1).
    public func accelerationFactor(slopes: [Double], use: [Double], stress: [Double], constants: ThermalConstants) -> Double? {
        guard slopes.count == coefficientNames.count - 1,
              let u = covariates(use, constants: constants), let s = covariates(stress, constants: constants) else { return nil }
        var exponent = u.offset - s.offset
        for j in slopes.indices { exponent += slopes[j] * (u.x[j] - s.x[j]) }
        return exp(exponent)
    }
}
