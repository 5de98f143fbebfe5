#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// A fitted life-stress model: log T = mu(stress) + sigma Z with
/// mu(stress) = offset(stress) + b0 + sum_j b_j x_j(stress) (see `LifeStressRelationship`).
///
/// Covariances are inverses of the observed information. Bounds on quantities at a stress (use
/// conditions, typically an extrapolation) are Fisher-matrix bounds by the delta method, with the
/// transforms of `FisherBounds`: log scale for lives, the standardized time u for reliability and
/// cumulative hazard. Bounds on the coefficients are available as Fisher or likelihood-ratio bounds
/// (`LifeStressFit.coefficientBounds`).
public struct LifeStressFit: ModelFit {
    public let family: LifetimeFamily
    public let relationship: LifeStressRelationship
    public let constants: ThermalConstants
    /// b0, b1, ... in the order of `relationship.coefficientNames` (b1 = Ea in eV for Arrhenius).
    public let coefficients: [Double]
    /// Common scale of log life (1 / Weibull shape; 1 for the exponential).
    public let sigma: Double
    /// Covariance of (b0, b1, ..., s = log sigma), the scale the fit works on; without the s row and
    /// column for the exponential. `covariance` is the same in the reported (b0, b1, ..., sigma).
    public let internalCovariance: Matrix?
    public let logLikelihood: Double
    /// Units, failed or suspended, counting counts.
    public let sampleSize: Double
    public let diagnostics: FitDiagnostics

    /// The fit in centred coordinates, kept for likelihood-ratio profiles.
    let centredTheta: [Double]
    let centre: [Double]
    let observations: LifeStressObservations

    init(family: LifetimeFamily, relationship: LifeStressRelationship, constants: ThermalConstants,
         centredTheta: [Double], centredCovariance: Matrix?, centre: [Double], logLikelihood: Double,
         observations: LifeStressObservations, sampleSize: Double,
         result: (converged: Bool, iterations: Int, gradientNorm: Double, definite: Bool, notes: [String])) {
        self.family = family
        self.relationship = relationship
        self.constants = constants
        self.centredTheta = centredTheta
        self.centre = centre
        self.observations = observations
        self.logLikelihood = logLikelihood
        self.sampleSize = sampleSize
        let p = centre.count + 1
        // b0 = a0 - sum c_j a_j; b_j = a_j. With T that map, cov(b) = T cov(a) T^T.
        var b = Array(centredTheta[0..<p])
        for j in centre.indices { b[0] -= centre[j] * b[j + 1] }
        coefficients = b
        sigma = exp(centredTheta[p])
        if let v = centredCovariance {
            let n = v.rows
            var t = Matrix.identity(n)
            for j in centre.indices { t[0, j + 1] = -centre[j] }
            internalCovariance = try? t * v * t.transposed   // square n x n products: cannot mismatch
        } else {
            internalCovariance = nil
        }
        var notes = result.notes
        if centredCovariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
        diagnostics = FitDiagnostics(converged: result.converged, iterations: result.iterations,
                                     gradientNorm: result.gradientNorm, hessianNegativeDefinite: result.definite, notes: notes)
    }

    /// Number of estimated parameters (coefficients, plus sigma unless the family fixes it).
    public var parameterCount: Int { coefficients.count + (family.fixedSigma == nil ? 1 : 0) }

    /// Weibull shape 1/sigma (Weibull and exponential).
    public var shape: Double { 1 / sigma }

    /// The coefficients' keys, then "sigma" unless the family fixes it (the exponential).
    public var parameterNames: [String] {
        relationship.coefficientNames + (family.fixedSigma == nil ? ["sigma"] : [])
    }

    /// b0, b1, ..., then sigma unless the family fixes it.
    public var parameters: [Double] { coefficients + (family.fixedSigma == nil ? [sigma] : []) }

    /// Covariance of `parameters`: `internalCovariance` with its s row and column scaled by sigma
    /// (d sigma / d s = sigma, the delta method).
    public var covariance: Matrix? {
        guard var v = internalCovariance else { return nil }
        let p = coefficients.count
        guard v.rows > p else { return v }
        for i in 0..<v.rows {
            v[i, p] *= sigma
            v[p, i] *= sigma
        }
        return v
    }

    /// The covariate row (1, x_1, ...) and offset at a stress; nil outside the relationship's domain.
    func design(_ stress: [Double]) -> (x: [Double], offset: Double)? {
        relationship.covariates(stress, constants: constants).map { ([1] + $0.x, $0.offset) }
    }

