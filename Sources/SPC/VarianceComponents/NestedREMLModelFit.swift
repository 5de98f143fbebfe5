import Lifetime
import LinearAlgebra

/// A variance-components fit answers with the same names as every other fitted model
/// (`ModelFit`): the parameters are the variances, one per level, the residual last.
extension NestedREML.Fit: ModelFit {
    /// The level names, outermost first, the residual last: each names its variance.
    public var parameterNames: [String] { levels }

    /// The variances, in the order of `parameterNames`.
    public var parameters: [Double] { components }

    /// ln L = −criterion / 2 (the REML log-likelihood, or the ML one).
    public var logLikelihood: Double { -0.5 * criterion }

    /// The variances and the mean, as lme4 counts them for AIC and BIC (a variance at 0 included).
    public var parameterCount: Int { components.count + 1 }

    /// The number of observations.
    public var sampleSize: Double { Double(observations) }

    /// Convergence, the gradient at the estimate, and whether the information is positive definite.
    public var diagnostics: FitDiagnostics {
        FitDiagnostics(converged: converged, iterations: iterations, gradientNorm: gradientNorm,
                       hessianNegativeDefinite: covariance != nil, notes: notes)
    }
}
