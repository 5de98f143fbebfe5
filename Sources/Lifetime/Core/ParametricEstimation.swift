import LinearAlgebra
import RelmodelNumerics

/// Maximum-likelihood fitting of any `ParametricFamily`: one multi-start driver around one maximiser.
///
/// Newton (`DampedNewton`, exact derivatives from `CensoredLogLikelihood`) runs from each of the
/// family's starting points and from any the caller adds. The result is the highest log-likelihood
/// reached at a verified maximum (converged, negative definite Hessian, small gradient) that is a proper
/// estimate; a point the family calls degenerate (`degeneracy(_:sample:)`: a mixture component on one
/// time) is returned, flagged, only when no start reaches a proper maximum, and a note says when a
/// degenerate point has the higher likelihood. When no start reaches a verified maximum, the highest
/// point reached is returned with `converged == false`. Each result is first moved to the family's
/// `canonical` parameters (mixture components in order of scale). The fit records how
/// many starts were run and how many reached the reported maximum, so a maximum found once out of
/// twenty is visible as such.
public enum ParametricEstimation {
    /// How far an unconstrained parameter may run before the estimate is called degenerate: |u| > 23
    /// is a scale or shape beyond e^23 = 10^10 times or below 10^-10 times its unit, a fraction within
    /// 10^-10 of 0 or 1 (a mixture weight collapsing, a shape running to infinity).
    public static let degenerateLimit = 23.0

    /// Fits `family` to `data`.
    /// - Parameters:
    ///   - family: the model, any `ParametricFamily`.
    ///   - data: the lifetime data, with any kind of censoring.
    ///   - starts: further starting points, on the family's natural scale, tried after the family's own.
    ///   - budget: stops every Newton run when spent; the fit then says so.
    /// - Throws: `FitFailure.noFailures` without failures; `.tooFewDistinctFailures` when the data have
    ///   fewer distinct failure locations than the family needs; `.numericalFailure` when no starting
    ///   point has a finite log-likelihood.
    /// - Complexity: per start, Newton iterations of k(k+1)/2 passes over the merged sample.
    public static func fit<Family: ParametricFamily>(_ family: Family, to data: LifetimeData, starts: [[Double]] = [],
                                                     budget: ComputationBudget? = nil) throws(FitFailure) -> ParametricFit {
        try fit(family, to: CensoredSample(data), starts: starts, budget: budget)
    }

    /// Fits `family` to a prepared sample (see `fit(_:to:starts:budget:)`).
    ///
    /// The catalog's families usually arrive as existentials (`any ParametricFamily`), and generic code
    /// called on an opened existential runs unspecialised, every hyper-dual operation through a witness
    /// table: several times slower. The catalog's types are therefore dispatched to their concrete
    /// types here, so that the compiler specialises the whole fit (EM starts, derivatives, Newton) for
    /// each; a family defined elsewhere takes the generic path, with the same result.
    public static func fit<Family: ParametricFamily>(_ family: Family, to sample: CensoredSample, starts: [[Double]] = [],
                                                     budget: ComputationBudget? = nil) throws(FitFailure) -> ParametricFit {
        switch family {
        case let f as MixtureFamily<WeibullHazard>: return try estimate(f, sample, starts, budget)
        case let f as MixtureFamily<LognormalDistribution>: return try estimate(f, sample, starts, budget)
        case let f as DefectiveSubpopulationFamily<WeibullHazard>: return try estimate(f, sample, starts, budget)
        case let f as DefectiveSubpopulationFamily<LognormalDistribution>: return try estimate(f, sample, starts, budget)
        case let f as WeibullHazard: return try estimate(f, sample, starts, budget)
        case let f as LognormalDistribution: return try estimate(f, sample, starts, budget)
        case let f as ChenDistribution: return try estimate(f, sample, starts, budget)
        case let f as ModifiedWeibullDistribution: return try estimate(f, sample, starts, budget)
        case let f as WeibullExtensionDistribution: return try estimate(f, sample, starts, budget)
        case let f as ExponentialPowerDistribution: return try estimate(f, sample, starts, budget)
        case let f as HjorthDistribution: return try estimate(f, sample, starts, budget)
        case let f as AdditiveWeibullDistribution: return try estimate(f, sample, starts, budget)
        case let f as WeibullExponentialWeibullDistribution: return try estimate(f, sample, starts, budget)
        case let f as GammaDistribution: return try estimate(f, sample, starts, budget)
        default: return try estimate(family, sample, starts, budget)
        }
    }

