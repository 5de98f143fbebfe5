import RelmodelNumerics

/// What to fit and what to report for each fitted model.
public struct LifetimeAnalysisOptions: Sendable {
    public var families: [LifetimeFamily]
    public var boundsMethod: BoundsMethod
    /// Two-sided confidence level of every interval, in (0, 1).
    public var confidence: Double
    /// B-lives to report, in percent failed (10 gives B10).
    public var bLives: [Double]
    /// Times at which to report reliability and hazard.
    public var times: [Double]
    /// (age, duration) pairs for conditional reliability R(age + duration) / R(age).
    public var conditional: [(age: Double, duration: Double)]
    /// Ages at which to report the mean residual life.
    public var residualLifeAges: [Double]
    public var criterion: RankingCriterion
    /// Which ends of each interval to report: two-sided at `confidence`, or one end as a one-sided
    /// bound at `confidence` (computed as the matching end of a two-sided interval at 2c - 1).
    public var sides: BoundSides
    /// A known Weibull shape (Weibayes): Weibull families are fitted with the shape fixed.
    public var fixedWeibullShape: Double?
    /// Parameters held at known values, by name in each family's terms (`beta`, `sigma`, `gamma`);
    /// a family without one of them is reported as not fitted, with the reason.
    public var fixedValues: [(name: String, value: Double)] = []
    /// Maximum likelihood, or rank regression (`.rrx`, `.rry`: Benard positions with Johnson's
    /// adjustment; no covariance, so no bounds) for the families that support it.
    public var method: EstimationMethod = .mle
    /// Replicates and seed of the parametric bootstrap, used when `boundsMethod` is `.bootstrap`.
    public var bootstrap: ParametricBootstrap = ParametricBootstrap()
    /// The work each likelihood-ratio profile may do before its ends are reported as not computed.
    public var profileBudget: ProfileBudget = .standard
    /// Wall-clock seconds that the likelihood-ratio and bootstrap bounds of all models together may take
    /// (nil: no overall limit). Each profile and each bootstrap gets at most what is left of it, so
    /// `--all` with slow bounds on a large file still ends; bounds not reached say so.
    public var boundsSeconds: Double? = 50
    /// Counts bootstrap replicates and likelihood-ratio bounded quantities as they finish (nil: no one
    /// is watching).
    public var progress: ProgressReporter?

    public init(families: [LifetimeFamily] = LifetimeFamily.defaultSet, boundsMethod: BoundsMethod = .fisher,
                confidence: Double = 0.95, bLives: [Double] = [10], times: [Double] = [],
                conditional: [(age: Double, duration: Double)] = [], residualLifeAges: [Double] = [],
                criterion: RankingCriterion = .aicc, sides: BoundSides = .two, fixedWeibullShape: Double? = nil) {
        self.families = families
        self.boundsMethod = boundsMethod
        self.confidence = confidence
        self.bLives = bLives
        self.times = times
        self.conditional = conditional
        self.residualLifeAges = residualLifeAges
        self.criterion = criterion
        self.sides = sides
        self.fixedWeibullShape = fixedWeibullShape
    }

    /// These options with the profile and bootstrap time budgets cut to what is left on `clock`.
    func limited(by clock: ComputationBudget) -> LifetimeAnalysisOptions {
        guard let left = clock.remainingSeconds else { return self }
        var options = self
        let seconds = max(left, 0)
        options.profileBudget.seconds = min(profileBudget.seconds ?? seconds, seconds)
        options.bootstrap = ParametricBootstrap(replicates: bootstrap.replicates, seed: bootstrap.seed,
                                                seconds: min(bootstrap.seconds ?? seconds, seconds))
        return options
    }

    /// The two-sided level whose ends are the requested one-sided bounds.
    var twoSidedLevel: Double { sides == .two ? confidence : 2 * confidence - 1 }
}

/// A fitted model with the bounded quantities asked for.
public struct ModelSummary: Sendable {
    public internal(set) var fit: LifetimeFit
    /// Bounds on each parameter, in the order of `fit.family.parameterNames`.
    public let parameterBounds: [ConfidenceInterval]
    public let meanTimeToFailure: BoundedEstimate
    /// (percent, B-life) in the order asked.
    public let bLives: [(percent: Double, estimate: BoundedEstimate)]
    /// (time, reliability) in the order asked.
    public let reliabilities: [(time: Double, estimate: BoundedEstimate)]
    /// (time, hazard) in the order asked.
    public let hazards: [(time: Double, estimate: BoundedEstimate)]
    /// Conditional reliabilities in the order asked.
    public let conditionalReliabilities: [(age: Double, duration: Double, estimate: BoundedEstimate)]
    /// (age, mean residual life) in the order asked.
    public let meanResidualLives: [(age: Double, estimate: BoundedEstimate)]
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
    /// With a known Weibull shape (`options.fixedWeibullShape`): the one-sided lower bound on eta at
    /// `options.confidence` (Weibayes), which exists even with no failures; nil otherwise, and for
    /// left- or interval-censored data.
    public let weibayes: WeibayesBound?

