#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// How a model's parameters were estimated.
public enum EstimationMethod: String, Sendable {
    /// Maximum likelihood.
    case mle
    /// Rank regression of x (time) on y (the linearised plotting position).
    case rrx
    /// Rank regression of y (the linearised plotting position) on x (time).
    case rry
}

/// A fitted lifetime model: estimates, their covariance, likelihood-based criteria and diagnostics.
///
/// Covariances are inverses of the observed information (the negative Hessian of the
/// log-likelihood at the estimate), the "local Fisher matrix" of Weibull++ and of R's survreg.
public struct LifetimeFit: ModelFit {
    public let family: LifetimeFamily
    public let method: EstimationMethod
    /// The fitted distribution.
    public let model: LifetimeModel
    /// Covariance of (mu, s = log sigma); 1 x 1 (mu only) when sigma is fixed by the family. For
    /// threshold families it is conditional on the fitted threshold; nil for the gamma families.
    public let locationScaleCovariance: Matrix?
    /// Covariance of all estimated internal parameters (see `parameterJacobian` for their order);
    /// equal to `locationScaleCovariance` for families without threshold or gamma shape.
    public let internalCovariance: Matrix?
    /// Log-likelihood of the time-scale density at the estimate.
    public let logLikelihood: Double
    /// The data, on the log scale, kept for likelihood-ratio bounds.
    public let sample: PreparedSample
    /// The n of AICc and BIC: all units, failed or suspended, counting counts.
    public let sampleSize: Double
    public internal(set) var diagnostics: FitDiagnostics
    /// The data the Anderson-Darling statistic is computed on when asked for (nil: not defined).
    let andersonDarlingData: LifetimeData?
    /// Parameters held at known values rather than estimated.
    public let fixed: FixedParameters
    /// The data, kept by threshold and gamma fits, whose likelihood-ratio bounds profile every
    /// parameter over the original times (arrays are shared, not copied).
    public internal(set) var data: LifetimeData?

    public init(family: LifetimeFamily, method: EstimationMethod, model: LifetimeModel,
                locationScaleCovariance: Matrix?, internalCovariance: Matrix? = nil, logLikelihood: Double,
                sample: PreparedSample, sampleSize: Double, diagnostics: FitDiagnostics, andersonDarlingData: LifetimeData?,
                fixed: FixedParameters = FixedParameters()) {
        self.fixed = fixed
        self.family = family
        self.method = method
        self.model = model
        self.locationScaleCovariance = locationScaleCovariance
        self.internalCovariance = internalCovariance ?? ((family.hasThreshold || family.isGamma) ? nil : locationScaleCovariance)
        self.logLikelihood = logLikelihood
        self.sample = sample
        self.sampleSize = sampleSize
        self.diagnostics = diagnostics
        self.andersonDarlingData = andersonDarlingData
    }

    /// Anderson-Darling statistic of the model against its data (see `AndersonDarling`), nil when it is
    /// not defined for the data. Computed on each access, not with the fit: it costs a sort of the data
    /// and a CDF per failure time, more than a large fit itself, and most fits never report it.
    /// - Complexity: O(n).
    public var andersonDarling: Double? {
        // Infinite when the model gives an observed failure probability 0 or 1 (a threshold at the first
        // failure): the statistic is then not defined, rather than a number to rank by.
        andersonDarlingData.flatMap { AndersonDarling.statistic(model: model, data: $0) }.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Number of estimated parameters (fixed ones do not count).
    public var parameterCount: Int { family.parameterCount - fixed.count }

    /// True when sigma is not estimated: the exponential families, or a fixed shape or sigma.
    public var isScaleFixed: Bool { family.fixedSigma != nil || fixed.sigma != nil }

    /// The known Weibull shape of a Weibayes fit.
    public var fixedShape: Double? {
        guard family == .weibull2p || family == .weibull3p else { return nil }
        return fixed.sigma.map { 1 / $0 }
    }

    /// The family's parameter keys (`family.parameterNames`), a fixed shape or sigma included.
    public var parameterNames: [String] { family.parameterNames }

    /// Parameter estimates in the order of `parameterNames`.
    public var parameters: [Double] { model.parameters }

    /// Jacobian of the family's own parameters with respect to the internal parameters: (mu, s) for
    /// location-scale families, plus gamma for threshold families ((mu, gamma) for exponential2p);
    /// (mu, ln k) for the gamma families, plus gamma for gamma3p. One row per reported parameter.
    var parameterJacobian: [[Double]] {
        let p = model.parameters
        var rows: [[Double]]
        switch family {
        case .weibull2p, .weibull3p, .loglogistic2p, .loglogistic3p:
            rows = [[p[0], 0], [0, -p[1]]]                 // eta = e^mu, beta = e^-s
        case .lognormal2p, .lognormal3p, .normal, .gumbel:
            rows = [[1, 0], [0, p[1]]]                     // mu, sigma = e^s
        case .exponential1p, .exponential2p:
            rows = [[-p[0]]]                               // lambda = e^-mu
        case .gamma2p, .gamma3p:
            rows = [[0, p[0]], [p[1], 0]]                  // shape = e^(ln k), scale = e^mu
        }
        if family.hasThreshold {
            rows = rows.map { $0 + [0] }
            rows.append(Array(repeating: 0, count: rows.count) + [1])
        }
        return rows
    }

    /// Covariance of the family's own parameters by the delta method, J V J^T.
    public var covariance: Matrix? {
        guard let v = internalCovariance else { return nil }
        // With a fixed shape only mu is estimated: keep the Jacobian's first column.
        let j = parameterJacobian.map { Array($0.prefix(v.columns)) }
        let k = j.count
        guard v.rows == j[0].count else { return nil }
        var result = Matrix(rows: k, columns: k)
        for a in 0..<k {
            for b in 0..<k {
                var sum = 0.0
                for i in 0..<v.rows { for l in 0..<v.columns { sum += j[a][i] * v[i, l] * j[b][l] } }
                result[a, b] = sum
            }
        }
        return result
    }


    /// Variance of mu, covariance of mu and s, and variance of s (zeros for a fixed sigma).
    var locationScaleVariances: (mumu: Double, mus: Double, ss: Double)? {
        guard let v = locationScaleCovariance else { return nil }
        if v.rows == 1 { return (v[0, 0], 0, 0) }
        return (v[0, 0], v[0, 1], v[1, 1])
    }
}
