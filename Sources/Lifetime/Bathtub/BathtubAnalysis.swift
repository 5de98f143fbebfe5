/// `relmodel bathtub`: fits the candidate models, ranks them by AICc, and reports where infant
/// mortality ends and wear-out begins on the best one, with the model-free shape evidence beside it.
///
/// The candidates are the bathtub families of the catalog (weibull-exponential-weibull,
/// additive-weibull, chen, exponential-power, modified-weibull, weibull-extension, hjorth) and the
/// two-parameter Weibull, whose monotone hazard is the "no bathtub" reference. They are ranked
/// together (`ModelComparison`: AICc with n = all units, degenerate fits never above proper ones). The
/// regions are those of the best proper fit; under the `components` definition, of the best proper fit
/// that has decreasing, constant and increasing hazard components (`HazardComponents`). When the best
/// fit's hazard is monotone on the data's range, `regions.bathtub` is false.
public struct BathtubAnalysis: Sendable {
    /// The candidate families by catalog name, then the Weibull.
    public static let candidateNames = ["weibull-exponential-weibull", "additive-weibull", "chen", "exponential-power",
                                        "modified-weibull", "weibull-extension", "hjorth"]

    public static var candidates: [any ParametricFamily] {
        candidateNames.compactMap(FamilyCatalog.family(named:)) + [WeibullHazard()]
    }

    public let comparison: ModelComparison
    /// The options asked for (the comparison itself screens the candidates with Fisher bounds).
    public let options: LifetimeAnalysisOptions
    /// The fit the regions are reported for (nil when no candidate has a proper fit).
    public let model: GeneralModelSummary?
    public let regions: BathtubRegions?
    /// Model-free evidence: nil (with the reason in `notes`) for data the estimators do not take.
    public let smoothedHazard: SmoothedHazard?
    public let totalTimeOnTest: TotalTimeOnTest?
    public let notes: [String]
    /// Where the regions begin and end (docs/BATHTUB.md).
    public let definition: RegionDefinition
    /// Whether times are hours, so that the useful life's hazard is also given in FIT (failures per
    /// 10^9 device-hours).
    public let timesAreHours: Bool

    public init(data: LifetimeData, rows: Int, definition: RegionDefinition = .threshold(tolerance: 0.10),
                bounds: BoundsMethod = .lr, options: LifetimeAnalysisOptions = LifetimeAnalysisOptions(families: []),
                timesAreHours: Bool = true) {
        self.definition = definition
        self.timesAreHours = timesAreHours
        var options = options
        options.families = []
        self.options = options
        // Candidates are compared with Fisher bounds; the model reported gets the bounds asked for
        // (profiling every parameter of eight candidates would cost more than the regions themselves).
        var screening = options
        screening.boundsMethod = .fisher
        comparison = ModelComparison(data: data, rows: rows, general: Self.candidates, options: screening)
        var notes: [String] = []
        let proper = comparison.ranked.compactMap { model -> GeneralModelSummary? in
            guard model.isProperFit, case let .general(.fitted(s)) = model else { return nil }
            return s
        }
        let chosen: GeneralModelSummary?
        switch definition {
        case .threshold: chosen = proper.first
        case .components: chosen = proper.first { $0.fit.family is any HazardComponents }
        }
        if chosen == nil { notes.append("no candidate model has a proper maximum-likelihood fit: no regions") }
        model = chosen.map { options.boundsMethod == .fisher ? $0 : GeneralModelSummary($0.fit, options: options) }
        regions = chosen.map {
            BathtubRegionFinder.regions($0.fit, definition: definition, bounds: bounds, confidence: options.confidence,
                                        budget: options.profileBudget)
        }
        do {
            smoothedHazard = try SmoothedHazard(data, confidence: options.confidence)
        } catch {
            smoothedHazard = nil
            notes.append("smoothed hazard not computed: \(error)")
        }
        do {
            totalTimeOnTest = try TotalTimeOnTest(data)
        } catch {
            totalTimeOnTest = nil
            notes.append("total-time-on-test plot not computed: \(error)")
        }
        self.notes = notes
    }
}
