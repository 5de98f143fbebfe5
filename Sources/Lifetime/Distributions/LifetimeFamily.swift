/// The lifetime distribution families relmodel fits, by the names of the CLI and JSON contract.
///
/// All but the gamma are location-scale in y, where y = ln(t - gamma) for the log families and
/// y = t for normal and Gumbel: y = mu + sigma Z with Z smallest extreme value (Weibull, exponential,
/// Gumbel), standard normal (lognormal, normal) or standard logistic (log-logistic). `gamma` in a
/// parameter list is always the threshold (location) parameter. The gamma family (shape, scale) is not
/// location-scale in its shape and is fitted on the general core (`GammaDistribution`).
public enum LifetimeFamily: String, CaseIterable, Sendable, Hashable {
    case weibull2p
    case weibull3p
    case lognormal2p
    case lognormal3p
    case exponential1p
    case exponential2p
    case normal
    case gumbel
    case loglogistic2p
    case loglogistic3p
    case gamma2p
    case gamma3p

    /// The families fitted when none is named: the three most used in reliability work.
    public static let defaultSet: [LifetimeFamily] = [.weibull2p, .lognormal2p, .exponential1p]

    /// The name an engineer reads on a plot or in a report, as Weibull++ and Minitab title them
    /// ("Weibull, 2-parameter"); `rawValue` is the contract's key.
    public var displayName: String {
        switch self {
        case .weibull2p: "Weibull, 2-parameter"
        case .weibull3p: "Weibull, 3-parameter"
        case .lognormal2p: "Lognormal, 2-parameter"
        case .lognormal3p: "Lognormal, 3-parameter"
        case .exponential1p: "Exponential, 1-parameter"
        case .exponential2p: "Exponential, 2-parameter"
        case .loglogistic2p: "Loglogistic, 2-parameter"
        case .loglogistic3p: "Loglogistic, 3-parameter"
        case .normal: "Normal"
        case .gumbel: "Gumbel (smallest extreme value)"
        case .gamma2p: "Gamma, 2-parameter"
        case .gamma3p: "Gamma, 3-parameter"
        }
    }

    /// Parameter keys in the order they are reported (the JSON contract's names).
    public var parameterNames: [String] {
        switch self {
        case .weibull2p: ["eta", "beta"]
        case .weibull3p: ["eta", "beta", "gamma"]
        case .lognormal2p, .normal, .gumbel: ["mu", "sigma"]
        case .lognormal3p: ["mu", "sigma", "gamma"]
        case .exponential1p: ["lambda"]
        case .exponential2p: ["lambda", "gamma"]
        case .loglogistic2p: ["alpha", "beta"]
        case .loglogistic3p: ["alpha", "beta", "gamma"]
        case .gamma2p: ["shape", "scale"]
        case .gamma3p: ["shape", "scale", "gamma"]
        }
    }

    /// Number of estimated parameters (the k of AIC, AICc and BIC).
    public var parameterCount: Int { parameterNames.count }

    /// True when y = ln(t - gamma) (t = gamma has no density); false for normal and Gumbel (y = t).
    public var isLogLocationScale: Bool { self != .normal && self != .gumbel }

    /// True for families with a threshold (location) parameter gamma.
    public var hasThreshold: Bool {
        switch self {
        case .weibull3p, .lognormal3p, .exponential2p, .loglogistic3p, .gamma3p: true
        default: false
        }
    }

    /// True for the gamma families, which are not location-scale.
    public var isGamma: Bool { self == .gamma2p || self == .gamma3p }

    /// The same family without its threshold.
    public var withoutThreshold: LifetimeFamily {
        switch self {
        case .weibull3p: .weibull2p
        case .lognormal3p: .lognormal2p
        case .exponential2p: .exponential1p
        case .loglogistic3p: .loglogistic2p
        case .gamma3p: .gamma2p
        default: self
        }
    }

    /// A scale parameter fixed by the family itself (the exponential is a Weibull with sigma = 1).
    var fixedSigma: Double? { self == .exponential1p || self == .exponential2p ? 1 : nil }

    /// The standardized distribution of z (for the gamma families, the SEV of their unit-shape case,
    /// used only where a location-scale view is needed).
    var standard: any StandardDistribution.Type {
        switch self {
        case .weibull2p, .weibull3p, .exponential1p, .exponential2p, .gumbel, .gamma2p, .gamma3p: SmallestExtremeValue.self
        case .lognormal2p, .lognormal3p, .normal: NormalStandard.self
        case .loglogistic2p, .loglogistic3p: LogisticStandard.self
        }
    }

    /// Which standardized distribution the family uses, for dispatch to specialised code.
    enum StandardKind { case smallestExtremeValue, normal, logistic }

    var standardKind: StandardKind {
        switch self {
        case .lognormal2p, .lognormal3p, .normal: .normal
        case .loglogistic2p, .loglogistic3p: .logistic
        default: .smallestExtremeValue
        }
    }

    /// Distinct failure times needed for the maximum-likelihood estimate to exist: one per estimated
    /// parameter of the shape and scale, one more for a threshold.
    var requiredDistinctFailures: Int {
        switch self {
        case .exponential1p: 1
        case .exponential2p: 2
        default: hasThreshold ? 3 : 2
        }
    }
}
