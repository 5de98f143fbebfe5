import RelmodelNumerics

/// Competing risks with known failure modes: each mode fitted with one family by maximum likelihood
/// (every other mode's failures and all survivors as suspensions; see `FailureModeData`), and the
/// series system of all modes (`SeriesSystem`) with its reliability, hazard and B-lives.
///
/// The family is a standard one (`LifetimeFamily`, through its fast path) or any general-core family
/// (`ParametricFamily`: a defective subpopulation, a mixture, a bathtub family, a caller's own). Each
/// mode is a one-family `ModelComparison`, so its model carries the bounds and quantities of an
/// ordinary fit (by `options.boundsMethod`). The combined quantities always have Fisher bounds from the
/// block-diagonal covariance of the modes' internal parameters (`SeriesSystem`).
public struct CompetingRisksAnalysis: Sendable {
    /// One failure mode's analysis.
    public struct Mode: Sendable {
        public let name: String
        /// The one-family analysis of this mode's data.
        public let comparison: ModelComparison
        /// The mode's model, or why it could not be fitted.
        public var model: RankedModel { comparison.ranked[0] }
        /// The standard family's analysis (nil for a general-core family).
        public var analysis: LifetimeAnalysis? { comparison.standard }
        /// Units failed of this mode.
        public var failures: Double { comparison.failures }
    }

    /// The series system's quantities, in the order asked for, with Fisher bounds.
    public struct Combined: Sendable {
        public let system: SeriesSystem
        public let bLives: [(percent: Double, estimate: BoundedEstimate)]
        public let reliabilities: [(time: Double, estimate: BoundedEstimate)]
        public let hazards: [(time: Double, estimate: BoundedEstimate)]
    }

    /// The family's name in the contract (`weibull2p`, `weibull-lfp`, ...).
    public let familyName: String
    public let options: LifetimeAnalysisOptions
    public let rows: Int
    public let units: Double
    public let failures: Double
    public let suspensions: Double
    /// The modes, in order of first appearance in the data.
    public let modes: [Mode]
    /// The combined quantities; nil when some mode has no proper fit (`combinedUnavailable` says why).
    public let combined: Combined?
    public let combinedUnavailable: String?

    /// Fits the standard `family` to each mode of `data` (modes in parallel) and combines them.
    /// - Parameters:
    ///   - data: the failures with their modes, and the survivors.
    ///   - rows: data rows read (before counts are expanded), for the report.
    ///   - family: the family every mode is fitted with.
    ///   - options: the quantities and bounds asked for; its `families` is ignored (`family` is used).
    /// - Complexity: one maximum-likelihood fit per mode; the combined B-lives some 60 evaluations of R each.
    public init(data: FailureModeData, rows: Int, family: LifetimeFamily = .weibull2p, options: LifetimeAnalysisOptions = .init()) {
        var options = options
        options.families = [family]
        self.init(data: data, rows: rows, name: family.rawValue, general: [], options: options)
    }

    /// Fits the general-core `family` to each mode of `data` (modes in parallel) and combines them.
    /// - Complexity: one general-core fit per mode (its multi-start), then as the standard case.
    public init(data: FailureModeData, rows: Int, general family: any ParametricFamily, options: LifetimeAnalysisOptions = .init()) {
        var options = options
        options.families = []
        self.init(data: data, rows: rows, name: family.name, general: [family], options: options)
    }

    private init(data: FailureModeData, rows: Int, name: String, general: [any ParametricFamily], options: LifetimeAnalysisOptions) {
        familyName = name
        self.options = options
        self.rows = rows
        let all = data.allModes
        units = all.unitCount
        failures = all.failureCount
        suspensions = all.suspensionCount
        let names = data.modes
        let comparisons = Parallel.map(names.count) { k in
            ModelComparison(data: data.data(forMode: names[k]), rows: rows, general: general, options: options)
        }
        modes = zip(names, comparisons).map { Mode(name: $0, comparison: $1) }

        var fits: [(name: String, fit: SeriesSystem.ModeFit)] = []
        var problems: [String] = []
        if names.isEmpty { problems.append("no failures, so no failure modes") }
        for mode in modes {
            let fit: SeriesSystem.ModeFit
            switch mode.model {
            case let .standard(.failed(_, failure)), let .general(.failed(_, failure)):
                problems.append("mode \(mode.name) could not be fitted (\(failure))")
                continue
            case let .standard(.fitted(summary)): fit = .standard(summary.fit)
            case let .general(.fitted(summary)): fit = .general(summary.fit)
            }
            if !fit.diagnostics.converged {
                problems.append("mode \(mode.name)'s fit did not converge")
            } else if fit.diagnostics.degenerate {
                problems.append("mode \(mode.name)'s fit is degenerate (no proper maximum)")
            } else {
                fits.append((mode.name, fit))
            }
        }
        guard problems.isEmpty else {
            combined = nil
            combinedUnavailable = problems.joined(separator: "; ")
            return
        }
        let system = SeriesSystem(modes: fits)
        let c = options.twoSidedLevel, sides = options.sides
        func kept(_ e: BoundedEstimate) -> BoundedEstimate { BoundedEstimate(value: e.value, bounds: e.bounds.keeping(sides)) }
        combined = Combined(
            system: system,
            bLives: options.bLives.map { ($0, kept(system.bLife($0, confidence: c))) },
            reliabilities: options.times.map { ($0, kept(system.reliability(at: $0, confidence: c))) },
            hazards: options.times.map { ($0, kept(system.hazard(at: $0, confidence: c))) })
        combinedUnavailable = nil
    }

    /// Units failed of each mode, in the order of `modes`.
    public var failuresByMode: [Double] { modes.map(\.failures) }
}
