import Lifetime
import RelmodelJSON

/// The three charts of a between/within (I-MR-R/S) analysis and its three standard deviations.
public struct BetweenWithinChart: Sendable, Equatable {
    /// The subgroup means on an individuals chart, limits from the moving-range sigma of the means.
    public var individuals: ControlChart
    /// The moving range of the subgroup means.
    public var movingRange: ControlChart
    /// The within-subgroup dispersion: R (default) or S.
    public var within: ControlChart
    /// Within-subgroup sigma (the R or S chart's: R-bar/d2, S-bar/c4, ...).
    public var sigmaWithin: Double
    /// Sigma of the subgroup means from their moving range, MR-bar/d2(2).
    public var sigmaMeans: Double
    /// Between-subgroup sigma: sqrt(max(0, sigmaMeans^2 - sigmaWithin^2 / n)), n the batch size.
    public var sigmaBetween: Double
    /// Between/within sigma: sqrt(sigmaBetween^2 + sigmaWithin^2).
    public var sigmaTotal: Double
    /// The batch size n: the mode of the subgroup sizes.
    public var batchSize: Int
    public var notes: [String]
    /// Between/within capability (`sigmaTotal` as the within sigma, phase I values), when
    /// specification limits were given.
    public var capability: NormalCapability?

    public var charts: [ControlChart] { [individuals, movingRange, within] }
}

extension BetweenWithinChart {
    /// Between/within (I-MR-R/S) charts, as Minitab defines them (Janis 1990, "Is your process too good for
    /// its control limits?"): for batch data whose subgroup means vary more than the within-subgroup
    /// scatter allows, an x-bar chart with limits from within-subgroup sigma signals on most points. Here
    /// the subgroup means go on an individuals chart (limits x-bar-bar ± L sigma_means, sigma_means =
    /// MR-bar/d2(2) of the means), with the moving-range chart of the means, and the within-subgroup R or S
    /// chart carries the within sigma. The standard deviations:
    /// - sigma_within: the R or S chart's sigma (`SigmaMethod`, default R-bar/d2 for R, S-bar/c4 for S);
    /// - sigma_between = sqrt(max(0, sigma_means^2 - sigma_within^2 / n)), n the mode of the subgroup sizes,
    ///   which must be the size of more than half of the subgroups (Minitab's rule; otherwise no between
    ///   sigma is defined and the analysis is refused);
    /// - sigma_B/W = sqrt(sigma_between^2 + sigma_within^2), the sigma of a single value, for between/within
    ///   capability (`NormalCapability` with it as the within sigma).
    /// Phase I and stages apply to all three charts as to the charts they are built from
    /// (`ChartPair.individuals`, `xbarR`, `xbarS`); the sigmas are those of the last stage.
    ///
    /// - Parameters:
    ///   - data: the subgroups (batches) in time order.
    ///   - dispersion: the within chart, `.r` or `.s`.
    ///   - sigmaMethod: the within sigma (default R-bar/d2 for R, S-bar/c4 for S).
    ///   - options: phase I, stages, rules and limit width, as for the charts they are built from.
    ///   - specification: limits for the between/within capability (none: no capability).
    ///   - confidence: two-sided level of the capability intervals.
    /// - Throws: `SPCError.insufficientData` for fewer than two subgroups, a subgroup of one value, or
    ///   no subgroup size shared by more than half of the subgroups; what `NormalCapability` throws.
    /// - Complexity: O(observations).
    public init(_ data: SubgroupData, dispersion: ChartType = .r, sigmaMethod: SigmaMethod? = nil,
                options: ChartOptions = ChartOptions(), specification: Specification? = nil,
                confidence: Double = 0.95) throws(SPCError) {
        guard dispersion == .r || dispersion == .s else {
            throw .invalidParameter("the within chart of a between/within analysis is R or S, not \(dispersion.rawValue)")
        }
        var counts: [Int: Int] = [:]
        for n in data.sizes { counts[n, default: 0] += 1 }
        guard let (mode, frequency) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
              2 * frequency > data.count else {
            throw .insufficientData("no subgroup size is shared by more than half of the subgroups: the between-subgroup sigma needs a batch size (Minitab's rule)")
        }
        let means = try ChartPair.individuals(data.means, labels: data.labels, options: options)
        let pair = dispersion == .r
            ? try ChartPair.xbarR(data, sigmaMethod: sigmaMethod ?? .rBar, options: options)
            : try ChartPair.xbarS(data, sigmaMethod: sigmaMethod ?? .sBar, options: options)
        guard let within = pair.dispersion.sigma, let sigmaMeans = means.location.sigma else {
            throw .degenerate("no sigma estimate")
        }
        let betweenSquared = sigmaMeans * sigmaMeans - within * within / Double(mode)
        var notes: [String] = []
        if betweenSquared < 0 {
            notes.append("the subgroup means vary less than the within-subgroup sigma predicts (sigma of the means \(NoteNumbers.significant(sigmaMeans, 6)), within sigma / sqrt(\(mode)) \(NoteNumbers.significant(within / Double(mode).squareRoot(), 6))): the between sigma is 0")
        }
        if counts.count > 1 {
            notes.append("subgroup sizes vary; the batch size for the between sigma is their mode, \(mode)")
        }
        let between = max(betweenSquared, 0).squareRoot()
        let total = (between * between + within * within).squareRoot()
        var capability: NormalCapability?
        if let specification {
            let used = zip(data.values.indices, data.values).filter { options.phaseI?[$0.0] ?? true }.flatMap(\.1)
            capability = try NormalCapability(used, withinSigma: total, specification: specification, confidence: confidence)
        }
        self.init(individuals: means.location, movingRange: means.dispersion, within: pair.dispersion,
                                  sigmaWithin: within, sigmaMeans: sigmaMeans, sigmaBetween: between,
                                  sigmaTotal: total, batchSize: mode, notes: notes, capability: capability)
    }
}

extension BetweenWithinChart: JSONRepresentable {
    /// The document of `relmodel spc between-within --json` (after "command" and "file"): the three
    /// sigmas, the batch size, the charts, the notes and, with limits, the capability.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("sigmaWithin", .number(sigmaWithin)), ("sigmaBetween", .number(sigmaBetween)),
            ("sigmaTotal", .number(sigmaTotal)), ("sigmaMeans", .number(sigmaMeans)),
            ("batchSize", .number(Double(batchSize))),
            ("charts", .array(charts.map(\.json))),
            ("notes", .array(notes.map(JSONValue.string))),
        ]
        if let capability { fields.append(("capability", capability.json)) }
        return .object(fields)
    }
}
