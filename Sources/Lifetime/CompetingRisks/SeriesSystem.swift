#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// A series system of independent failure modes, each a fitted model: the unit fails at the first of
/// its modes' failures.
///
/// R(t) = prod_m R_m(t), so ln R = sum_m ln R_m; h(t) = sum_m h_m(t); the B-life t_p solves
/// ln R(t_p) = ln(1 - p) (bracketing in ln t and Brent's method).
///
/// ## Fisher bounds
/// The modes are fitted from separate likelihoods, so the covariance of all internal parameters
/// (theta_1, ..., theta_M) is block diagonal: each mode's inverse observed information
/// (`LifetimeFit.internalCovariance`, e.g. (ln eta, ln(1/beta)) for a Weibull; a general-core fit's
/// `ParametricFit.unconstrainedCovariance`). A quantity q gets the
/// delta-method variance sum_m g_m^T V_m g_m, g_m its gradient in theta_m, and a Wald interval on
/// - ln(-ln R(t)) for reliability (the standardized-time scale of Weibull++), mapped back by exp(-exp(.)),
///   with d ln(-ln R)/d theta_m = (d ln R_m / d theta_m) / ln R;
/// - ln h(t) for the hazard, with d ln h / d theta_m = (d h_m / d theta_m) / h;
/// - ln t_p for a B-life, with d ln t_p / d theta_m = (d ln R_m(t_p) / d theta_m) / (h(t_p) t_p)
///   (implicit function theorem on ln R(t_p, theta) = ln(1 - p)).
/// Each mode's gradient is taken by central differences over its internal parameters (relative step
/// 1e-6, as `DeltaMethod`), so every `LifetimeFamily`, threshold and gamma families included, and
/// every general-core family (a mixture, a defective subpopulation, a bathtub family) is served by the
/// same code. The delta method is invariant under reparametrisation to first order, so a mode fitted
/// through either path gives the same bounds. Bounds are not computed when a mode has no covariance
/// (its notes say so).
public struct SeriesSystem: Sendable {
    /// One mode's fit: a standard family (fast paths) or a general-core family.
    public enum ModeFit: Sendable {
        case standard(LifetimeFit)
        case general(ParametricFit)

        /// The internal parameters the covariance is of.
        var theta: [Double] {
            switch self {
            case let .standard(fit): DeltaMethod.internalValues(fit)
            case let .general(fit): fit.unconstrained
            }
        }

        var thetaCovariance: Matrix? {
            switch self {
            case let .standard(fit): fit.internalCovariance
            case let .general(fit): fit.unconstrainedCovariance
            }
        }

        /// ln R(t) at internal parameters theta.
        func logReliability(_ t: Double, _ theta: [Double]) -> Double {
            switch self {
            case let .standard(fit): DeltaMethod.model(fit, theta).logReliability(t)
            case let .general(fit): fit.family.logSurvival(t, fit.family.natural(theta))
            }
        }

        /// h(t) at internal parameters theta.
        func hazard(_ t: Double, _ theta: [Double]) -> Double {
            switch self {
            case let .standard(fit): return DeltaMethod.model(fit, theta).hazard(t)
            case let .general(fit):
                let p = fit.family.natural(theta)
                return exp(fit.family.logDensity(t, p) - fit.family.logSurvival(t, p))
            }
        }

        /// ln R(t) at the estimate.
        public func logReliability(_ t: Double) -> Double {
            switch self {
            case let .standard(fit): fit.model.logReliability(t)
            case let .general(fit): fit.logReliability(t)
            }
        }

        /// F(t) = 1 - R(t) at the estimate, as -expm1(ln R) so that small probabilities keep their digits.
        public func unreliability(_ t: Double) -> Double { -expm1(logReliability(t)) }

        /// The family's probability paper.
        public var probabilityScale: ProbabilityScale {
            switch self {
            case let .standard(fit): fit.family.probabilityScale
            case let .general(fit): fit.family.probabilityScale
            }
        }

        /// h(t) at the estimate.
        public func hazard(_ t: Double) -> Double {
            switch self {
            case let .standard(fit): fit.model.hazard(t)
            case let .general(fit): fit.hazard(t)
            }
        }

        /// The mode's own quantile at the estimate (+infinity when it never reaches p).
        public func quantile(_ p: Double) -> Double {
            switch self {
            case let .standard(fit): fit.model.quantile(p)
            case let .general(fit): fit.quantile(p)
            }
        }

        /// The fit's diagnostics.
        public var diagnostics: FitDiagnostics {
            switch self {
            case let .standard(fit): fit.diagnostics
            case let .general(fit): fit.diagnostics
            }
        }
    }

    /// The modes' fits, in the order of `names`.
    public let fits: [ModeFit]
    public let names: [String]