    /// The fit itself (see `fit(_:to:starts:budget:)`).
    static func estimate<Family: ParametricFamily>(_ family: Family, _ sample: CensoredSample, _ starts: [[Double]],
                                                   _ budget: ComputationBudget?) throws(FitFailure) -> ParametricFit {
        guard sample.failureCount > 0 else { throw .noFailures }
        let required = family.requiredDistinctFailures
        if sample.distinctFailureLocations < required {
            throw .tooFewDistinctFailures(found: sample.distinctFailureLocations, required: required)
        }
        let likelihood = CensoredLogLikelihood(family: family, sample: sample)
        var newton = DampedNewton()
        newton.budget = budget
        var results: [DampedNewton.Result] = []
        for start in family.startingValues(for: sample) + starts {
            guard start.count == family.parameterCount else { continue }
            let u = zip(family.parameters, start).compactMap { $0.transform.unconstrained($1) }
            guard u.count == start.count, likelihood.value(u).isFinite else { continue }
            results.append(canonical(newton.maximize(from: u, derivatives: likelihood.derivatives, value: likelihood.value),
                                     family, likelihood, newton))
            if let budget, budget.isSpent { break }
        }
        guard !results.isEmpty else {
            throw .numericalFailure("\(family.name): the log-likelihood is not finite at any starting point")
        }
        // The highest verified maximum that is a proper estimate; a degenerate point (a mixture component
        // on one time) is reported only when no start reached a proper one. When no start reached a
        // verified maximum at all, the highest point reached is reported, degenerate or not: a climb
        // that ends at a boundary is the evidence that no interior maximum exists.
        let verified = results.filter(\.converged)
        let candidates = verified.isEmpty ? results : verified
        let reasons = candidates.map { family.degeneracy(likelihood.natural($0.point), sample: sample) ?? generalDegeneracy(family, $0.point) }
        let proper = candidates.indices.filter { reasons[$0] == nil }
        let pool = proper.isEmpty || verified.isEmpty ? Array(candidates.indices) : proper
        let bestIndex = pool.max { candidates[$0].evaluation.value < candidates[$1].evaluation.value }!
        let best = candidates[bestIndex]
        let reaching = verified.filter { abs($0.evaluation.value - best.evaluation.value) <= 1e-6 * (1 + abs(best.evaluation.value)) }.count
        var notes = best.notes
        if best.covariance == nil { notes.append("the Hessian is not negative definite: no covariance, no Fisher bounds") }
        if verified.isEmpty { notes.append("none of the \(results.count) starting points reached a verified maximum") }
        if reasons[bestIndex] == nil, let higher = candidates.indices.filter({ reasons[$0] != nil })
            .max(by: { candidates[$0].evaluation.value < candidates[$1].evaluation.value }),
            candidates[higher].evaluation.value > best.evaluation.value + 1e-6 * (1 + abs(best.evaluation.value)) {
            notes.append("a higher log-likelihood (\(NoteNumbers.significant(candidates[higher].evaluation.value))) is reached only where "
                         + "\(reasons[higher]!): the estimate is the highest proper local maximum")
        }
        var diagnostics = FitDiagnostics(converged: best.converged, iterations: best.iterations, gradientNorm: best.gradientNorm,
                                         hessianNegativeDefinite: best.covariance != nil, notes: notes)
        if let reason = reasons[bestIndex] {
            diagnostics.degenerate = true
            diagnostics.converged = false
            diagnostics.notes.append("no interior maximum: \(reason); the numbers are not an estimate")
        }
        return ParametricFit(family: family, sample: sample, unconstrained: best.point, unconstrainedCovariance: best.covariance,
                             logLikelihood: best.evaluation.value, diagnostics: diagnostics,
                             starts: results.count, startsReachingMaximum: reaching)
    }

    /// The result moved to the family's canonical parameters (a mixture's components in order of
    /// scale) and polished there: the same maximum, its covariance in the reported order.
    static func canonical<Family: ParametricFamily>(_ result: DampedNewton.Result, _ family: Family,
                                                    _ likelihood: CensoredLogLikelihood<Family>, _ newton: DampedNewton) -> DampedNewton.Result {
        let natural = likelihood.natural(result.point)
        let ordered = family.canonical(natural)
        guard ordered != natural else { return result }
        let u = zip(family.parameters, ordered).compactMap { $0.transform.unconstrained($1) }
        guard u.count == ordered.count, likelihood.value(u).isFinite else { return result }
        let polished = newton.maximize(from: u, derivatives: likelihood.derivatives, value: likelihood.value)
        return polished.evaluation.value >= result.evaluation.value - 1e-9 * (1 + abs(result.evaluation.value)) ? polished : result
    }

    /// A parameter run to the edge of its range (see `degenerateLimit`).
    static func generalDegeneracy(_ family: some ParametricFamily, _ u: [Double]) -> String? {
        for (parameter, value) in zip(family.parameters, u) where parameter.transform != .identity && abs(value) > degenerateLimit {
            let natural = parameter.transform.natural(value)
            switch parameter.transform {
            case .logit: return "\(parameter.name) runs to \(value > 0 ? 1 : 0) (\(NoteNumbers.significant(natural)))"
            default: return "\(parameter.name) runs to \(value > 0 ? "infinity" : "0") (\(NoteNumbers.significant(natural)))"
            }
        }
        return nil
    }
}

extension ParametricFamily {
    /// A family-specific reason why natural parameters p are a degenerate estimate on the sample (a
    /// component collapsed onto one time), or nil. The default finds none; the driver also flags any
    /// parameter run to the edge of its range.
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? { nil }
}
