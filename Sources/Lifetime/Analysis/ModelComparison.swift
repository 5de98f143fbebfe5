import RelmodelNumerics

/// A fit of a general-core family (`ParametricFamily`, e.g. from `FamilyCatalog`) with the quantities
/// asked for. Bounds are Fisher bounds (`ParametricFit`): on the unconstrained parameter scale for the
/// parameters, ln(-ln R) for reliability, ln h for the hazard, ln t for B-lives and logit for
/// conditional reliability.
public struct GeneralModelSummary: Sendable {
    public internal(set) var fit: ParametricFit
    /// In the order of `fit.parameterNames`.
    public let parameterBounds: [ConfidenceInterval]
    /// The parameters as the output reports them, with their bounds and standard errors (nil where the
    /// reported parameter is not an estimated one, such as a mixture's last weight): the estimated
    /// parameters with `parameterBounds`, unless the family reports others (a mixture's weights p1 ...
    /// pk in place of its stick-breaking fractions), whose bounds are then Fisher bounds.
    public let reported: [(parameter: ReportedParameter, standardError: Double?)]
    public let bLives: [(percent: Double, estimate: BoundedEstimate)]
    public let reliabilities: [(time: Double, estimate: BoundedEstimate)]
    public let hazards: [(time: Double, estimate: BoundedEstimate)]
    public let conditionalReliabilities: [(age: Double, duration: Double, estimate: BoundedEstimate)]

    /// The quantities of `options` for `fit`. Likelihood-ratio bounds (`ParametricProfileBounds`, the
    /// constrained profile) are computed for the parameters, B-lives and reliability; the hazard and
    /// conditional reliability keep Fisher bounds, and bootstrap bounds are not computed for these
    /// families (Fisher bounds are reported): a note says which. Mean residual life is not computed.
    public init(_ fit: ParametricFit, options: LifetimeAnalysisOptions) {
        let c = options.twoSidedLevel, sides = options.sides
        func kept(_ e: BoundedEstimate) -> BoundedEstimate { BoundedEstimate(value: e.value, bounds: e.bounds.keeping(sides)) }
        var fit = fit
        let lr = options.boundsMethod == .lr && !fit.diagnostics.degenerate && fit.diagnostics.converged
        if options.boundsMethod == .bootstrap {
            fit.diagnostics.notes.append("bootstrap bounds are not computed for \(fit.name): the bounds are Fisher bounds")
        } else if lr && (!options.times.isEmpty || !options.conditional.isEmpty) {
            fit.diagnostics.notes.append("hazard and conditional reliability of \(fit.name) have Fisher bounds; parameters, B-lives and reliability have likelihood-ratio bounds")
        }
        if !options.residualLifeAges.isEmpty {
            fit.diagnostics.notes.append("mean residual life is not computed for \(fit.name)")
        }
        let family = fit.family
        let budget = options.profileBudget
        let fitted = fit
        let intervals = (lr ? ParametricProfileBounds.parameters(fitted, confidence: c, budget: budget) : fit.parameterBounds(confidence: c))
            .map { $0.keeping(sides) }
        parameterBounds = intervals
        let names = fit.parameterNames, errors = fit.standardErrors
        let familyReported = fit.reportedParameters(confidence: c)
        if familyReported.map(\.name) == names {
            reported = names.indices.map {
                (ReportedParameter(name: names[$0], estimate: BoundedEstimate(value: fitted.parameters[$0], bounds: intervals[$0])), errors?[$0])
            }
        } else {
            if lr { fit.diagnostics.notes.append("the reported parameters of \(fit.name) have Fisher bounds (its likelihood-ratio bounds are on B-lives and reliability)") }
            reported = familyReported.map { parameter in
                let index = names.firstIndex(of: parameter.name)
                return (ReportedParameter(name: parameter.name, estimate: BoundedEstimate(value: parameter.estimate.value,
                                                                                         bounds: parameter.estimate.bounds.keeping(sides))),
                        index.flatMap { errors?[$0] })
            }
        }
        bLives = options.bLives.map { percent in
            var e = fitted.quantile(percent / 100, confidence: c)
            if lr { e.bounds = ParametricProfileBounds.quantile(fitted, probability: percent / 100, confidence: c, budget: budget) }
            return (percent, kept(e))
        }
        reliabilities = options.times.map { t in
            var e = fitted.reliability(at: t, confidence: c)
            if lr { e.bounds = ParametricProfileBounds.reliability(fitted, at: t, confidence: c, budget: budget) }
            return (t, kept(e))
        }
        hazards = options.times.map { ($0, kept(fit.hazard(at: $0, confidence: c))) }
        conditionalReliabilities = options.conditional.map { age, duration in
            let e = fit.estimate({ p in
                HyperDual.exp(family.logSurvival(HyperDual(age + duration), p) - family.logSurvival(HyperDual(age), p))
            }, scale: .logit, confidence: c)
            return (age, duration, kept(e))
        }
        self.fit = fit
    }
}

/// The outcome of fitting one general-core family.
public enum GeneralModelOutcome: Sendable {
    case fitted(GeneralModelSummary)
    case failed(name: String, FitFailure)

    public var name: String {
        switch self {
        case let .fitted(s): s.fit.name
        case let .failed(name, _): name
        }
    }
}

