#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import Lifetime

/// The defective-subpopulation (limited failure population) model of Meeker (1987): a fraction p of
/// units is defective with lifetime distribution F (Weibull or lognormal), the rest never fail in
/// the time frame of interest, so the population CDF is p F(t).
public struct DefectiveSubpopulation: Sendable, Equatable {
    /// Fraction defective, in (0, 1].
    public var fraction: Double
    /// Life distribution of the defective units.
    public var defectLife: LifetimeModel

    public init(fraction: Double, defectLife: LifetimeModel) {
        self.fraction = fraction
        self.defectLife = defectLife
    }

    /// Population CDF p F(t).
    public func cdf(_ t: Double) -> Double { fraction * defectLife.cdf(t) }

    /// Population hazard p f(t) / (1 - p F(t)), with the denominator taken as (1 - p) + p S(t) so
    /// that the far tail keeps its digits; for p = 1 the defect life's own hazard (f / S would be
    /// 0 / 0 once S underflows).
    public func hazard(_ t: Double) -> Double {
        guard t > 0 else { return fraction == 1 ? defectLife.hazard(0) : (defectLife.sigma > 1 ? .infinity : 0) }
        if fraction == 1 { return defectLife.hazard(t) }
        return fraction * defectLife.density(t) / ((1 - fraction) + fraction * defectLife.reliability(t))
    }
}

/// A maximum-likelihood fit of `DefectiveSubpopulation`.
public struct DefectiveSubpopulationFit: ModelFit {
    public let model: DefectiveSubpopulation
    /// Covariance of (logit p, mu, s = log sigma), the inverse observed information on the scale
    /// burn-in bounds work on; `covariance` is the same in the reported parameters.
    public let internalCovariance: Matrix?
    public let logLikelihood: Double
    public let diagnostics: FitDiagnostics
    /// The general-core fit (`weibull-lfp` or `lognormal-lfp`) this one is read from: reported
    /// parameters, bounds on any derived quantity.
    public let parametricFit: ParametricFit

    /// The reported keys: p, then eta and beta (Weibull) or mu and sigma (lognormal).
    public var parameterNames: [String] { parametricFit.parameterNames }
    /// The reported estimates, in the order of `parameterNames`.
    public var parameters: [Double] { parametricFit.parameters }
    /// Covariance of `parameters` (delta method from the core's unconstrained scale).
    public var covariance: Matrix? { parametricFit.covariance }
    /// Three: the fraction and the defect life's two parameters.
    public var parameterCount: Int { parametricFit.parameterCount }
    /// Every unit, failed or suspended, counting counts.
    public var sampleSize: Double { parametricFit.sampleSize }

    /// Parameters in (logit p, mu, s).
    public var theta: [Double] { [log(model.fraction / (1 - model.fraction)), model.defectLife.mu, log(model.defectLife.sigma)] }

    /// Reads the core's fit in u = (logit p, ln eta, ln beta) (Weibull) or (logit p, mu, ln sigma)
    /// (lognormal) as (logit p, mu, s): for the Weibull mu = ln eta, s = -ln beta.
    init(_ family: LifetimeFamily, _ fit: ParametricFit) {
        let e = fit.parameters
        let life: LifetimeModel = family == .weibull2p ? .weibull(eta: e[1], beta: e[2]) : .lognormal(mu: e[1], sigma: e[2])
        model = DefectiveSubpopulation(fraction: e[0], defectLife: life)
        internalCovariance = fit.unconstrainedCovariance.map { v in
            let sign = family == .weibull2p ? [1.0, 1, -1] : [1.0, 1, 1]
            var c = Matrix(rows: 3, columns: 3)
            for i in 0..<3 { for j in 0..<3 { c[i, j] = sign[i] * v[i, j] * sign[j] } }
            return c
        }
        logLikelihood = fit.logLikelihood
        diagnostics = fit.diagnostics
        parametricFit = fit
    }
}

extension DefectiveSubpopulation {
    /// Fits the model by maximum likelihood: the general core's `weibull-lfp` or `lognormal-lfp`
    /// (`DefectiveSubpopulationFamily`), on exact, right-, left- and interval-censored data.
    ///
    /// Log-likelihood (time-scale density): failures add ln p + ln f(t), suspensions ln(1 - p F(t)),
    /// left-censored units ln p F(t), interval-censored ln p (F(b) - F(a)).
    ///
    /// Throws when no estimate exists: no failures, fewer than 2 distinct failure locations, an
    /// exact failure at 0, no finite log-likelihood at any start.
    /// - Complexity: per Newton iteration 6 passes over the merged data, from 3 starts.
    public static func fit(_ family: LifetimeFamily, to data: LifetimeData) throws(FitFailure) -> DefectiveSubpopulationFit {
        let sample = CensoredSample(data)
        if let first = sample.exact.first, first.time <= 0 { throw .failureAtTimeZero(family: family) }
        let fit: ParametricFit
        switch family {
        case .weibull2p: fit = try ParametricEstimation.fit(DefectiveSubpopulationFamily.weibull, to: sample)
        case .lognormal2p: fit = try ParametricEstimation.fit(DefectiveSubpopulationFamily.lognormal, to: sample)
        default: throw .notApplicable("the defective-subpopulation fit needs weibull2p or lognormal2p")
        }
        return DefectiveSubpopulationFit(family, fit)
    }
}
