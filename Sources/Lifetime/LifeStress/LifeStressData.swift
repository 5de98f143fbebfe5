/// Lifetime data observed at one stress level.
public struct StressLevel: Sendable, Equatable {
    /// The stress values, one per variable of the relationship (temperature in Celsius, voltage,
    /// relative humidity in percent...).
    public var stress: [Double]
    public var data: LifetimeData

    public init(stress: [Double], data: LifetimeData) {
        self.stress = stress
        self.data = data
    }
}

/// Why a life-stress model cannot be fitted, reported instead of a number.
public enum LifeStressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A lifetime-level reason (no failures, too few distinct failure times, failure at 0...).
    case fit(FitFailure)
    /// Fewer distinct stress levels than coefficients: the slope is not identifiable.
    case tooFewStressLevels(found: Int, required: Int)
    /// A stress outside the relationship's domain.
    case invalidStress(String)
    /// Only families without a threshold whose log life is location-scale are supported.
    case unsupportedFamily(LifetimeFamily)

    /// The families a life-stress model can use.
    public static let supportedFamilies: [LifetimeFamily] = [.weibull2p, .lognormal2p, .exponential1p, .loglogistic2p]

    public var description: String {
        switch self {
        case let .fit(failure): failure.description
        case let .tooFewStressLevels(found, required):
            "\(found) distinct stress level\(found == 1 ? "" : "s"), \(required) needed to estimate the life-stress relationship"
        case let .invalidStress(message): message
        case let .unsupportedFamily(family):
            "life-stress models support \(LifeStressError.supportedFamilies.map(\.rawValue).joined(separator: ", ")), not \(family.rawValue)"
        }
    }
}
