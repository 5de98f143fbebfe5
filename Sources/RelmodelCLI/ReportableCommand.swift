import ArgumentParser

/// A command `relmodel report` can run: it names its title, its input files and the conventions
/// behind its numbers, and it can be asked to draw every plot it knows.
///
/// `report` runs the command unchanged, with its output captured (`OutputCapture`), so the page
/// shows exactly what the command prints; this protocol only adds what a page needs besides.
protocol ReportableCommand: ParsableCommand {
    /// What the analysis is, as a reader would name it ("Life data analysis").
    var reportTitle: String { get }
    /// The data files the command reads, as given on the command line.
    var reportInputs: [String] { get }
    /// Conventions behind the numbers, with the values this run uses.
    var reportConventions: [String] { get }
    /// Switches to text output and asks for each plot the command can draw that the user did not
    /// name, at a path from `figure(caption)`, which the report records instead of writing.
    mutating func prepareForReport(figure: (String) -> String)
    /// Whether the command has an `--out` of its own (then the page's `--out` goes before it).
    static var hasOwnOut: Bool { get }
}

extension ReportableCommand {
    static var hasOwnOut: Bool { false }
}

/// The conventions every lifetime fit shares (README, "Conventions").
enum ReportConventions {
    static func lifetime(bounds: String, confidence: Double) -> [String] {
        [
            "Log-likelihood of the time-scale density: log f(t) for failures, log S(t) for right-censored, log F(t) for left-censored and log(F(b) - F(a)) for interval-censored units, each times its count (NIST, Weibull++, R survreg).",
            "AIC = 2k - 2 LL, AICc = AIC + 2k(k+1)/(n-k-1), BIC = k ln n - 2 LL, with n the number of units (failed and censored, counts included); models ranked by AICc unless --rank says otherwise.",
            "Bounds: \(bounds), two-sided at \(percent(confidence)) confidence (each end a one-sided (1 + c)/2 bound).",
            "Probability plot: Benard's median ranks with Johnson's adjusted ranks for exact and right-censored data, Kaplan-Meier where ranks do not apply, Turnbull estimates at the interval ends for interval data.",
            "B-life Bp is the time by which p % of units have failed.",
        ]
    }

    static let thermalNote = "Arrhenius: x = 1/(k T) with T = Celsius + Kelvin offset."

    static func thermal(_ options: ThermalOptions) -> String {
        "Boltzmann constant \(options.boltzmann) eV/K, Kelvin offset \(options.kelvinOffset). " + thermalNote
    }

    static func chart(constants: String, rules: String, sigmaMultiplier: Double) -> [String] {
        [
            "Control-chart constants: \(constants) (exact: d2 and d3 by numerical integration of the range distribution, c4 from the gamma function; table: qcc's; textbook: Montgomery's Appendix VI).",
            "Limits at ±\(sigmaMultiplier) sigma. Rules, as Nelson/Minitab test numbers: \(rules). A point exactly on a limit or zone line is not beyond it; the point completing a pattern is flagged; runs do not cross stages.",
        ]
    }

    static func percent(_ c: Double) -> String {
        let value = c * 100
        return (value == value.rounded() ? String(Int(value)) : String(value)) + " %"
    }
}

extension FitCommand: ReportableCommand {
    var reportTitle: String { modeColumn != nil ? "Competing failure modes" : "Life data analysis" }
    var reportInputs: [String] { [file] }
    var reportConventions: [String] {
        let method = switch bounds { case .fisher: "Fisher matrix"; case .lr: "likelihood ratio"; case .bootstrap: "parametric bootstrap (percentile), \(replicates) replicates, seed \(seed)" }
        var list = ReportConventions.lifetime(bounds: method, confidence: confidence)
        if modeColumn != nil {
            list.append("Known modes: each mode is fitted with every other mode's failures and all survivors as suspensions; the series system's reliability is the product of the modes'.")
        }
        return list
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if plot == nil && groupColumn == nil {
            plot = figure(modeColumn == nil ? "Probability plot of the best model with its confidence band"
                                            : "Each failure mode's points and fitted line, and the series system")
        }
    }
}

