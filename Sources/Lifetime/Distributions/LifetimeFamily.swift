/// The lifetime distribution families relmodel fits, by the names of the CLI and JSON contract.
public enum LifetimeFamily: String, CaseIterable, Sendable, Hashable {
    case weibull2p
    case lognormal2p
    case exponential1p

    /// Parameter keys in the order they are reported (the JSON contract's names).
    public var parameterNames: [String] {
        switch self {
        case .weibull2p: ["eta", "beta"]
        case .lognormal2p: ["mu", "sigma"]
        case .exponential1p: ["lambda"]
        }
    }

    /// Number of estimated parameters (the k of AIC, AICc and BIC).
    public var parameterCount: Int { parameterNames.count }

    /// True when the family is location-scale in log t (so that t = 0 has no density).
    public var isLogLocationScale: Bool { true }

    /// A scale parameter fixed by the family itself (the exponential is a Weibull with sigma = 1).
    var fixedSigma: Double? { self == .exponential1p ? 1 : nil }

    /// The standardized distribution of z, for code that is not performance critical.
    var standard: any StandardDistribution.Type {
        switch self {
        case .weibull2p, .exponential1p: SmallestExtremeValue.self
        case .lognormal2p: NormalStandard.self
        }
    }

    /// Distinct failure times needed for the maximum-likelihood estimate to exist.
    var requiredDistinctFailures: Int { self == .exponential1p ? 1 : 2 }
}
