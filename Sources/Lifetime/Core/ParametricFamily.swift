import RelmodelNumerics

/// A lifetime family defined by its primitives, fitted by the one censored likelihood
/// (`CensoredLogLikelihood`), maximiser (`DampedNewton`) and multi-start driver (`ParametricEstimation`)
/// that serve every model.
///
/// A family gives, in one file:
/// - its parameters (`parameters`): names, as the JSON contract reports them, and the transform from
///   an unconstrained internal scale on which the maximiser works (log for a positive scale or shape,
///   logit for a fraction);
/// - the log-density and log-survival at a time, written once over `LikelihoodScalar` so that the
///   same code gives values (`Double`) and exact first and second derivatives (`HyperDual`);
///   a family in hazard form (`HazardFamily`) gives log-hazard and cumulative hazard instead;
/// - starting values (`startingValues(for:)`), one or several: the driver runs Newton from each.
///
/// The log-CDF and the log-probability of an interval default to forms computed from the log-survival
/// that stay accurate in both tails; a family overrides them where it has a better one.
///
/// The parameters passed to the primitives are on the family's own (natural) scale, in the order of
/// `parameters`. A primitive may return -infinity or NaN outside the parameter space or the support:
/// the likelihood then treats the point as impossible.
public protocol ParametricFamily: Sendable {
    /// The distribution's name in the CLI and JSON contract ("chen", "weibull-lfp").
    var name: String { get }
    /// Parameters in the order the primitives take them and the output reports them.
    var parameters: [FamilyParameter] { get }
    /// ln f(t).
    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T
    /// ln S(t) = ln P(T > t).
    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T
    /// ln F(t) = ln P(T <= t).
    func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T
    /// ln P(a < T <= b) for a < b.
    func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T
    /// sum over the exact failures of w ln f(t), when the family has a form cheaper than one term per
    /// failure (the gamma's: its sufficient statistics `CensoredSample.exactSums`); nil, the default,
    /// and the likelihood sums `logDensity` over them. A specialisation: it must equal that sum.
    func exactLogDensitySum<T: LikelihoodScalar>(_ sample: CensoredSample, _ p: [T]) -> T?
    /// Value, gradient and Hessian in the unconstrained parameters u of the censored log-likelihood,
    /// when the family has a one-pass form cheaper than the k(k+1)/2 hyper-dual passes of
    /// `CensoredLogLikelihood.derivatives` (the gamma's: one incomplete gamma with its partials per
    /// censored entry); nil, the default, and those passes are used. A specialisation: it must equal
    /// the general path (`CensoredLogLikelihood.generalDerivatives`) to rounding.
    func logLikelihoodDerivatives(_ sample: CensoredSample, _ u: [Double]) -> LikelihoodDerivatives?
    /// Starting points on the natural scale, best guess first; at least one.
    func startingValues(for sample: CensoredSample) -> [[Double]]
    /// The smallest number of distinct failure locations (exact times, left-censoring times,
    /// intervals) for which the maximum can exist; fewer is reported as `FitFailure.tooFewDistinctFailures`.
    var requiredDistinctFailures: Int { get }
    /// Why natural parameters p are a degenerate estimate on the sample (a component collapsed onto one
    /// time, a shape running to infinity on a cluster of ties), or nil; see `ParametricEstimation`.
    func degeneracy(_ p: [Double], sample: CensoredSample) -> String?
    /// The one representative of parameters that describe the same distribution (a mixture's components
    /// in order of scale), so that an estimate is unique; by default p itself.
    func canonical(_ p: [Double]) -> [Double]
    /// The parameters as the output reports them, with Fisher bounds at `confidence`: by default each
    /// estimated parameter with `ParametricFit.parameterBounds`; a family whose reported parameters
    /// are functions of the estimated ones (a mixture's weights) gives them with delta-method bounds.
    func reportedParameters(of fit: ParametricFit, confidence: Double) -> [ReportedParameter]
    /// The paper of the family's probability plot; by default lognormal paper for a family whose
    /// name starts with "lognormal" (lognormal, its defective subpopulation and mixtures), Weibull paper otherwise.
    var probabilityScale: ProbabilityScale { get }
}

