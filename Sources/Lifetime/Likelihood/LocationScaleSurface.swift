import LinearAlgebra

/// Log-likelihood, gradient and Hessian of a location-scale model at (mu, s = log sigma).
public struct LocationScaleEvaluation: Sendable {
    public var value: Double
    public var gradient: (mu: Double, s: Double)
    public var hessian: (mumu: Double, mus: Double, ss: Double)

    public init(value: Double, gradient: (mu: Double, s: Double), hessian: (mumu: Double, mus: Double, ss: Double)) {
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }

    /// Inverse of the observed information -H in (mu, s), nil unless -H is positive definite.
    var covariance: Matrix? {
        let information = Matrix([[-hessian.mumu, -hessian.mus], [-hessian.mus, -hessian.ss]])
        return try? information.symmetricPositiveDefiniteInverse()
    }
}

/// A log-likelihood over (mu, s = log sigma) that the Newton maximiser and the profile likelihoods
/// can climb: `LocationScaleLikelihood` (a pass over the data per evaluation) or
/// `WeibullMomentLikelihood` (the same values from cached moments, no pass while the shape stays
/// within reach).
protocol LocationScaleSurface {
    /// Log-likelihood with gradient and Hessian in (mu, s).
    func evaluate(mu: Double, s: Double) -> LocationScaleEvaluation
    /// The log-likelihood alone.
    func logLikelihood(mu: Double, sigma: Double) -> Double
}