    /// Fits every family in `options` (in parallel, one family per core), computes the requested
    /// quantities and ranks the models. A family that cannot be fitted never stops the others.
    /// - Complexity: one maximum-likelihood fit per family, plus the bounds asked for.
    public init(data: LifetimeData, rows: Int, options: LifetimeAnalysisOptions = .init()) {
        self.options = options
        self.rows = rows
        units = data.unitCount
        failures = data.failureCount
        suspensions = data.suspensionCount
        weibayes = options.fixedWeibullShape.flatMap { shape in
            Weibayes.lowerBoundOnEta(data, shape: shape, confidence: options.confidence).map {
                WeibayesBound(shape: shape, confidence: options.confidence, etaLowerBound: $0)
            }
        }
        // One family per task, spread over every core, the slowest started first so that no core is
        // left with a long fit at the end; results go back to the order asked for.
        let families = options.families
        let order = families.indices.sorted { Self.expectedCost(families[$0]) > Self.expectedCost(families[$1]) }
        let clock = ComputationBudget(seconds: options.boundsSeconds)
        let computed = Parallel.map(order.count) { Self.outcome(families[order[$0]], data: data, options: options, clock: clock) }
        var outcomes = computed
        for (slot, index) in order.enumerated() { outcomes[index] = computed[slot] }
        self.outcomes = Self.rank(outcomes, by: options.criterion)
    }

    /// Rough relative cost of fitting a family to a large sample (measured on 100,000 units): threshold
    /// searches refit the two-parameter family dozens of times; the log-logistic and gamma likelihoods
    /// cost a transcendental function per observation and evaluation; the rest are one pass or less.
    static func expectedCost(_ family: LifetimeFamily) -> Int {
        switch family {
        case .gamma3p: 7     // some 60 profile refits, each three incomplete gammas per censored unit
        case .loglogistic3p: 6
        case .weibull3p: 5
        case .lognormal3p: 4
        case .loglogistic2p: 3
        case .gamma2p: 2
        case .exponential2p: 0
        default: 1
        }
    }

    /// Fits one family and summarises it, or says why it cannot be fitted.
    static func outcome(_ family: LifetimeFamily, data: LifetimeData, options: LifetimeAnalysisOptions,
                        clock: ComputationBudget = .unlimited) -> ModelOutcome {
        do {
            let fit: LifetimeFit
            if options.method != .mle {
                do {
                    fit = try RankRegression.fit(family, to: data, method: options.method).fit
                } catch {
                    throw FitFailure.notApplicable("rank regression: \(error)")
                }
            } else if let shape = options.fixedWeibullShape, family == .weibull2p {
                fit = try Weibayes.fit(data, shape: shape)
            } else if !options.fixedValues.isEmpty {
                fit = try MaximumLikelihood.fit(family, to: data, fixed: FixedParameters.parse(options.fixedValues, for: family).get())
            } else {
                fit = try MaximumLikelihood.fit(family, to: data)
            }
            var summary = summarize(fit, options.limited(by: clock), data: data)
            if options.boundsMethod != .fisher, let left = clock.remainingSeconds, left <= 0, let limit = options.boundsSeconds {
                summary.fit.diagnostics.notes.append("the time limit for all bounds of this analysis (\(NoteNumbers.plain(limit)) s) was reached: bounds reported as not computed for lack of time were cut by it")
            }
            return .fitted(summary)
        } catch let failure as FitFailure {
            return .failed(family, failure)
        } catch {
            return .failed(family, .numericalFailure("\(error)"))
        }
    }

    /// The best converged model, if any (a degenerate one only when no proper fit exists).
    public var best: ModelSummary? {
        if case let .fitted(summary) = outcomes.first, summary.fit.diagnostics.converged { return summary }
        return nil
    }

