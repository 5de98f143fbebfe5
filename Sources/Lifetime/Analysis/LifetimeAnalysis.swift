/// What to fit and what to report for each fitted model.
public struct LifetimeAnalysisOptions: Sendable {
    public var families: [LifetimeFamily]
    public var boundsMethod: BoundsMethod
    /// Two-sided confidence level of every interval, in (0, 1).
    public var confidence: Double
    /// B-lives to report, in percent failed (10 gives B10).
    public var bLives: [Double]
    /// Times at which to report reliability.
    public var times: [Double]
    public var criterion: RankingCriterion

    public init(families: [LifetimeFamily] = LifetimeFamily.defaultSet, boundsMethod: BoundsMethod = .fisher,
                confidence: Double = 0.95, bLives: [Double] = [10], times: [Double] = [],
                criterion: RankingCriterion = .aicc) {
        self.families = families
        self.boundsMethod = boundsMethod
        self.confidence = confidence
        self.bLives = bLives
        self.times = times
        self.criterion = criterion
    }
}

/// A fitted model with the bounded quantities asked for.
public struct ModelSummary: Sendable {
    public let fit: LifetimeFit
    /// Bounds on each parameter, in the order of `fit.family.parameterNames`.
    public let parameterBounds: [ConfidenceInterval]
    public let meanTimeToFailure: BoundedEstimate
    /// (percent, B-life) in the order asked.
    public let bLives: [(percent: Double, estimate: BoundedEstimate)]
    /// (time, reliability) in the order asked.
    public let reliabilities: [(time: Double, estimate: BoundedEstimate)]
}

/// The outcome of fitting one family: a model, or the reason no model exists.
public enum ModelOutcome: Sendable {
    case fitted(ModelSummary)
    case failed(LifetimeFamily, FitFailure)

    public var family: LifetimeFamily {
        switch self {
        case let .fitted(summary): summary.fit.family
        case let .failed(family, _): family
        }
    }
}

/// Fits several families to one data set and ranks them.
public struct LifetimeAnalysis: Sendable {
    public let options: LifetimeAnalysisOptions
    /// Data rows read (before counts are expanded).
    public let rows: Int
    public let units: Double
    public let failures: Double
    public let suspensions: Double
    /// Ranked best first: converged fits by the criterion, then fits that did not converge, then
    /// families that could not be fitted, with their reasons.
    public let outcomes: [ModelOutcome]

    /// Fits every family in `options`, computes the requested quantities and ranks the models.
    /// A family that cannot be fitted never stops the others.
    /// - Complexity: one maximum-likelihood fit per family, plus the bounds asked for.
    public init(data: LifetimeData, rows: Int, options: LifetimeAnalysisOptions = .init()) {
        self.options = options
        self.rows = rows
        units = data.unitCount
        failures = data.failureCount
        suspensions = data.suspensionCount
        var outcomes: [ModelOutcome] = []
        for family in options.families {
            do {
                let fit = try MaximumLikelihood.fit(family, to: data)
                outcomes.append(.fitted(Self.summarize(fit, options)))
            } catch {
                outcomes.append(.failed(family, error))
            }
        }
        self.outcomes = Self.rank(outcomes, by: options.criterion)
    }

    /// The best converged model, if any.
    public var best: ModelSummary? {
        if case let .fitted(summary) = outcomes.first, summary.fit.diagnostics.converged { return summary }
        return nil
    }

    static func summarize(_ fit: LifetimeFit, _ options: LifetimeAnalysisOptions) -> ModelSummary {
        let c = options.confidence, m = options.boundsMethod
        return ModelSummary(
            fit: fit,
            parameterBounds: fit.parameterBounds(m, confidence: c),
            meanTimeToFailure: fit.meanTimeToFailure(confidence: c),
            bLives: options.bLives.map { ($0, fit.bLife($0, bounds: m, confidence: c)) },
            reliabilities: options.times.map { ($0, fit.reliability(at: $0, bounds: m, confidence: c)) })
    }

    /// Stable ordering: converged fits by score (missing scores last), then unconverged fits, then failures.
    static func rank(_ outcomes: [ModelOutcome], by criterion: RankingCriterion) -> [ModelOutcome] {
        func key(_ o: ModelOutcome) -> (Int, Double) {
            guard case let .fitted(s) = o else { return (3, 0) }
            guard s.fit.diagnostics.converged else { return (2, 0) }
            guard let score = criterion.score(s.fit), !score.isNaN else { return (1, 0) }
            return (0, score)
        }
        return outcomes.enumerated().sorted { lhs, rhs in
            let a = key(lhs.element), b = key(rhs.element)
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
