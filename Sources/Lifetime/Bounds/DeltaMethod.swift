#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Fisher bounds by the delta method over a fit's internal parameters: (mu, s) or mu alone for
/// location-scale families, (mu, s, gamma) for threshold families, (mu, ln k[, gamma]) for the gamma
/// families. Used for every quantity without a dedicated formula (hazard, conditional reliability,
/// mean residual life) and for every quantity of threshold and gamma fits. A quantity q(theta) gets the variance
/// grad q^T V grad q with the gradient taken by central differences (relative step 1e-6) over the
/// internal parameters, and a Wald interval on ln q for positive quantities, on logit q for
/// probabilities, and on q itself otherwise.
enum DeltaMethod {
    /// The internal parameters of a fit, in the order of its `internalCovariance`.
    static func internalValues(_ fit: LifetimeFit) -> [Double] {
        ThresholdEstimation.internalParameters(fit.family, fit.model).prefix(fit.internalCovariance?.rows ?? 0).map { $0 }
    }

    /// The model at perturbed internal parameters.
    static func model(_ fit: LifetimeFit, _ p: [Double]) -> LifetimeModel {
        let m = fit.model
        // The threshold is an internal parameter only when it was estimated (then it comes last).
        let full = ThresholdEstimation.internalParameters(fit.family, m).count
        let estimatedThreshold = fit.family.hasThreshold && fit.fixed.threshold == nil && p.count == full
        let threshold = estimatedThreshold ? p[p.count - 1] : m.threshold
        if fit.family.isGamma {
            return LifetimeModel(family: fit.family, mu: p[0], sigma: 1, threshold: threshold, shape: exp(p[1]))
        }
        let sigma = fit.isScaleFixed ? m.sigma : exp(p[1])
        return LifetimeModel(family: fit.family, mu: p[0], sigma: sigma, threshold: threshold)
    }

    /// Variance of q by the delta method, nil without a full covariance.
    static func variance(_ fit: LifetimeFit, _ q: (LifetimeModel) -> Double) -> Double? {
        guard let v = fit.internalCovariance else { return nil }
        let p = internalValues(fit)
        guard p.count == v.rows else { return nil }
        var gradient = [Double](repeating: 0, count: p.count)
        for i in p.indices {
            let h = 1e-6 * max(1, abs(p[i]))
            var a = p, b = p
            a[i] += h; b[i] -= h
            gradient[i] = (q(model(fit, a)) - q(model(fit, b))) / (2 * h)
        }
        var total = 0.0
        for i in p.indices { for j in p.indices { total += gradient[i] * v[i, j] * gradient[j] } }
        return total
    }

    enum Transform { case log, logit, identity }

    static func interval(_ fit: LifetimeFit, confidence: Double, transform: Transform,
                         _ q: @escaping (LifetimeModel) -> Double) -> ConfidenceInterval {
        let value = q(fit.model)
        let z = FisherBounds.criticalValue(confidence)
        switch transform {
        case .log:
            guard value > 0, let v = variance(fit, { log(q($0)) }), v >= 0 else { return ConfidenceInterval(lower: nil, upper: nil) }
            return ConfidenceInterval(lower: value * exp(-z * v.squareRoot()), upper: value * exp(z * v.squareRoot()))
        case .logit:
            guard value > 0 && value < 1, let v = variance(fit, { let r = q($0); return log(r / (1 - r)) }), v >= 0 else {
                return ConfidenceInterval(lower: nil, upper: nil)
            }
            let l = log(value / (1 - value))
            return ConfidenceInterval(lower: 1 / (1 + exp(-(l - z * v.squareRoot()))), upper: 1 / (1 + exp(-(l + z * v.squareRoot()))))
        case .identity:
            guard let v = variance(fit, q), v >= 0 else { return ConfidenceInterval(lower: nil, upper: nil) }
            return ConfidenceInterval(lower: value - z * v.squareRoot(), upper: value + z * v.squareRoot())
        }
    }
}
