/// Parameters held at known values instead of estimated (for example a Weibull shape known from
/// earlier tests: Weibayes), in the internal location-scale terms.
public struct FixedParameters: Sendable, Equatable {
    /// The scale sigma of y: 1/beta for the Weibull and log-logistic, sigma for lognormal, normal and Gumbel.
    public var sigma: Double?
    /// The threshold gamma of a three-parameter family.
    public var threshold: Double?

    public init(sigma: Double? = nil, threshold: Double? = nil) {
        self.sigma = sigma
        self.threshold = threshold
    }

    public var isEmpty: Bool { sigma == nil && threshold == nil }

    /// How many parameters are fixed (they do not count in AIC, AICc and BIC).
    public var count: Int { (sigma == nil ? 0 : 1) + (threshold == nil ? 0 : 1) }

    /// The names of the fixed parameters in `family`'s own terms ("beta", "sigma", "gamma").
    public func names(for family: LifetimeFamily) -> [String] {
        var result: [String] = []
        if sigma != nil { result.append(family.parameterNames[1]) }
        if threshold != nil { result.append("gamma") }
        return result
    }

    /// Fixed values from `name=value` pairs in `family`'s terms: `beta` (Weibull, log-logistic),
    /// `sigma` (lognormal, normal, Gumbel), `gamma` (threshold families). Nil with a reason when a
    /// name does not belong to the family or a value is impossible.
    public static func parse(_ values: [(name: String, value: Double)], for family: LifetimeFamily) -> Result<FixedParameters, FitFailure> {
        var fixed = FixedParameters()
        for (name, value) in values {
            switch (name, family) {
            case ("beta", .weibull2p), ("beta", .weibull3p), ("beta", .loglogistic2p), ("beta", .loglogistic3p):
                guard value > 0 && value.isFinite else { return .failure(.notApplicable("beta must be positive, got \(value)")) }
                fixed.sigma = 1 / value
            case ("sigma", .lognormal2p), ("sigma", .lognormal3p), ("sigma", .normal), ("sigma", .gumbel):
                guard value > 0 && value.isFinite else { return .failure(.notApplicable("sigma must be positive, got \(value)")) }
                fixed.sigma = value
            case ("gamma", _) where family.hasThreshold:
                guard value.isFinite else { return .failure(.notApplicable("gamma must be finite")) }
                fixed.threshold = value
            default:
                return .failure(.notApplicable("\(family.rawValue) has no parameter '\(name)' that can be fixed (fixable: \(fixable(family).joined(separator: ", ")))"))
            }
        }
        return .success(fixed)
    }

    /// The parameters of `family` that can be fixed.
    public static func fixable(_ family: LifetimeFamily) -> [String] {
        var names: [String] = []
        switch family {
        case .weibull2p, .weibull3p, .loglogistic2p, .loglogistic3p: names.append("beta")
        case .lognormal2p, .lognormal3p, .normal, .gumbel: names.append("sigma")
        default: break
        }
        if family.hasThreshold { names.append("gamma") }
        return names
    }
}

extension LifetimeFit {
    /// This fit reported as `family` (a two-parameter fit at a fixed threshold reported as its
    /// three-parameter family) with `fixed` recorded; the covariance is that of the estimated
    /// parameters only.
    func relabelled(as family: LifetimeFamily, fixed: FixedParameters, data: LifetimeData) -> LifetimeFit {
        let m = model
        let model = LifetimeModel(family: family, mu: m.mu, sigma: m.sigma, threshold: m.threshold, shape: m.shape)
        var fit = LifetimeFit(family: family, method: method, model: model,
                              locationScaleCovariance: locationScaleCovariance,
                              internalCovariance: internalCovariance ?? locationScaleCovariance,
                              logLikelihood: logLikelihood, sample: sample, sampleSize: sampleSize,
                              diagnostics: diagnostics, andersonDarlingData: data,
                              fixed: fixed)
        fit.data = data
        return fit
    }
}
