#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// A maximum-likelihood fit of a `ParametricFamily`: estimates, covariance, criteria, diagnostics, and
/// the fitted distribution's functions with Fisher (delta-method) bounds.
///
/// Covariances are the inverse observed information on the unconstrained scale u; the natural
/// parameters' covariance follows by the delta method. Fisher bounds are computed on u (and on
/// ln(-ln R) for reliability, ln h for the hazard, ln t for quantiles) and mapped back, so positive
/// quantities keep positive bounds. Derivatives of derived quantities in u are exact (dual numbers).
public struct ParametricFit: ModelFit {
    public let family: any ParametricFamily
    public let sample: CensoredSample
    /// The estimate on the unconstrained scale.
    public let unconstrained: [Double]
    /// Inverse observed information in u; nil when the Hessian is not negative definite.
    public let unconstrainedCovariance: Matrix?
    /// Log-likelihood of the time-scale density at the estimate.
    public let logLikelihood: Double
    public var diagnostics: FitDiagnostics
    /// Starting points from which Newton was run, and how many of them reached the reported maximum.
    public let starts: Int
    public let startsReachingMaximum: Int

    public init(family: any ParametricFamily, sample: CensoredSample, unconstrained: [Double], unconstrainedCovariance: Matrix?,
                logLikelihood: Double, diagnostics: FitDiagnostics, starts: Int, startsReachingMaximum: Int) {
        self.family = family
        self.sample = sample
        self.unconstrained = unconstrained
        self.unconstrainedCovariance = unconstrainedCovariance
        self.logLikelihood = logLikelihood
        self.diagnostics = diagnostics
        self.starts = starts
        self.startsReachingMaximum = startsReachingMaximum
    }

    /// The distribution's name in the contract.
    public var name: String { family.name }
    public var parameterNames: [String] { family.parameterNames }
    /// Estimates on the family's own scale, in the order of `parameterNames`.
    public var parameters: [Double] { family.natural(unconstrained) }
    public var parameterCount: Int { family.parameterCount }
    /// The n of AICc and BIC: all units, failed or suspended, counting counts.
    public var sampleSize: Double { sample.unitCount }

    /// Covariance of the natural parameters, J V J^T with J diagonal (each transform's derivative).
    public var covariance: Matrix? {
        guard let v = unconstrainedCovariance else { return nil }
        let d = zip(family.parameters, unconstrained).map { $0.transform.derivative($1) }
        var c = Matrix(rows: v.rows, columns: v.columns)
        for i in 0..<v.rows { for j in 0..<v.columns { c[i, j] = d[i] * v[i, j] * d[j] } }
        return c
    }

    /// The parameters as the output reports them (a mixture's weights p1 ... pk included), with Fisher bounds.
    public func reportedParameters(confidence: Double) -> [ReportedParameter] {
        family.reportedParameters(of: self, confidence: confidence)
    }


    // MARK: The fitted distribution

    /// ln S(t).
    public func logReliability(_ t: Double) -> Double { family.logSurvival(t, parameters) }
    /// R(t) = S(t).
    public func reliability(_ t: Double) -> Double { exp(logReliability(t)) }
    /// F(t).
    public func cdf(_ t: Double) -> Double { -expm1(logReliability(t)) }
    /// f(t).
    public func density(_ t: Double) -> Double { exp(family.logDensity(t, parameters)) }
    /// h(t) = f(t)/S(t), in logs.
    public func hazard(_ t: Double) -> Double { exp(logHazard(t)) }
    /// ln h(t).
    public func logHazard(_ t: Double) -> Double {
        let p = parameters
        return family.logDensity(t, p) - family.logSurvival(t, p)
    }

    /// The hazard at `points` log-spaced times from `low` to `high` (for plots).
    /// - Complexity: `points` hazard evaluations.
    public func hazardCurve(from low: Double, to high: Double, points: Int = 201) -> [(time: Double, hazard: Double)] {
        guard low > 0, high > low, points >= 2 else { return [] }
        return (0..<points).map { k in
            let t = low * pow(high / low, Double(k) / Double(points - 1))
            return (t, hazard(t))
        }
    }

    /// The time by which a fraction p has failed; +infinity when the model never reaches p (a
    /// defective subpopulation's F stops at its fraction), NaN for p outside (0, 1).
    /// - Complexity: some 60 evaluations of S (bracketing by doubling, then Brent's method on ln t).
    public func quantile(_ p: Double) -> Double {
        guard p > 0 && p < 1 else { return p == 0 ? 0 : (p == 1 ? .infinity : .nan) }
        return Self.quantile(p, logSurvival: logReliability, from: max(sample.longestTime, 1e-300))
    }

    /// t with ln S(t) = ln(1 - p) for a decreasing S, by bracketing in ln t and Brent's method.
    static func quantile(_ p: Double, logSurvival: (Double) -> Double, from guess: Double) -> Double {
        let target = log1p(-p)
        func excess(_ logT: Double) -> Double { logSurvival(exp(logT)) - target }
        var high = log(guess), low = high
        var steps = 0
        while !(excess(high) < 0) {
            high += 2
            steps += 1
            if steps > 400 || high > 700 { return .infinity }
        }
        steps = 0
        while !(excess(low) > 0) {
            low -= 2
            steps += 1
            if steps > 400 || low < -700 { return 0 }
        }
        return RootFinding.brent(low, high, absoluteTolerance: 1e-13, relativeTolerance: 1e-14, excess).map(exp) ?? .nan
    }