extension ParametricFamily {
    /// ln(1 - S(t)), accurate where S is near 1 (log1mexp).
    public func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.log1mexp(logSurvival(t, p)) }

    /// ln(S(a) - S(b)) = ln S(a) + ln(1 - S(b)/S(a)), accurate in the upper tail.
    public func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T {
        let la = logSurvival(a, p), lb = logSurvival(b, p)
        return la + T.log1mexp(lb - la)
    }

    public var requiredDistinctFailures: Int { parameters.count }

    public func exactLogDensitySum<T: LikelihoodScalar>(_ sample: CensoredSample, _ p: [T]) -> T? { nil }

    public func logLikelihoodDerivatives(_ sample: CensoredSample, _ u: [Double]) -> LikelihoodDerivatives? { nil }

    public func canonical(_ p: [Double]) -> [Double] { p }

    public var probabilityScale: ProbabilityScale { name.hasPrefix("lognormal") ? .lognormal : .weibull }

    public func reportedParameters(of fit: ParametricFit, confidence: Double) -> [ReportedParameter] {
        let bounds = fit.parameterBounds(confidence: confidence)
        return fit.parameters.indices.map {
            ReportedParameter(name: parameters[$0].name, estimate: BoundedEstimate(value: fit.parameters[$0], bounds: bounds[$0]))
        }
    }

    /// Number of parameters (the k of AIC, AICc and BIC).
    public var parameterCount: Int { parameters.count }

    /// The natural parameters at unconstrained parameters u.
    public func natural(_ u: [Double]) -> [Double] { zip(parameters, u).map { $0.transform.natural($1) } }

    /// The natural parameters at u as hyper-dual numbers, u seeded along coordinate `e1` in the first
    /// direction and `e2` in the second (nil: not seeded): one evaluation then gives the derivatives in
    /// u_e1 and u_e2 and the second derivative in both.
    public func natural(_ u: [Double], seeding e1: Int?, _ e2: Int?) -> [HyperDual] {
        zip(parameters, u.indices).map { parameter, m in
            parameter.transform.natural(HyperDual(u[m], e1: m == e1 ? 1 : 0, e2: m == e2 ? 1 : 0))
        }
    }

    /// The parameter names, in order.
    public var parameterNames: [String] { parameters.map(\.name) }
}

/// A family given by its hazard: log h(t) and H(t) = -ln S(t); the density is h S.
public protocol HazardFamily: ParametricFamily {
    /// ln h(t).
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T
    /// H(t) = integral of h from 0 to t.
    func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T
}

extension HazardFamily {
    public func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { logHazard(t, p) - cumulativeHazard(t, p) }
    public func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { -cumulativeHazard(t, p) }
}

/// A parameter as reported: its name in the JSON contract and its estimate with bounds.
public struct ReportedParameter: Sendable, Equatable {
    public let name: String
    public let estimate: BoundedEstimate

    public init(name: String, estimate: BoundedEstimate) {
        self.name = name
        self.estimate = estimate
    }
}

/// One parameter of a family: its reported name and the map from the maximiser's unconstrained scale.
public struct FamilyParameter: Sendable, Equatable {
    public let name: String
    public let transform: ParameterTransform

    public init(_ name: String, _ transform: ParameterTransform) {
        self.name = name
        self.transform = transform
    }
}

/// How a parameter on the family's scale is reached from an unconstrained one, u.
///
/// The maximiser, the covariance and the Fisher bounds work on u; bounds on the natural scale are the
/// transform of bounds on u (so a positive parameter's bounds stay positive, as the log-scale Fisher
/// bounds of Weibull++ and JMP do).
public enum ParameterTransform: Sendable, Equatable {
    /// The parameter itself (a location).
    case identity
    /// Positive: the parameter is e^u.
    case log
    /// A fraction in (0, 1): the parameter is 1 / (1 + e^-u).
    case logit

    /// The natural parameter at u.
    @inlinable
    public func natural<T: LikelihoodScalar>(_ u: T) -> T {
        switch self {
        case .identity: u
        case .log: T.exp(u)
        case .logit: 1 / (1 + T.exp(-u))
        }
    }

    /// u for a natural parameter; nil outside the parameter's range.
    public func unconstrained(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        switch self {
        case .identity: return x
        case .log: return x > 0 ? Double.log(x) : nil
        case .logit: return x > 0 && x < 1 ? Double.log(x / (1 - x)) : nil
        }
    }

    /// d(natural)/du at u.
    public func derivative(_ u: Double) -> Double {
        switch self {
        case .identity: return 1
        case .log: return Double.exp(u)
        case .logit:
            let p = 1 / (1 + Double.exp(-u))
            return p * (1 - p)
        }
    }
}