    /// Location of log life at a stress.
    public func location(at stress: [Double]) -> Double? {
        design(stress).map { d in d.offset + zip(d.x, coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// The lifetime distribution at a stress.
    public func model(at stress: [Double]) -> LifetimeModel? {
        location(at: stress).map { LifetimeModel(family: family, mu: $0, sigma: sigma) }
    }

    /// Acceleration factor between two stresses, life(use) / life(stress) = exp(mu_use - mu_stress):
    /// with a common sigma every quantile scales by the same factor.
    public func accelerationFactor(use: [Double], stress: [Double]) -> Double? {
        relationship.accelerationFactor(slopes: Array(coefficients.dropFirst()), use: use, stress: stress, constants: constants)
    }

    /// Variance of a linear function g . (b, s) of the estimates.
    func variance(_ g: [Double]) -> Double? {
        guard let v = internalCovariance else { return nil }
        var total = 0.0
        for i in 0..<v.rows { for j in 0..<v.rows { total += g[i] * v[i, j] * g[j] } }
        return total
    }

    /// The gradient (x, scaleTerm) of a quantity linear in (b, s), trimmed to the covariance: the s
    /// entry is dropped when sigma is fixed (exponential).
    private func gradient(_ x: [Double], scaleTerm: Double) -> [Double] {
        internalCovariance.map { $0.rows > coefficients.count ? x + [scaleTerm] : x } ?? x
    }

    /// B-life (time by which `percent` % fail) at a stress, Fisher bounds on log t_p with
    /// var(log t_p) = g' V g, g = (x, sigma z_p).
    public func bLife(_ percent: Double, at stress: [Double], confidence: Double) -> BoundedEstimate? {
        guard let d = design(stress), let model = model(at: stress) else { return nil }
        let p = percent / 100
        let zp = family.standard.quantile(p)
        let logT = model.mu + sigma * zp
        let bounds = variance(gradient(d.x, scaleTerm: sigma * zp)).map { v in
            let half = FisherBounds.criticalValue(confidence) * v.squareRoot()
            return ConfidenceInterval(lower: exp(logT - half), upper: exp(logT + half))
        } ?? ConfidenceInterval(lower: nil, upper: nil)
        return BoundedEstimate(value: exp(logT), bounds: bounds)
    }

    /// Mean life at a stress, Fisher bounds on its log, var = g' V g with g = (x, sigma M'(sigma)/M(sigma)).
    public func meanLife(at stress: [Double], confidence: Double) -> BoundedEstimate? {
        guard let d = design(stress), let model = model(at: stress) else { return nil }
        let standard = family.standard
        let h = 1e-6
        let dLogM = (log(standard.momentGeneratingFunction(sigma * exp(h))) - log(standard.momentGeneratingFunction(sigma * exp(-h)))) / (2 * h)
        let logMean = log(model.mean)
        let bounds = variance(gradient(d.x, scaleTerm: dLogM)).map { v in
            let half = FisherBounds.criticalValue(confidence) * v.squareRoot()
            return ConfidenceInterval(lower: exp(logMean - half), upper: exp(logMean + half))
        } ?? ConfidenceInterval(lower: nil, upper: nil)
        return BoundedEstimate(value: model.mean, bounds: bounds)
    }

    /// The standardized time u = (log t - mu)/sigma at a stress with its Fisher half-width:
    /// du/db = -x/sigma, du/ds = -u.
    private func standardizedTime(_ t: Double, at stress: [Double], confidence: Double) -> (u: Double, half: Double?)? {
        guard let d = design(stress), let mu = location(at: stress) else { return nil }
        let u = (log(t) - mu) / sigma
        let g = gradient(d.x.map { -$0 / sigma }, scaleTerm: -u)
        return (u, variance(g).map { FisherBounds.criticalValue(confidence) * $0.squareRoot() })
    }

    /// Reliability at time t (> 0) at a stress, Fisher bounds through u.
    public func reliability(at t: Double, stress: [Double], confidence: Double) -> BoundedEstimate? {
        guard let (u, half) = standardizedTime(t, at: stress, confidence: confidence) else { return nil }
        let standard = family.standard
        return BoundedEstimate(value: standard.survival(u), bounds: ConfidenceInterval(
            lower: half.map { standard.survival(u + $0) }, upper: half.map { standard.survival(u - $0) }))
    }

    /// Average failure rate over (0, t] at a stress, H(t)/t = -log R(t)/t, in FIT (failures per 1e9
    /// unit-hours when t is in hours): the constant rate with the same probability of failure by t.
    /// Exact for the exponential; bounded through u like reliability.
    public func averageFailureRateFIT(over t: Double, at stress: [Double], confidence: Double) -> BoundedEstimate? {
        guard let (u, half) = standardizedTime(t, at: stress, confidence: confidence) else { return nil }
        let standard = family.standard
        func fit(_ v: Double) -> Double { -standard.logSurvival(v) / t * 1e9 }
        return BoundedEstimate(value: fit(u), bounds: ConfidenceInterval(
            lower: half.map { fit(u - $0) }, upper: half.map { fit(u + $0) }))
    }
}
