import RelmodelJSON

/// The two constants every temperature acceleration model depends on, as values rather than hidden
/// choices: published acceleration factors differ in their third digit because authors use
/// different Boltzmann constants (8.617e-5, 8.6173e-5, 8.617333262e-5, 8.63e-5 eV/K) and Kelvin
/// offsets (273, 273.15, 273.16).
public struct ThermalConstants: Sendable, Equatable {
    /// Boltzmann's constant in eV/K.
    public var boltzmann: Double
    /// Added to a Celsius temperature to give kelvin.
    public var kelvinOffset: Double

    public init(boltzmann: Double = ThermalConstants.codataBoltzmann, kelvinOffset: Double = 273.15) {
        self.boltzmann = boltzmann
        self.kelvinOffset = kelvinOffset
    }

    /// CODATA 2018 (exact since the 2019 SI): 8.617333262e-5 eV/K.
    public static let codataBoltzmann = 8.617333262e-5

    /// CODATA Boltzmann constant and 273.15: the default.
    public static let codata = ThermalConstants()

    /// Absolute temperature of a Celsius temperature.
    public func kelvin(_ celsius: Double) -> Double { celsius + kelvinOffset }

    /// 1 / (k T) in 1/eV, the Arrhenius covariate.
    public func inverseThermalEnergy(celsius: Double) -> Double { 1 / (boltzmann * kelvin(celsius)) }
}

extension ThermalConstants: JSONRepresentable {
    /// `{"boltzmann": k, "kelvinOffset": offset}`, recorded in every temperature document.
    public var json: JSONValue { .object([("boltzmann", .number(boltzmann)), ("kelvinOffset", .number(kelvinOffset))]) }
}
