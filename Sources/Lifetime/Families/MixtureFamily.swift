#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A family that can be a mixture component: it has a scale by which components are ordered.
public protocol MixtureComponent: ParametricFamily {
    /// The component's scale on the time axis (Weibull eta, lognormal e^mu).
    func scale(_ p: [Double]) -> Double
}

extension WeibullHazard: MixtureComponent {
    public func scale(_ p: [Double]) -> Double { p[0] }
}

extension LognormalDistribution: MixtureComponent {
    public func scale(_ p: [Double]) -> Double { exp(p[0]) }
}

/// A model that is a mixture of subpopulations: its weights and each component's own distribution,
/// what a mixture probability plot draws beside the fitted CDF.
public protocol MixtureComposition: ParametricFamily {
    /// k, the number of components.
    var componentCount: Int { get }
    /// The weights p_1 ... p_k at natural parameters p.
    func weights(_ p: [Double]) -> [Double]
    /// Component c's own CDF F_c(t) (not weighted), at natural parameters p; c in 0..<k.
    func componentCDF(_ c: Int, at t: Double, _ p: [Double]) -> Double
    /// Component c's own parameters by name ("eta", "beta"), at natural parameters p.
    func componentParameters(_ c: Int, _ p: [Double]) -> [(name: String, value: Double)]
}

/// A k-component mixture of one base family: f = sum_c p_c f_c, S = sum_c p_c S_c (a population of
/// k kinds of unit, each unit of one kind, the kind unknown): `weibull-mixture2` ... `weibull-mixture4`,
/// `lognormal-mixture2` ... `lognormal-mixture4`.
///
/// **Parameters.** The output reports p1, eta1, beta1, p2, eta2, beta2, ..., pk, etak, betak
/// (`reportedParameters(of:confidence:)`), the last weight being 1 - the others, so a k-mixture of a
/// two-parameter family estimates 3k - 1 parameters. Internally the weights are stick-breaking
/// fractions q_c = p_c / (p_c + ... + p_k), c < k, each on the logit scale: any point of the
/// unconstrained space is a valid mixture, and the estimated parameters are, in order,
/// q1, eta1, beta1, q2, eta2, beta2, ..., etak, betak (`parameters`; q1 = p1). Reported weights get
/// delta-method bounds on the logit scale through `ParametricFit.estimate`.
///
/// **Uniqueness.** Components are ordered by scale (`canonical`): the first is the shortest-lived.
///
/// **Fitting.** `startingValues(for:)` runs EM from several deterministic partitions of the failures
/// (`MixtureEM`); the driver then runs Newton on the full likelihood from each EM result.
///
/// **Censoring.** Each term is a log-sum over components of ln p_c plus the component's own term
/// (ln f_c, ln S_c, ln F_c, ln P_c(a < T <= b)), so left- and interval-censored units use the
/// component's well-conditioned forms.
///
/// **Degeneracy.** The likelihood of a mixture has no maximum when a component collapses onto one
/// failure time (its density grows without bound there on exact ties, or it sits inside one
/// inspection interval with any shape), or when a weight goes to 0 (`degeneracy(_:sample:)`); such
/// a fit is flagged, never reported as an estimate.
public struct MixtureFamily<Component: MixtureComponent>: ParametricFamily {
    public let component: Component
    /// k, the number of components (at least 2).
    public let count: Int
    public let name: String

    /// - Parameters:
    ///   - component: the base family every component has.
    ///   - count: k, the number of components (at least 2).
    ///   - name: the name in the CLI and JSON contract ("weibull-mixture2").
    /// - Throws: `FitFailure.notApplicable` for fewer than two components.
    public init(_ component: Component, count: Int, name: String) throws(FitFailure) {
        guard count >= 2 else { throw .notApplicable("a mixture has at least two components, got \(count)") }
        self.component = component
        self.count = count
        self.name = name
    }

    /// Parameters per component.
    var m: Int { component.parameterCount }

    /// Index of component c's first parameter (its stick-breaking fraction, then its own parameters).
    func offset(_ c: Int) -> Int { c * (m + 1) }

    public var parameters: [FamilyParameter] {
        (0..<count).flatMap { c in
            (c < count - 1 ? [FamilyParameter("q\(c + 1)", .logit)] : [])
                + component.parameters.map { FamilyParameter("\($0.name)\(c + 1)", $0.transform) }
        }
    }

