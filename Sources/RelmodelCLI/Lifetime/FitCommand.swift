import ArgumentParser
import Ingest
import Lifetime
import RelmodelJSON
import Report

extension BoundsMethod: ExpressibleByArgument {}
extension RankingCriterion: ExpressibleByArgument {}
extension BoundSides: ExpressibleByArgument {}
extension EstimationMethod: ExpressibleByArgument {}

/// `relmodel fit FILE`: fits lifetime distributions by maximum likelihood and ranks them.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit lifetime distributions to failure data and rank them.",
        discussion: RelmodelHelp.discussion("""
        FILE is a CSV file with a header row (or - for standard input). Columns, matched by name \
        case-insensitively: time, event (1/0, F/S, failure/suspension; absent = all failures), count \
        (default 1); or start,end for interval data (start empty or 0 = left-censored, end empty = \
        right-censored). Other names are mapped with --columns; an unread column that looks like a \
        misspelling of a missing one (evnt, tme, cnt) is a data error unless --ignore-column names it. \
        Exit code 65 also when no model could be fitted.
        """)
    )

    @Argument(help: "CSV file of lifetimes, or - for standard input.")
    var file: String

    @Option(name: .customLong("dist"), help: "Distribution to fit (repeatable): \(FitCommand.distributionNames.joined(separator: ", ")). Default: weibull2p, lognormal2p, exponential1p. All are ranked together; the special models (after exponential1p's group) have Fisher bounds only.")
    var distributions: [String] = []

    @Option(name: .customLong("components"), help: ArgumentHelp(
        "Write, for a mixture model, each input row's most likely component and the posterior probabilities of all components to this CSV file (columns row, event, time, component, p1, ..., pk; time is the end of an interval).",
        valueName: "file.csv"))
    var componentsFile: String?

    @Flag(help: "Fit every standard distribution (the twelve --dist names before the special models) and rank them, as JMP's Fit All does; a family that cannot be fitted is listed with its reason. Special models (mixtures, defective subpopulations, bathtub families) are fitted by name with --dist, or ranked by relmodel bathtub.")
    var all = false

    @Option(help: "Estimation method: mle (maximum likelihood), rrx or rry (rank regression on x or y, median ranks with Johnson's adjustment; weibull2p, lognormal2p and exponential1p).")
    var method: EstimationMethod = .mle

    @Option(help: "Write a probability plot of the best model (points, fitted line, confidence band; a mixture's components dotted) to this SVG file.")
    var plot: String?

    @Option(name: .customLong("time-unit"), help: "The unit of the times (hours, cycles, ...), shown on the probability plot's time axis.")
    var timeUnit: TimeUnit?

    @Option(help: "Confidence bounds: fisher (Fisher matrix), lr (likelihood ratio) or bootstrap (parametric, percentile).")
    var bounds: BoundsMethod = .fisher

    @Option(help: "Bootstrap replicates (with --bounds bootstrap).")
    var replicates: Int = 1000

    @Option(help: "Seed of the bootstrap's random numbers (results are identical for the same seed, on any number of cores).")
    var seed: UInt64 = 1

    @Option(help: "Two-sided confidence level, in (0, 1).")
    var confidence: Double = 0.95

    @Option(name: .customLong("b-life"), help: "B-life to report, percent failed (repeatable). Default: 10.")
    var bLives: [String] = []

    @Option(name: .customLong("at"), help: "Time at which to report reliability with bounds (repeatable).")
    var times: [String] = []

    @Option(name: .customLong("conditional"), help: "AGE:DURATION: reliability over DURATION for units that survived to AGE (repeatable).")
    var conditional: [String] = []

    @Option(name: .customLong("mrl"), help: "Age at which to report the mean residual life (repeatable).")
    var residualLifeAges: [String] = []

    @Option(help: "Bounds to report: two (two-sided), lower or upper (one-sided at --confidence).")
    var sides: BoundSides = .two

    @Option(help: "Known Weibull shape (Weibayes): weibull2p is fitted with this shape, and the one-sided lower bound on eta is reported even with zero failures.")
    var shape: Double?

    @Option(name: .customLong("fix"), help: "NAME=VALUE: hold a parameter at a known value (repeatable): beta (Weibull, log-logistic), sigma (lognormal, normal, Gumbel), gamma (threshold families). Needs --dist naming families that have it.")
    var fixedParameters: [String] = []

    @Option(name: .customLong("rank"), help: "Ranking criterion: aicc, aic, bic, loglik, ad.")
    var criterion: RankingCriterion = .aicc

    @Option(name: .customLong("by"), help: "Column whose values split the data into groups (lots, wafers): each group is fitted on its own; with --json, one JSON object per group per line. For failure modes use --mode: --by fits each mode without the other modes' failures and the survivors.")
    var groupColumn: String?

    @Option(name: .customLong("mode"), help: ArgumentHelp(
        "Column with each failure's mode (empty for suspensions): competing risks with known modes.",
        discussion: "Each mode is fitted with one family (--dist, default weibull2p; a standard family or a special model such as weibull-lfp) with every other mode's failures and all survivors as suspensions; the series system's reliability and hazard (--at) and B-lives (--b-life) are reported as combined, with Fisher bounds from the block-diagonal covariance of the modes.",
        valueName: "column"))
    var modeColumn: String?

    @OptionGroup var columnOptions: LifetimeColumnOptions

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    func validate() throws {
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must be in (0, 1), got \(confidence)")
        }
        if plot != nil && groupColumn != nil { throw ValidationError("--plot draws one data set: it cannot be combined with --by") }
        if modeColumn != nil { try validateCompetingRisks() }
        for name in distributions where LifetimeFamily(rawValue: name) == nil && FamilyCatalog.family(named: name) == nil {
            throw ValidationError("unknown distribution '\(name)'; available: \(Self.distributionNames.joined(separator: ", "))")
        }
        if !catalogFamilies.isEmpty {
            if method != .mle { throw ValidationError("\(catalogFamilies[0].name) is fitted by maximum likelihood only: --method \(method.rawValue) cannot be used with it") }
        }
        if componentsFile != nil {
            guard catalogFamilies.contains(where: { $0 is any ComponentPosteriors }) else {
                let mixtures = FamilyCatalog.entries.filter { $0 is any ComponentPosteriors }.map(\.name)
                throw ValidationError("--components needs a mixture model among the --dist names: " + (mixtures.isEmpty ? "none is available in this build" : mixtures.joined(separator: ", ")))
            }
            if groupColumn != nil { throw ValidationError("--components writes one file: it cannot be combined with --by") }
        }
        for p in bLives {
            guard let v = Double(p), v > 0, v < 100 else { throw ValidationError("--b-life must be a percentage in (0, 100), got '\(p)'") }
        }
        for t in times {
            guard let v = Double(t), v.isFinite, v >= 0 else { throw ValidationError("--at must be a non-negative time, got '\(t)'") }
        }
        for c in conditional where Self.parseConditional(c) == nil {
            throw ValidationError("--conditional must be AGE:DURATION with AGE >= 0 and DURATION > 0, got '\(c)'")
        }
        for a in residualLifeAges {
            guard let v = Double(a), v.isFinite, v >= 0 else { throw ValidationError("--mrl must be a non-negative age, got '\(a)'") }
        }
        if !fixedParameters.isEmpty {
            guard !distributions.isEmpty, !all else { throw ValidationError("--fix needs --dist naming the families whose parameters are fixed") }
            guard shape == nil else { throw ValidationError("use either --shape or --fix beta=..., not both") }
            let values = try Self.parseFixed(fixedParameters)
            for name in distributions {
                guard let family = LifetimeFamily(rawValue: name) else { continue }
                if case let .failure(reason) = FixedParameters.parse(values, for: family) { throw ValidationError("--fix: \(reason)") }
            }
        }
        guard replicates >= 2 else { throw ValidationError("--replicates must be at least 2, got \(replicates)") }
        if let shape, !(shape > 0 && shape.isFinite) { throw ValidationError("--shape must be a positive number, got \(shape)") }
        if sides != .two && confidence <= 0.5 { throw ValidationError("a one-sided bound needs --confidence above 0.5") }
    }

    /// `--mode` fits one family per mode by maximum likelihood: a standard family or a special model.
    func validateCompetingRisks() throws {
        let conflicting: [(Bool, String)] = [
            (groupColumn != nil, "--by"), (all, "--all"), (shape != nil, "--shape"),
            (!fixedParameters.isEmpty, "--fix"), (method != .mle, "--method \(method.rawValue)"),
        ]
        if let (_, option) = conflicting.first(where: { $0.0 }) {
            throw ValidationError("--mode fits each failure mode by maximum likelihood: it cannot be combined with \(option)")
        }
        if componentsFile != nil { throw ValidationError("--mode cannot be combined with --components") }
        guard distributions.count <= 1 else {
            throw ValidationError("--mode fits one family to every mode: give at most one --dist (got \(distributions.joined(separator: ", ")))")
        }
    }

    /// Every name `--dist` accepts: the standard families, then the special models of `FamilyCatalog`.
    static var distributionNames: [String] { LifetimeFamily.allCases.map(\.rawValue) + FamilyCatalog.names }

    /// The `--dist` names that are general-core families (`FamilyCatalog`), in the order given.
    var catalogFamilies: [any ParametricFamily] {
        distributions.compactMap { LifetimeFamily(rawValue: $0) == nil ? FamilyCatalog.family(named: $0) : nil }
    }

    static func parseFixed(_ texts: [String]) throws -> [(name: String, value: Double)] {
        try texts.map { text in
            let parts = text.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw ValidationError("--fix must be NAME=VALUE, got '\(text)'")
            }
            return (String(parts[0]).lowercased(), value)
        }
    }

    static func parseConditional(_ text: String) -> (age: Double, duration: Double)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let age = Double(parts[0]), let duration = Double(parts[1]),
              age.isFinite, duration.isFinite, age >= 0, duration > 0 else { return nil }
        return (age, duration)
    }

    func run() throws {
        let bLifeKeys = bLives.isEmpty ? ["10"] : bLives
        let catalog = catalogFamilies
        let families = all ? LifetimeFamily.allCases
            : distributions.isEmpty ? LifetimeFamily.defaultSet : distributions.compactMap(LifetimeFamily.init(rawValue:))
        var options = LifetimeAnalysisOptions(
            families: families, boundsMethod: bounds, confidence: confidence,
            bLives: bLifeKeys.compactMap(Double.init), times: times.compactMap(Double.init),
            conditional: conditional.compactMap(Self.parseConditional),
            residualLifeAges: residualLifeAges.compactMap(Double.init), criterion: criterion, sides: sides,
            fixedWeibullShape: shape)
        options.bootstrap = ParametricBootstrap(replicates: replicates, seed: seed)
        options.method = method
        options.fixedValues = (try? Self.parseFixed(fixedParameters)) ?? []
        let keys = options.labels
        if let modeColumn {
            try runCompetingRisks(modeColumn, options: options, keys: keys)
            return
        }
        if !catalog.isEmpty {
            try runComparison(catalog, options: options, keys: keys)
            return
        }

        let groups: [(group: String?, input: LifetimeInput)]
        let columns = try columnOptions.columns()
        if let groupColumn {
            groups = try readGroupedLifetimeInput(file, by: groupColumn, columns: columns).map { ($0.group, $0.input) }
            if let empty = groups.first(where: { $0.group == "" }), empty.input.data.failureCount == 0, groups.count > 1 {
                printError("note: the rows with an empty '\(groupColumn)' are all suspensions, as in a failure-mode column; --by fits each group alone, without the other groups' failures and these survivors as suspensions: for failure modes use --mode \(groupColumn)")
            }
        } else {
            groups = [(nil, try readLifetimeInput(file, columns: columns))]
        }
        // Bootstrap replicates and likelihood-ratio profiles take seconds to minutes: a progress line
        // on a terminal.
        let progress = bounds == .fisher ? nil : TerminalProgress.start(bounds == .bootstrap ? "bootstrap replicates" : "likelihood-ratio profiles")
        options.progress = progress?.reporter
        let analyses = LifetimeAnalysis.grouped(groups.map { ($0.group ?? "", $0.input) }, options: options)
        progress?.finish()
        var unanswered: [String] = []
        for (index, entry) in analyses.enumerated() {
            let input = groups[index].input, group = groups[index].group
            if json {
                writeOutput((group.map { GroupedDocument(group: $0, result: entry.analysis).json } ?? entry.analysis.json).serialized())
            } else {
                if let group { writeOutput((index == 0 ? "" : "\n") + "== \(groupColumn ?? "group") \(group) ==") }
                writeOutput(LifetimeText.report(entry.analysis, keys: keys, input: input))
            }
            let answeredByWeibayes = entry.analysis.weibayes != nil && input.data.failureCount == 0
            if entry.analysis.best == nil && !answeredByWeibayes {
                unanswered.append((group.map { "\(groupColumn ?? "group") \($0): " } ?? "") + Self.reasons(entry.analysis))
            }
        }
        if let plot, let best = analyses.first?.analysis.best {
            let svg = LifetimePlot.svg(best, data: groups[0].input.data, options: options, timeLabel: timeUnit?.axisLabel ?? "Time")
            try writeOutputFile(plot, svg)
        }
        if !unanswered.isEmpty {
            printError("no model could be fitted: " + unanswered.joined(separator: "; "))
            throw ExitCode(65)
        }
    }

    /// `--mode COLUMN`: competing risks with known modes.
    func runCompetingRisks(_ modeColumn: String, options: LifetimeAnalysisOptions, keys: LifetimeKeys) throws {
        let input = try readFailureModeInput(file, mode: modeColumn, columns: try columnOptions.columns())
        let name = distributions.first ?? LifetimeFamily.weibull2p.rawValue
        let progress = bounds == .fisher ? nil : TerminalProgress.start(bounds == .bootstrap ? "bootstrap replicates" : "likelihood-ratio profiles")
        var options = options
        options.progress = progress?.reporter
        let analysis: CompetingRisksAnalysis
        if let family = LifetimeFamily(rawValue: name) {
            analysis = CompetingRisksAnalysis(data: input.data, rows: input.rows, family: family, options: options)
        } else if let family = FamilyCatalog.family(named: name) {
            analysis = CompetingRisksAnalysis(data: input.data, rows: input.rows, general: family, options: options)
        } else {
            throw ValidationError("unknown distribution '\(name)'")
        }
        progress?.finish()
        if json {
            writeOutput(analysis.json.serialized())
        } else {
            writeOutput(CompetingRisksOutput.report(analysis, keys: keys, input: input))
        }
        if let plot {
            let drawn = CompetingRisksPlot.svg(analysis, data: input.data, timeLabel: timeUnit?.axisLabel ?? "Time")
            if let svg = drawn.svg { try writeOutputFile(plot, svg) } else if let reason = drawn.reason { printError(reason) }
        }
        if let reason = analysis.combinedUnavailable {
            printError("no combined model: " + reason)
            throw ExitCode(65)
        }
    }

    /// `--dist` naming special models: standard and catalog families fitted and ranked together.
    func runComparison(_ catalog: [any ParametricFamily], options: LifetimeAnalysisOptions, keys: LifetimeKeys) throws {
        let columns = try columnOptions.columns()
        var groups: [(group: String?, input: LifetimeInput)]
        var observations: [LifetimeObservation] = []
        if let groupColumn {
            groups = try readGroupedLifetimeInput(file, by: groupColumn, columns: columns).map { ($0.group, $0.input) }
        } else if componentsFile != nil {
            let read = try readLifetimeObservations(file, columns: columns)
            groups = [(nil, read.input)]
            observations = read.rows
        } else {
            groups = [(nil, try readLifetimeInput(file, columns: columns))]
        }
        var unanswered: [String] = []
        var first: ModelComparison?
        for (index, entry) in groups.enumerated() {
            let comparison = ModelComparison(data: entry.input.data, rows: entry.input.rows, general: catalog, options: options)
            if first == nil { first = comparison }
            if json {
                writeOutput((entry.group.map { GroupedDocument(group: $0, result: comparison).json } ?? comparison.json).serialized())
            } else {
                if let group = entry.group { writeOutput((index == 0 ? "" : "\n") + "== \(groupColumn ?? "group") \(group) ==") }
                writeOutput(ComparisonOutput.report(comparison, keys: keys, input: entry.input))
            }
            if comparison.best == nil {
                let reasons = comparison.ranked.map { model -> String in
                    switch model {
                    case let .standard(outcome): Self.reasons(outcome)
                    case let .general(.failed(name, failure)): "\(name): \(failure)"
                    case let .general(.fitted(s)): "\(s.fit.name): " + (s.fit.diagnostics.degenerate ? "degenerate" : "not converged")
                    }
                }.joined(separator: "; ")
                unanswered.append((entry.group.map { "\(groupColumn ?? "group") \($0): " } ?? "") + reasons)
            }
        }
        if let componentsFile, let comparison = first {
            try writeComponents(componentsFile, comparison, observations)
        }
        if let plot, let comparison = first, let data = groups.first?.input.data {
            switch comparison.best {
            case let .standard(.fitted(s))?:
                try writeOutputFile(plot, LifetimePlot.svg(s, data: data, options: options, timeLabel: timeUnit?.axisLabel ?? "Time"))
            case let .general(.fitted(s))?:
                try writeOutputFile(plot, LifetimePlot.svg(general: s.fit, data: data, options: options, timeLabel: timeUnit?.axisLabel ?? "Time"))
            default: break
            }
        }
        if !unanswered.isEmpty {
            printError("no model could be fitted: " + unanswered.joined(separator: "; "))
            throw ExitCode(65)
        }
    }

    /// `--components FILE.csv` from the best proper mixture model.
    func writeComponents(_ path: String, _ comparison: ModelComparison, _ observations: [LifetimeObservation]) throws {
        var mixture: ParametricFit?
        for case let .general(.fitted(s)) in comparison.ranked where s.fit.family is any ComponentPosteriors && s.fit.diagnostics.isReliable {
            mixture = s.fit
            break
        }
        guard let fit = mixture, let assignments = ComponentAssignment.assign(fit, to: observations) else {
            printError("--components: no mixture model has a proper fit, so no components were written")
            throw ExitCode(65)
        }
        try writeOutputFile(path, ComponentsCSV.text(assignments, observations: observations))
    }

    static func reasons(_ outcome: ModelOutcome) -> String {
        switch outcome {
        case let .failed(family, failure): "\(family.rawValue): \(failure)"
        case let .fitted(s): "\(s.fit.family.rawValue): not converged"
        }
    }

    static func reasons(_ analysis: LifetimeAnalysis) -> String {
        analysis.outcomes.map { outcome in
            switch outcome {
            case let .failed(family, failure): "\(family.rawValue): \(failure)"
            case let .fitted(s): "\(s.fit.family.rawValue): not converged"
            }
        }.joined(separator: "; ")
    }
}