/// One entry of a ranking that holds standard families (fast paths, `LifetimeFit`) and general-core
/// families (`ParametricFit`) together.
public enum RankedModel: Sendable {
    case standard(ModelOutcome)
    case general(GeneralModelOutcome)

    public var name: String {
        switch self {
        case let .standard(o): o.family.rawValue
        case let .general(o): o.name
        }
    }

    /// Fitted, converged and not degenerate.
    public var isProperFit: Bool {
        switch self {
        case let .standard(.fitted(s)): s.fit.diagnostics.converged && !s.fit.diagnostics.degenerate
        case let .general(.fitted(s)): s.fit.diagnostics.converged && !s.fit.diagnostics.degenerate
        default: false
        }
    }
}

/// Standard and general-core families fitted to one data set and ranked together.
///
/// Both kinds use the same log-likelihood (of the time-scale density) and the same n (all units) in
/// AICc and BIC, so their criteria compare. The order is `LifetimeAnalysis`'s: proper converged fits
/// by the criterion, then degenerate fits, then unconverged ones, then families that could not be
/// fitted. A general-core fit without an interior maximum is not converged (`ParametricEstimation`),
/// so it is never ranked above a proper fit. The general-core families have no Anderson-Darling
/// statistic: ranked by `ad`, they follow the models that have one.
public struct ModelComparison: Sendable {
    /// The analysis of the standard families (nil when none was asked for).
    public let standard: LifetimeAnalysis?
    /// The general-core families' outcomes, in the order asked for.
    public let general: [GeneralModelOutcome]
    /// Every model, best first.
    public let ranked: [RankedModel]
    public let options: LifetimeAnalysisOptions
    public let rows: Int
    public let units: Double
    public let failures: Double
    public let suspensions: Double

    /// Fits `options.families` through `LifetimeAnalysis` and `general` through `ParametricEstimation`
    /// (in parallel), and ranks them together.
    public init(data: LifetimeData, rows: Int, general families: [any ParametricFamily], options: LifetimeAnalysisOptions) {
        self.options = options
        self.rows = rows
        units = data.unitCount
        failures = data.failureCount
        suspensions = data.suspensionCount
        let standard = options.families.isEmpty ? nil : LifetimeAnalysis(data: data, rows: rows, options: options)
        self.standard = standard
        let sample = CensoredSample(data)
        let general = Parallel.map(families.count) { k -> GeneralModelOutcome in
            do {
                let fit = try ParametricEstimation.fit(families[k], to: sample)
                return .fitted(GeneralModelSummary(fit, options: options))
            } catch {
                return .failed(name: families[k].name, (error as? FitFailure) ?? .numericalFailure("\(error)"))
            }
        }
        self.general = general
        let all = (standard?.outcomes ?? []).map(RankedModel.standard) + general.map(RankedModel.general)
        let criterion = options.criterion
        ranked = ModelRanking.sorted(all) { model in
            switch model {
            case let .standard(outcome): ModelRanking.key(outcome, by: criterion)
            case let .general(.fitted(s)):
                ModelRanking.key(converged: s.fit.diagnostics.converged, degenerate: s.fit.diagnostics.degenerate, score: criterion.score(s.fit))
            case .general(.failed): ModelRanking.notFitted
            }
        }
    }

    /// The best proper model, if any.
    public var best: RankedModel? {
        guard let first = ranked.first else { return nil }
        switch first {
        case let .standard(.fitted(s)) where s.fit.diagnostics.converged: return first
        case let .general(.fitted(s)) where s.fit.diagnostics.converged: return first
        default: return nil
        }
    }
}

/// The one ordering of fitted models (see `LifetimeAnalysis.outcomes`).
enum ModelRanking {
    /// (class, score): 0 proper fits by score, 1 proper fits without a score, 2 degenerate fits by
    /// score, 3 degenerate without a score, 4 unconverged fits, 5 not fitted.
    typealias Key = (Int, Double)

    static let notFitted: Key = (5, 0)

    static func key(converged: Bool, degenerate: Bool, score: Double?) -> Key {
        guard converged else { return (4, 0) }
        guard let score, !score.isNaN else { return (degenerate ? 3 : 1, 0) }
        return (degenerate ? 2 : 0, score)
    }

    static func key(_ outcome: ModelOutcome, by criterion: RankingCriterion) -> Key {
        guard case let .fitted(s) = outcome else { return notFitted }
        return key(converged: s.fit.diagnostics.converged, degenerate: s.fit.diagnostics.degenerate, score: criterion.score(s.fit))
    }

    /// Stable sort by key (each key computed once: a score such as Anderson-Darling costs a pass).
    static func sorted<T>(_ items: [T], key: (T) -> Key) -> [T] {
        let keys = items.map(key)
        return items.indices.sorted { lhs, rhs in
            let a = keys[lhs], b = keys[rhs]
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return lhs < rhs
        }.map { items[$0] }
    }
}

extension RankingCriterion {
    /// The score of a general-core fit (no Anderson-Darling statistic: nil).
    func score(_ fit: ParametricFit) -> Double? {
        switch self {
        case .aicc: fit.aicc
        case .aic: fit.aic
        case .bic: fit.bic
        case .logLikelihood: -fit.logLikelihood
        case .andersonDarling: nil
        }
    }
}