    /// Component c's own parameters out of the mixture's.
    func parameters<T>(of c: Int, _ p: [T]) -> [T] {
        let start = offset(c) + (c < count - 1 ? 1 : 0)
        return Array(p[start..<start + m])
    }

    /// ln p_c for every component, from the stick-breaking fractions.
    func logWeights<T: LikelihoodScalar>(_ p: [T]) -> [T] {
        var rest = T(0)
        var result: [T] = []
        for c in 0..<count - 1 {
            let q = p[offset(c)]
            result.append(rest + T.log(q))
            rest = rest + T.log1p(-q)
        }
        result.append(rest)
        return result
    }

    /// The weights p_1 ... p_k.
    public func weights(_ p: [Double]) -> [Double] { logWeights(p).map { exp($0) } }

    /// 1 - S_c(t), accurate where S_c is near 1; NaN for c outside 0..<k or parameters of the wrong
    /// length (no trap).
    public func componentCDF(_ c: Int, at t: Double, _ p: [Double]) -> Double {
        guard (0..<count).contains(c), p.count == parameters.count else { return .nan }
        return -expm1(component.logSurvival(t, parameters(of: c, p)))
    }

    public func componentParameters(_ c: Int, _ p: [Double]) -> [(name: String, value: Double)] {
        guard (0..<count).contains(c), p.count == parameters.count else { return [] }
        return Array(zip(component.parameters.map(\.name), parameters(of: c, p)))
    }

    /// The mixture's natural parameters from weights (summing to 1) and component parameters.
    public func natural(weights w: [Double], components: [[Double]]) -> [Double] {
        var result: [Double] = []
        var rest = w.reduce(0, +)
        for c in 0..<count {
            if c < count - 1 {
                result.append(rest > 0 ? min(max(w[c] / rest, 0), 1) : 0.5)
                rest -= w[c]
            }
            result += components[c]
        }
        return result
    }

    @inline(__always)
    func logSum<T: LikelihoodScalar>(_ p: [T], _ term: (Int, [T]) -> T) -> T {
        let w = logWeights(p)
        var total = w[0] + term(0, parameters(of: 0, p))
        for c in 1..<count { total = T.logAddExp(total, w[c] + term(c, parameters(of: c, p))) }
        return total
    }