    // MARK: Bounds

    /// Fisher bounds on each natural parameter: u +- z se(u), mapped through the transform.
    public func parameterBounds(confidence: Double) -> [ConfidenceInterval] {
        let z = StandardNormal.quantile(0.5 + confidence / 2)
        return family.parameters.indices.map { i in
            guard let v = unconstrainedCovariance, v[i, i] >= 0 else {
                return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: no covariance (the Hessian is not negative definite)"])
            }
            let se = v[i, i].squareRoot(), t = family.parameters[i].transform
            return ConfidenceInterval(lower: t.natural(unconstrained[i] - z * se), upper: t.natural(unconstrained[i] + z * se))
        }
    }

    /// Exact gradient in u of a function of the natural parameters, with its value.
    public func gradient(_ f: ([HyperDual]) -> HyperDual) -> (value: Double, gradient: [Double]) {
        Self.gradient(family, unconstrained, f)
    }

    /// Exact gradient of f(natural parameters) at unconstrained parameters u: one dual-number pass
    /// per parameter.
    public static func gradient(_ family: any ParametricFamily, _ u: [Double],
                                _ f: ([HyperDual]) -> HyperDual) -> (value: Double, gradient: [Double]) {
        var value = Double.nan
        let g = u.indices.map { i in
            let r = f(family.natural(u, seeding: i, nil))
            value = r.value
            return r.e1
        }
        if g.isEmpty { value = f([]).value }
        return (value, g)
    }

    /// A quantity computed from the natural parameters, with Fisher (delta-method) bounds on the scale
    /// given: `.log` for a positive quantity, `.logit` for a probability, `.identity` otherwise (the
    /// interval is symmetric on that scale and mapped back). The quantity's derivatives are exact.
    public func estimate(_ f: ([HyperDual]) -> HyperDual, scale: ParameterTransform, confidence: Double) -> BoundedEstimate {
        let r = gradient { p in
            let q = f(p)
            switch scale {
            case .identity: return q
            case .log: return HyperDual.log(q)
            case .logit: return HyperDual.log(q) - HyperDual.log1p(-q)
            }
        }
        let interval = waldInterval(r.value, r.gradient, confidence: confidence)
        return BoundedEstimate(value: scale.natural(r.value), bounds: interval.mappedIncreasing { scale.natural($0) })
    }

    /// The delta-method interval value +- z sqrt(g^T V g) for a quantity with gradient g in u.
    public func waldInterval(_ value: Double, _ g: [Double], confidence: Double) -> ConfidenceInterval {
        guard let v = unconstrainedCovariance else {
            return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: no covariance (the Hessian is not negative definite)"])
        }
        var variance = 0.0
        for i in g.indices { for j in g.indices { variance += g[i] * v[i, j] * g[j] } }
        guard variance.isFinite, variance >= 0, value.isFinite else {
            return ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the quantity's variance is not finite"])
        }
        let half = StandardNormal.quantile(0.5 + confidence / 2) * variance.squareRoot()
        return ConfidenceInterval(lower: value - half, upper: value + half)
    }

    /// R(t) with Fisher bounds on ln(-ln R) (the standardized-time scale of Weibull++).
    public func reliability(at t: Double, confidence: Double) -> BoundedEstimate {
        let family = self.family
        let r = gradient { p in HyperDual.log(-family.logSurvival(HyperDual(t), p)) }
        let interval = waldInterval(r.value, r.gradient, confidence: confidence)
        return BoundedEstimate(value: exp(-exp(r.value)), bounds: interval.mappedDecreasing { exp(-exp($0)) })
    }

    /// h(t) with Fisher bounds on ln h.
    public func hazard(at t: Double, confidence: Double) -> BoundedEstimate {
        let family = self.family
        let r = gradient { p in family.logDensity(HyperDual(t), p) - family.logSurvival(HyperDual(t), p) }
        return BoundedEstimate(value: exp(r.value), bounds: waldInterval(r.value, r.gradient, confidence: confidence).mappedIncreasing(exp))
    }

    /// The B-life t_p with Fisher bounds on ln t_p. By the implicit function theorem on
    /// ln S(t_p, u) = ln(1 - p): d ln t_p / du = (d ln S/du) / (h(t_p) t_p).
    public func quantile(_ p: Double, confidence: Double) -> BoundedEstimate {
        let t = quantile(p)
        guard t.isFinite, t > 0 else {
            return BoundedEstimate(value: t, bounds: ConfidenceInterval(lower: nil, upper: nil, notes: ["not computed: the quantile is not a finite positive time"]))
        }
        let family = self.family
        let s = gradient { q in family.logSurvival(HyperDual(t), q) }
        let h = hazard(t)
        let g = s.gradient.map { $0 / (h * t) }
        return BoundedEstimate(value: t, bounds: waldInterval(log(t), g, confidence: confidence).mappedIncreasing(exp))
    }
}