    static func summarize(_ fit: LifetimeFit, _ options: LifetimeAnalysisOptions, data: LifetimeData) -> ModelSummary {
        let c = options.twoSidedLevel, m = options.boundsMethod, sides = options.sides
        func one(_ e: BoundedEstimate) -> BoundedEstimate { BoundedEstimate(value: e.value, bounds: e.bounds.keeping(sides)) }
        if m == .bootstrap { return bootstrapSummary(fit, options, data: data) }
        let budget = options.profileBudget
        // Likelihood-ratio bounds cost a profile per quantity: count them for the progress line.
        let progress = m == .lr ? options.progress : nil
        progress?.expect(fit.family.parameterCount + options.bLives.count + options.times.count)
        let parameters = fit.parameterBounds(m, confidence: c, budget: budget).map { $0.keeping(sides) }
        progress?.advance(fit.family.parameterCount)
        let bLives = options.bLives.map { p -> (Double, BoundedEstimate) in
            defer { progress?.advance() }
            return (p, one(fit.bLife(p, bounds: m, confidence: c, budget: budget)))
        }
        let reliabilities = options.times.map { t -> (Double, BoundedEstimate) in
            defer { progress?.advance() }
            return (t, one(fit.reliability(at: t, bounds: m, confidence: c, budget: budget)))
        }
        // Why an end is missing, per quantity, goes with the fit's other notes (text and JSON).
        var annotated = fit
        let boundName = m == .lr ? "likelihood-ratio bound" : "\(m.rawValue) bound"
        for (name, interval) in zip(fit.family.parameterNames, parameters) {
            annotated.diagnostics.notes += interval.notes.map { "\(boundName) on \(name), \($0)" }
        }
        for (percent, estimate) in bLives {
            annotated.diagnostics.notes += estimate.bounds.notes.map { "\(boundName) on B\(NoteNumbers.plain(percent)), \($0)" }
        }
        for (time, estimate) in reliabilities {
            annotated.diagnostics.notes += estimate.bounds.notes.map { "\(boundName) on R(\(NoteNumbers.plain(time))), \($0)" }
        }
        return ModelSummary(
            fit: annotated,
            parameterBounds: parameters,
            meanTimeToFailure: one(fit.meanTimeToFailure(confidence: c)),
            bLives: bLives,
            reliabilities: reliabilities,
            hazards: options.times.map { ($0, one(fit.hazard(at: $0, confidence: c))) },
            conditionalReliabilities: options.conditional.map {
                ($0.age, $0.duration, one(fit.conditionalReliability($0.duration, age: $0.age, confidence: c)))
            },
            meanResidualLives: options.residualLifeAges.map { ($0, one(fit.meanResidualLife(age: $0, confidence: c))) })
    }

    /// Every quantity bounded by percentiles of the parametric bootstrap; the count of replicates left
    /// out is added to the fit's notes.
    static func bootstrapSummary(_ fit: LifetimeFit, _ options: LifetimeAnalysisOptions, data: LifetimeData) -> ModelSummary {
        let o = options
        let quantities: @Sendable (LifetimeFit) -> [Double] = { f in
            f.parameters + [f.model.mean] + o.bLives.map { f.model.bLife($0) } + o.times.map { f.model.reliability($0) }
                + o.times.map { f.model.hazard($0) } + o.conditional.map { f.model.conditionalReliability($0.duration, age: $0.age) }
                + o.residualLifeAges.map { f.model.meanResidualLife(age: $0) }
        }
        let values = quantities(fit)
        let result = fit.method == .mle ? options.bootstrap.run(fit, data: data, progress: options.progress, quantities: quantities) : nil
        var index = 0
        func next() -> BoundedEstimate {
            defer { index += 1 }
            let bounds = result?.interval(index, confidence: o.twoSidedLevel) ?? ConfidenceInterval(lower: nil, upper: nil)
            return BoundedEstimate(value: values[index], bounds: bounds.keeping(o.sides))
        }
        let parameters = fit.parameters.map { _ in next().bounds }
        let mean = next()
        let bLives = o.bLives.map { ($0, next()) }
        let reliabilities = o.times.map { ($0, next()) }
        let hazards = o.times.map { ($0, next()) }
        let conditional = o.conditional.map { ($0.age, $0.duration, next()) }
        let residual = o.residualLifeAges.map { ($0, next()) }
        var annotated = fit
        if let result, let reason = result.notComputed {
            annotated.diagnostics.notes.append("parametric bootstrap bounds not computed: \(reason)")
        } else if let result {
            annotated.diagnostics.notes.append("parametric bootstrap: \(result.replicates) replicates, seed \(o.bootstrap.seed), \(result.failedReplicates) could not be fitted and were left out")
        } else {
            annotated.diagnostics.notes.append(fit.method == .mle
                ? "parametric bootstrap needs exact and right-censored data only: no bounds"
                : "parametric bootstrap is run for maximum-likelihood fits only: no bounds")
        }
        return ModelSummary(fit: annotated, parameterBounds: parameters, meanTimeToFailure: mean, bLives: bLives,
                            reliabilities: reliabilities, hazards: hazards, conditionalReliabilities: conditional,
                            meanResidualLives: residual)
    }

    /// Stable ordering: proper converged fits by score (missing scores last), then degenerate fits (a
    /// boundary estimate or a fallback, by score), then unconverged fits, then failures.
    static func rank(_ outcomes: [ModelOutcome], by criterion: RankingCriterion) -> [ModelOutcome] {
        ModelRanking.sorted(outcomes) { ModelRanking.key($0, by: criterion) }
    }
}
