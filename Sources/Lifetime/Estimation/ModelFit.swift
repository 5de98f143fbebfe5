#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// What every fitted model in relmodel answers with the same names and meanings: the estimates in
/// the parametrisation the output reports, their covariance in that same parametrisation, the
/// log-likelihood and the criteria built on it, and the diagnostics that say whether to trust them.
///
/// Conforming types: `LifetimeFit` (the standard families, by maximum likelihood or rank
/// regression), `ParametricFit` (any `ParametricFamily` of the general core: mixtures, defective
/// subpopulations, bathtub and competing-risk families, a caller's own family), `LifeStressFit`
/// (ALT), Qualification's `DefectiveSubpopulationFit` and SPC's `NestedREML.Fit` (variance
/// components). A pipeline can hold any of them as `any ModelFit`.
///
/// Conventions shared by every conformer:
/// - `parameters[i]` is named `parameterNames[i]`, the key the JSON contract uses.
/// - `covariance` is the inverse observed information mapped to `parameters` by the delta method
///   (J V Jᵀ, J the Jacobian of the reported parameters in the internal ones); nil when the
///   Hessian at the estimate is not negative definite or the method gives none (rank regression).
///   A parameter held fixed has variance 0.
/// - `standardErrors` are the square roots of `covariance`'s diagonal.
/// - `logLikelihood` is the log of the time-scale density (not of log-times), as Weibull++, Minitab
///   and R's survreg report it; `parameterCount` counts estimated parameters only, and
///   `sampleSize` (the n of AICc and BIC) counts every unit, failed or suspended, with its count.
public protocol ModelFit: Sendable {
    /// The reported parameters' keys, in order.
    var parameterNames: [String] { get }
    /// The estimates, in the order of `parameterNames`.
    var parameters: [Double] { get }
    /// Covariance of `parameters`, or nil when it does not exist.
    var covariance: Matrix? { get }
    /// Log-likelihood at the estimate.
    var logLikelihood: Double { get }
    /// Estimated parameters: the k of AIC, AICc and BIC.
    var parameterCount: Int { get }
    /// The n of AICc and BIC.
    var sampleSize: Double { get }
    /// Convergence, definiteness and the notes that explain a doubtful estimate.
    var diagnostics: FitDiagnostics { get }
}

extension ModelFit {
    /// Square roots of the diagonal of `covariance`, in the order of `parameters`.
    /// - Complexity: O(k).
    public var standardErrors: [Double]? { covariance.map { $0.diagonal.map { $0.squareRoot() } } }

    /// AIC = 2k − 2 LL (`InformationCriteria`).
    public var aic: Double { InformationCriteria.aic(logLikelihood: logLikelihood, parameters: parameterCount) }

    /// AICc, +∞ when n ≤ k + 1.
    public var aicc: Double {
        InformationCriteria.aicc(logLikelihood: logLikelihood, parameters: parameterCount, sampleSize: sampleSize)
    }

    /// BIC = k ln n − 2 LL.
    public var bic: Double {
        InformationCriteria.bic(logLikelihood: logLikelihood, parameters: parameterCount, sampleSize: sampleSize)
    }

    /// The estimate named `name`, or nil when the model has no such parameter.
    /// - Complexity: O(k).
    public func parameter(_ name: String) -> Double? {
        parameterNames.firstIndex(of: name).map { parameters[$0] }
    }
}