    /// One (name, fit) per mode: a name cannot go without its fit.
    public init(modes: [(name: String, fit: ModeFit)]) {
        names = modes.map(\.name)
        fits = modes.map(\.fit)
    }

    /// Modes fitted with standard families.
    public init(modes: [(name: String, fit: LifetimeFit)]) {
        self.init(modes: modes.map { ($0.name, ModeFit.standard($0.fit)) })
    }

    /// ln R(t) = sum of the modes' ln R_m(t).
    public func logReliability(_ t: Double) -> Double { fits.reduce(0.0) { $0 + $1.logReliability(t) } }
    /// R(t).
    public func reliability(_ t: Double) -> Double { exp(logReliability(t)) }
    /// F(t) = 1 - R(t), as -expm1(ln R).
    public func unreliability(_ t: Double) -> Double { -expm1(logReliability(t)) }
    /// h(t) = sum of the modes' hazards.
    public func hazard(_ t: Double) -> Double { fits.reduce(0.0) { $0 + $1.hazard(t) } }

    /// The time by which a fraction p of units has failed of any mode; NaN for p outside (0, 1).
    public func quantile(_ p: Double) -> Double {
        guard p > 0 && p < 1 else { return p == 0 ? 0 : (p == 1 ? .infinity : .nan) }
        // The system fails no later than its earliest mode: start the bracket there.
        let guess = fits.map { $0.quantile(p) }.filter { $0.isFinite && $0 > 0 }.min() ?? 1
        return ParametricFit.quantile(p, logSurvival: logReliability, from: guess)
    }

    /// R(t) with Fisher bounds on ln(-ln R).
    public func reliability(at t: Double, confidence: Double) -> BoundedEstimate {
        let logR = logReliability(t)
        guard logR < 0 else { return BoundedEstimate(value: exp(logR), bounds: ConfidenceInterval(lower: 1, upper: 1)) }
        let interval = wald(log(-logR), confidence: confidence, scale: 1 / logR) { mode, theta in mode.logReliability(t, theta) }
        return BoundedEstimate(value: exp(logR), bounds: interval.mappedDecreasing { exp(-exp($0)) })
    }

    /// h(t) with Fisher bounds on ln h.
    public func hazard(at t: Double, confidence: Double) -> BoundedEstimate {
        let h = hazard(t)
        guard h > 0, h.isFinite else {
            return BoundedEstimate(value: h, bounds: ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the hazard is not a finite positive number"]))
        }
        let interval = wald(log(h), confidence: confidence, scale: 1 / h) { mode, theta in mode.hazard(t, theta) }
        return BoundedEstimate(value: h, bounds: interval.mappedIncreasing(exp))
    }

    /// The B-life (`percent` % failed of any mode) with Fisher bounds on ln t.
    public func bLife(_ percent: Double, confidence: Double) -> BoundedEstimate {
        let t = quantile(percent / 100)
        let h = t.isFinite && t > 0 ? hazard(t) : .nan
        guard t.isFinite, t > 0, h > 0, h.isFinite else {
            return BoundedEstimate(value: t, bounds: ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the B-life is not a finite positive time with a positive hazard"]))
        }
        let interval = wald(log(t), confidence: confidence, scale: 1 / (h * t)) { mode, theta in mode.logReliability(t, theta) }
        return BoundedEstimate(value: t, bounds: interval.mappedIncreasing(exp))
    }

    /// value +- z sd, sd^2 = sum_m (scale g_m)^T V_m (scale g_m) with g_m the gradient of `perMode`
    /// over mode m's internal parameters.
    func wald(_ value: Double, confidence: Double, scale: Double, _ perMode: (ModeFit, [Double]) -> Double) -> ConfidenceInterval {
        var variance = 0.0
        for (name, fit) in zip(names, fits) {
            guard let v = fit.thetaCovariance else {
                return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: mode \(name) has no covariance (its Hessian is not negative definite)"])
            }
            let p = fit.theta
            guard p.count == v.rows else {
                return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: mode \(name)'s covariance does not match its parameters"])
            }
            var g = [Double](repeating: 0, count: p.count)
            for i in p.indices {
                let step = 1e-6 * max(1, abs(p[i]))
                var a = p, b = p
                a[i] += step
                b[i] -= step
                g[i] = scale * (perMode(fit, a) - perMode(fit, b)) / (2 * step)
            }
            for i in p.indices { for j in p.indices { variance += g[i] * v[i, j] * g[j] } }
        }
        guard variance.isFinite, variance >= 0, value.isFinite else {
            return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the quantity's variance is not finite"])
        }
        let half = FisherBounds.criticalValue(confidence) * variance.squareRoot()
        return ConfidenceInterval(lower: value - half, upper: value + half)
    }
}
