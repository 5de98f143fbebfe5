import RelmodelNumerics

/// Competing risks with known failure modes: each mode fitted with one family by maximum likelihood
/// (`MaximumLikelihood.fit`, every other mode's failures and all survivors as suspensions; see
/// `FailureModeData`), and the series system of all modes (`SeriesSystem`) with its reliability,
/// hazard and B-lives.
///
/// Each mode is a one-family `LifetimeAnalysis`, so its model carries the bounds and quantities of an
/// ordinary fit (by `options.boundsMethod`). The combined quantities always have Fisher bounds from the
/// block-diagonal covariance of the modes' internal parameters (`SeriesSystem`).
public struct CompetingRisksAnalysis: Sendable {
    /// One failure mode's analysis.
    public struct Mode: Sendable {
        public let name: String
        /// The one-family analysis of this mode's data (its `outcomes` has one entry).
        public let analysis: LifetimeAnalysis
        /// The mode's model, or why it could not be fitted.
        public var outcome: ModelOutcome { analysis.outcomes[0] }
    }

    /// The series system's quantities, in the order asked for, with Fisher bounds.
    public struct Combined: Sendable {
        public let system: SeriesSystem
        public let bLives: [(percent: Double, estimate: BoundedEstimate)]
        public let reliabilities: [(time: Double, estimate: BoundedEstimate)]
        public let hazards: [(time: Double, estimate: BoundedEstimate)]
    }

    public let family: LifetimeFamily
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

    /// Fits `family` to each mode of `data` (modes in parallel) and combines them.
    /// - Parameters:
    ///   - data: the failures with their modes, and the survivors.
    ///   - rows: data rows read (before counts are expanded), for the report.
    ///   - family: the family every mode is fitted with.
    ///   - options: the quantities and bounds asked for; its `families` is ignored (`family` is used).
    /// - Complexity: one maximum-likelihood fit per mode; the combined B-lives some 60 evaluations of R each.
    public init(data: FailureModeData, rows: Int, family: LifetimeFamily = .weibull2p, options: LifetimeAnalysisOptions = .init()) {
        var options = options
        options.families = [family]
        self.family = family
        self.options = options
        self.rows = rows
        let all = data.allModes
        units = all.unitCount
        failures = all.failureCount
        suspensions = all.suspensionCount
        let names = data.modes
        let perMode = options
        let analyses = Parallel.map(names.count) { k in
            let modeData = data.data(forMode: names[k])
            return LifetimeAnalysis(data: modeData, rows: rows, options: perMode)
        }
        modes = zip(names, analyses).map { Mode(name: $0, analysis: $1) }

        var fits: [LifetimeFit] = []
        var problems: [String] = []
        if names.isEmpty { problems.append("no failures, so no failure modes") }
        for mode in modes {
            switch mode.outcome {
            case let .failed(_, failure): problems.append("mode \(mode.name) could not be fitted (\(failure))")
            case let .fitted(summary):
                let d = summary.fit.diagnostics
                if !d.converged {
                    problems.append("mode \(mode.name)'s fit did not converge")
                } else if d.degenerate {
                    problems.append("mode \(mode.name)'s fit is degenerate (no proper maximum)")
                } else {
                    fits.append(summary.fit)
                }
            }
        }
        guard problems.isEmpty else {
            combined = nil
            combinedUnavailable = problems.joined(separator: "; ")
            return
        }
        let system = SeriesSystem(modes: Array(zip(names, fits)).map { (name: $0.0, fit: $0.1) })
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
    public var failuresByMode: [Double] { modes.map { $0.analysis.failures } }
}
