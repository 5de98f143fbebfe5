import Lifetime

extension ThermalConstants {
    /// Throws unless both constants are usable and the temperature is above absolute zero.
    func checkTemperature(_ celsius: Double, _ name: String) throws(QualificationError) {
        try QualificationError.checkPositive(boltzmann, "Boltzmann constant")
        try QualificationError.checkFinite(kelvinOffset, "Kelvin offset")
        try QualificationError.checkFinite(celsius, name)
        guard kelvin(celsius) > 0 else {
            throw QualificationError.invalidArgument("\(name) \(celsius) C is at or below absolute zero with Kelvin offset \(kelvinOffset)")
        }
    }
}