extension BathtubCommand: ReportableCommand {
    var reportTitle: String { "Bathtub regions" }
    var reportInputs: [String] { [file] }
    var reportConventions: [String] {
        let definitionText = definition == .threshold
            ? "threshold: useful life is where the hazard is within \(ReportConventions.percent(tolerance)) of its minimum on the data's range"
            : "components: infant mortality ends where the decreasing component's hazard falls below the constant one; wear-out starts where the increasing one rises above it"
        return ReportConventions.lifetime(bounds: bounds == .lr ? "likelihood ratio (constrained profiles)" : "Fisher (delta method on ln t)", confidence: confidence)
            + ["Regions (docs/BATHTUB.md): \(definitionText). A region the data do not show is absent; 'bathtub: false' means the best model's hazard is monotone on the data's range.",
               "FIT = failures per 1e9 device-hours, given only when the times are hours."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if plot == nil { plot = figure("Hazard on log-log axes with the regions shaded") }
        if tttPlot == nil { tttPlot = figure("Scaled total time on test") }
    }
}

extension NonparametricCommand: ReportableCommand {
    var reportTitle: String { "Nonparametric reliability" }
    var reportInputs: [String] { [file] }
    var reportConventions: [String] {
        ["Kaplan-Meier and Nelson-Aalen for exact and right-censored data, Turnbull's self-consistent estimate for interval data; pointwise bounds at \(ReportConventions.percent(confidence))."]
    }
    mutating func prepareForReport(figure: (String) -> String) { json = false }
}

extension AltCommand: ReportableCommand {
    var reportTitle: String { "Accelerated life test" }
    var reportInputs: [String] { [file] }
    var reportConventions: [String] {
        ReportConventions.lifetime(bounds: "Fisher matrix and likelihood ratio (one pair of columns each)", confidence: confidence)
            .filter { !$0.hasPrefix("Probability plot") } + [
            "Life-stress: location mu = b0 + b1 x, sigma common to every stress level (Arrhenius x = 1/(kT), b1 = Ea in eV; inverse power x = ln V; Eyring and Peck).",
            ReportConventions.thermal(thermal),
        ]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if plot == nil { plot = figure("Life vs stress with the fitted B10, median and B90 lives") }
    }
}

extension BurnInCommand: ReportableCommand {
    var reportTitle: String { "Burn-in" }
    var reportInputs: [String] { file.map { [$0] } ?? [] }
    var reportConventions: [String] {
        ["Burn-in duration at the stress, and its equivalent at use through the acceleration factor; bounds at \(ReportConventions.percent(confidence)).",
         ReportConventions.thermal(thermal),
         "FIT = failures per 1e9 device-hours; ppm = failures per million units."]
    }
    mutating func prepareForReport(figure: (String) -> String) { json = false }
}

extension FitRateCommand: ReportableCommand {
    var reportTitle: String { "Failure rate (FIT)" }
    var reportInputs: [String] { plan.map { [$0] } ?? [] }
    var reportConventions: [String] {
        ["FIT = failures per 1e9 device-hours. Upper bound (JESD85): chi2(C; 2r + 2) / (2 D) x 1e9, D the equivalent device-hours (units x hours x acceleration factor), at \(ReportConventions.percent(confidence)) confidence; several mechanisms' bounds are summed.",
         ReportConventions.thermal(thermal)]
    }
    mutating func prepareForReport(figure: (String) -> String) { json = false }
}

/// The chart commands share `ChartInputOptions`: one conformance for all of them.
protocol ChartCommandReport: ReportableCommand {
    var options: ChartInputOptions { get set }
    static var chartName: String { get }
    /// Frozen limits (phase II) from a baseline file or a registry, for the charts that take them.
    var frozenLimits: BaselineOption? { get }
}

extension ChartCommandReport {
    var frozenLimits: BaselineOption? { nil }
    var reportTitle: String { "\(Self.chartName) control chart" }
    var reportInputs: [String] {
        [options.file] + [frozenLimits?.baseline, frozenLimits?.registry].compactMap { $0 }
    }
    var reportConventions: [String] {
        var list = ReportConventions.chart(constants: options.constants.rawValue, rules: options.rules.description, sigmaMultiplier: options.sigmaMultiplier)
        if let source = frozenLimits?.baseline ?? frozenLimits?.registry.map({ "the registry " + $0 }) {
            // The frozen limits carry their own constants, sigma multiplier and span.
            list[0] = "Limits frozen in \(source) (a baseline study, docs/BASELINE.md): its constants, sigma multiplier and span apply, not this command line's; every point is phase II."
            list[1] = "Rules, as Nelson/Minitab test numbers: \(options.rules.description). A point exactly on a limit or zone line is not beyond it; the point completing a pattern is flagged; runs do not cross stages."
        }
        return list
    }
    mutating func prepareForReport(figure: (String) -> String) {
        options.data.json = false
        if options.data.svg == nil { options.data.svg = figure("\(Self.chartName) chart") }
    }
}

extension XbarRCommand: ChartCommandReport { static var chartName: String { "Xbar-R" }; var frozenLimits: BaselineOption? { phaseII } }
extension XbarSCommand: ChartCommandReport { static var chartName: String { "Xbar-S" }; var frozenLimits: BaselineOption? { phaseII } }
extension IMRCommand: ChartCommandReport { static var chartName: String { "I-MR" }; var frozenLimits: BaselineOption? { phaseII } }
extension PChartCommand: ChartCommandReport { static var chartName: String { "p" }; var frozenLimits: BaselineOption? { phaseII } }
extension NPChartCommand: ChartCommandReport { static var chartName: String { "np" }; var frozenLimits: BaselineOption? { phaseII } }
extension CChartCommand: ChartCommandReport { static var chartName: String { "c" }; var frozenLimits: BaselineOption? { phaseII } }
extension UChartCommand: ChartCommandReport { static var chartName: String { "u" }; var frozenLimits: BaselineOption? { phaseII } }
extension LaneyPCommand: ChartCommandReport { static var chartName: String { "Laney p'" } }
extension LaneyUCommand: ChartCommandReport { static var chartName: String { "Laney u'" } }
extension GChartCommand: ChartCommandReport { static var chartName: String { "g" } }
extension EWMACommand: ChartCommandReport { static var chartName: String { "EWMA" } }
extension CUSUMCommand: ChartCommandReport { static var chartName: String { "CUSUM" } }
extension T2Command: ChartCommandReport { static var chartName: String { "Hotelling T2" } }
extension BetweenWithinCommand: ChartCommandReport { static var chartName: String { "Between/within" } }

extension CapabilityCommand: ReportableCommand {
    var reportTitle: String { "Process capability" }
    var reportInputs: [String] { [options.file] }
    var reportConventions: [String] {
        ["Cp and Pp intervals by chi-square with n - 1 degrees of freedom at \(ReportConventions.percent(confidence)); within-subgroup sigma for Cp/Cpk, overall sigma for Pp/Ppk; non-normal capability by the ISO 22514 percentile method.",
         "Control-chart constants: \(options.constants.rawValue)."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        options.json = false
        if options.svg == nil { options.svg = figure("Capability histogram with the specification limits") }
    }
}

extension BaselineCommand: ReportableCommand {
    static var hasOwnOut: Bool { true }
    var reportTitle: String { "Control-chart baseline (\(chart.rawValue))" }
    var reportInputs: [String] { [file] }
    var reportConventions: [String] {
        ReportConventions.chart(constants: constants.rawValue, rules: rules.description, sigmaMultiplier: sigmaMultiplier)
            + ["Baseline (docs/BASELINE.md): phase I subgroups that signal are removed and the limits recomputed, at most \(maxRounds) rounds, keeping at least \(minSubgroups) subgroups; the data file's SHA-256 is stored with the limits."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if svg == nil { svg = figure("The study's subgroups against the frozen limits") }
    }
}

extension ComponentsCommand: ReportableCommand {
    var reportTitle: String { "Nested variance components" }
    var reportInputs: [String] { [design.file] }
    var reportConventions: [String] {
        ["Variance components by \(design.method.rawValue == "reml" ? "restricted maximum likelihood (REML)" : "the ANOVA method of moments (negative estimates reported as 0, with a note)"); the innermost level is the residual, the variance within the innermost group.",
         "Intervals at \(ReportConventions.percent(confidence))."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if svg == nil { svg = figure("Variance components") }
    }
}

extension NestedChartCommand: ReportableCommand {
    var reportTitle: String { "Nested control chart (\(chart))" }
    var reportInputs: [String] { [design.file] }
    var reportConventions: [String] {
        ["Limits from the nested variance components (\(design.method.rawValue)): each level's chart uses the variance that level's statistic carries."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if svg == nil { svg = figure("Nested \(chart) chart") }
    }
}

extension BatchPCACommand: ReportableCommand {
    var reportTitle: String { "Batch-trajectory monitoring" }
    var reportInputs: [String] { [file] + (newFile.map { [$0] } ?? []) }
    var reportConventions: [String] {
        ["Multiway PCA of the batch-unfolded trajectories (Nomikos and MacGregor): Hotelling T2 and SPE limits at \(ReportConventions.percent(confidence)); contributions are each variable and time's share of a batch's T2 or SPE."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if contributionsSVG == nil { contributionsSVG = figure("Contributions") }
    }
}

extension LoadSizeStudyCommand: ReportableCommand {
    var reportTitle: String { "Load-size study" }
    var reportInputs: [String] { serviceFile.map { [$0] } ?? [] }
    var reportConventions: [String] {
        ["Seeded discrete-event simulation (seed \(seed), \(replications) replications of \(lots) lots); intervals are across replications."]
    }
    mutating func prepareForReport(figure: (String) -> String) {
        json = false
        if svg == nil { svg = figure("Mean wait against fill rate per policy") }
    }
}

extension SubgroupSizeStudyCommand: ReportableCommand {
    var reportTitle: String { "Subgroup-size study" }
    var reportInputs: [String] { [] }
    var reportConventions: [String] {
        ["ARL of the Xbar chart with the rules by the Markov chain of Champ and Woodall (1987); zero-state, normal data, known parameters; limits at ±\(limitWidth) sigma."]
    }
    mutating func prepareForReport(figure: (String) -> String) { json = false }
}