    public func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        logSum(p) { component.logDensity(t, $1) }
    }

    public func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        logSum(p) { component.logSurvival(t, $1) }
    }

    public func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        logSum(p) { component.logCDF(t, $1) }
    }

    public func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T {
        logSum(p) { component.logProbability(between: a, and: b, $1) }
    }

    /// EM from several partitions of the failures (`MixtureEM`), best first.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        MixtureEM.starts(self, sample)
    }

    /// Components in increasing order of scale.
    public func canonical(_ p: [Double]) -> [Double] {
        let w = weights(p)
        let parts = (0..<count).map { parameters(of: $0, p) }
        let order = (0..<count).sorted { component.scale(parts[$0]) < component.scale(parts[$1]) }
        guard order != Array(0..<count) else { return p }
        return natural(weights: order.map { w[$0] }, components: order.map { parts[$0] })
    }

    /// p1, eta1, beta1, ..., pk, etak, betak: weights with delta-method bounds on the logit scale,
    /// component parameters with the Fisher bounds of their transforms.
    public func reportedParameters(of fit: ParametricFit, confidence: Double) -> [ReportedParameter] {
        let bounds = fit.parameterBounds(confidence: confidence)
        let estimates = fit.parameters
        var result: [ReportedParameter] = []
        for c in 0..<count {
            let weight = fit.estimate({ p in HyperDual.exp(self.logWeights(p)[c]) }, scale: .logit, confidence: confidence)
            result.append(ReportedParameter(name: "p\(c + 1)", estimate: weight))
            let start = offset(c) + (c < count - 1 ? 1 : 0)
            for (j, parameter) in component.parameters.enumerated() {
                result.append(ReportedParameter(name: "\(parameter.name)\(c + 1)",
                                                estimate: BoundedEstimate(value: estimates[start + j], bounds: bounds[start + j])))
            }
        }
        return result
    }

    /// How much of its own probability a component must put on one failure location to count as
    /// collapsed onto it (the location: an inspection interval, the span up to a left-censoring time,
    /// or +-1 % around an exact time).
    public static var collapseProbability: Double { 0.99 }

    /// Degenerate: a weight at 0 (or, the same thing, another at 1), a component that explains no
    /// failures (its parameters are then not identified), or a component collapsed onto the failure
    /// location where most of its failures lie: inside one inspection interval (any shape fits there
    /// equally well), or within +-1 % of one exact time (a shape running to infinity on a cluster of
    /// ties: the density, and with it the likelihood, grows without bound there).
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let w = weights(p)
        if let c = w.indices.first(where: { w[$0] < 1e-6 }) {
            return "the weight p\(c + 1) runs to 0 (\(NoteNumbers.significant(w[c])))"
        }
        let posteriors = self.posteriors(p, sample: sample).filter { $0.observation.isFailure }
        for c in 0..<count {
            let mass = posteriors.map { $0.weight * $0.probabilities[c] }
            let total = mass.reduce(0, +)
            if total < 0.01 {
                return "component \(c + 1) explains no failures (\(NoteNumbers.significant(total)) units): its parameters are not identified"
            }
            guard let i = mass.indices.max(by: { mass[$0] < mass[$1] }) else { continue }
            let theta = parameters(of: c, p)
            let logInside: Double = switch posteriors[i].observation {
            case let .exact(t): component.logProbability(between: t * exp(-0.01), and: t * exp(0.01), theta)
            case let .left(t): component.logCDF(t, theta)
            case let .interval(a, b): component.logProbability(between: a, and: b, theta)
            case .right: -.infinity
            }
            if exp(logInside) >= Self.collapseProbability {
                return "component \(c + 1) collapses onto one failure \(posteriors[i].observation.locationDescription)"
            }
        }
        return nil
    }

    /// The posterior probability of each component given one observation: exact p_c f_c / f, right
    /// p_c S_c / S, left p_c F_c / F, interval p_c P_c(a, b) / P(a, b) (`ComponentPosteriors`).
    /// - Complexity: O(k).
    public func posteriors(_ observation: LifetimeObservation, _ p: [Double]) -> [Double] {
        let w = logWeights(p)
        let logs = (0..<count).map { c -> Double in
            let theta = parameters(of: c, p)
            let term: Double = switch observation {
            case let .failure(t, _): component.logDensity(t, theta)
            case let .suspension(t, _): component.logSurvival(t, theta)
            case let .leftCensored(t, _): component.logCDF(t, theta)
            case let .interval(a, b, _): component.logProbability(between: a, and: b, theta)
            }
            return w[c] + term
        }
        let top = logs.max() ?? 0
        let r = logs.map { top.isFinite ? exp($0 - top) : 1 }
        let sum = r.reduce(0, +)
        return r.map { $0 / sum }
    }

    public var componentCount: Int { count }
}

/// A mixture's per-unit classification: for one merged entry, each component's posterior probability.
public struct ComponentPosterior: Sendable, Equatable {
    /// What was observed.
    public enum Observation: Sendable, Equatable {
        case exact(Double)
        case right(Double)
        case left(Double)
        case interval(Double, Double)

        /// A failure (exact, left- or interval-censored), not a survivor.
        public var isFailure: Bool {
            if case .right = self { return false }
            return true
        }

        var locationDescription: String {
            switch self {
            case let .exact(t): "time (\(NoteNumbers.significant(t)))"
            case let .right(t): "suspension time (\(NoteNumbers.significant(t)))"
            case let .left(t): "left-censoring time (\(NoteNumbers.significant(t)))"
            case let .interval(a, b): "interval ((\(NoteNumbers.significant(a)), \(NoteNumbers.significant(b))])"
            }
        }
    }

    public let observation: Observation
    /// Units in the entry.
    public let weight: Double
    /// P(component c | observation), c = 0 ..< k; they sum to 1.
    public let probabilities: [Double]

    /// The most likely component, numbered from 1 as in the parameter names (p1, eta1).
    public var mostLikelyComponent: Int { (probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0) + 1 }
}

extension MixtureFamily: ComponentPosteriors, MixtureComposition {}

extension MixtureFamily where Component == WeibullHazard {
    /// `weibull-mixtureK`.
    /// - Throws: `FitFailure.notApplicable` for fewer than two components.
    public static func weibull(_ count: Int) throws(FitFailure) -> Self { try Self(WeibullHazard(), count: count, name: "weibull-mixture\(count)") }
}

extension MixtureFamily where Component == LognormalDistribution {
    /// `lognormal-mixtureK`.
    /// - Throws: `FitFailure.notApplicable` for fewer than two components.
    public static func lognormal(_ count: Int) throws(FitFailure) -> Self { try Self(LognormalDistribution(), count: count, name: "lognormal-mixture\(count)") }
}
