import Lifetime
import RelmodelJSON

/// The document of `relmodel fitrate --json` (docs/CLI.md): the summed FIT with its confidence, the
/// acceleration and device-hours, the constants, the tests and each mechanism.
extension FailureRateResult: JSONRepresentable {
    public var json: JSONValue {
        let result = self
        let single = result.mechanisms.count == 1 ? result.mechanisms[0] : nil
        return .object([
            ("fit", .number(result.fit)),
            ("fitPoint", .number(result.fitPoint)),
            ("confidence", .number(result.confidence)),
            ("accelerationFactor", single.flatMap { $0.accelerationFactors.count == 1 ? .number($0.accelerationFactors[0]) : nil } ?? .null),
            ("equivalentDeviceHours", single.map { .number($0.equivalentDeviceHours) } ?? .null),
            ("deviceHours", .number(result.deviceHours)),
            ("mttfHours", .number(result.mttfHours)),
            ("mtbfHours", .number(result.mttfHours)),
            ("mttfPointHours", .number(result.mttfPointHours)),
            ("useTemp", .number(result.useCelsius)),
            ("constants", constants.json),
            ("tests", .array(tests.map { t in .object([
                ("name", .string(t.name)), ("units", .number(t.units)), ("hours", .number(t.hours)),
                ("stressTemp", .number(t.stressCelsius)),
            ]) })),
            ("mechanisms", .array(result.mechanisms.map { m in .object([
                ("name", .string(m.mechanism.name)),
                ("ea", .number(m.mechanism.activationEnergy)),
                ("failures", .number(Double(m.failures))),
                ("accelerationFactors", .array(m.accelerationFactors.map(JSONValue.number))),
                ("equivalentDeviceHours", .number(m.equivalentDeviceHours)),
                ("chiSquare", .number(m.chiSquare)),
                ("fit", .number(m.fit)),
                ("fitPoint", .number(m.fitPoint)),
            ]) })),
        ])
    }
}
