import ArgumentParser
import Lifetime
import Report

/// `relmodel bathtub FILE`: where infant mortality ends and wear-out begins.
struct BathtubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bathtub",
        abstract: "Bathtub regions: the hazard minimum, the end of infant mortality and the start of wear-out, with bounds.",
        discussion: RelmodelHelp.discussion("""
        FILE is read as by `relmodel fit`. The candidate models (weibull-exponential-weibull, additive-weibull, \
        chen, exponential-power, modified-weibull, weibull-extension, hjorth, and weibull2p as the monotone \
        reference) are fitted by maximum likelihood and ranked by AICc; the regions are those of the best \
        proper fit. Definitions (docs/BATHTUB.md): threshold: useful life is where the hazard is within \
        --tolerance of its minimum on the data's range; components: infant mortality ends where the \
        decreasing component's hazard falls below the constant one and wear-out starts where the \
        increasing one rises above it (weibull-exponential-weibull). Bounds on every boundary are \
        likelihood-ratio (constrained profiles) or Fisher (delta method on ln t, exact gradients). \
        The useful-life hazard is the average hazard over the useful life; with --time-unit hours it is \
        also given in FIT (failures per 1e9 device-hours). A region the data do not show is null, and \
        "bathtub": false means the best model's hazard is monotone on the data's range.
        """)
    )

    enum Definition: String, ExpressibleByArgument, CaseIterable { case threshold, components }
    enum Bounds: String, ExpressibleByArgument, CaseIterable { case lr, fisher, bootstrap }

    @Argument(help: "CSV file of lifetimes, or - for standard input.")
    var file: String

    @Option(help: "Region definition: threshold or components.")
    var definition: Definition = .threshold

    @Option(help: "threshold definition: useful life is where the hazard is within this fraction of its minimum.")
    var tolerance: Double = 0.10

    @Option(help: "Bounds on the boundaries: lr (likelihood ratio) or fisher.")
    var bounds: Bounds = .lr

    @Option(help: "Two-sided confidence level of the bounds, in (0, 1).")
    var confidence: Double = 0.95

    @Option(name: .customLong("time-unit"), help: "The unit of the times, shown on the plot's axis: hours (the useful-life hazard is also given in FIT), or any other name (cycles, days, other).")
    var timeUnit: TimeUnit = .hours

    @Option(help: "Write the hazard on log-log axes with the regions shaded (SVG).")
    var plot: String?

    @Option(name: .customLong("ttt-plot"), help: "Write the scaled total-time-on-test plot (SVG).")
    var tttPlot: String?

    @OptionGroup var columnOptions: LifetimeColumnOptions

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    func validate() throws {
        guard confidence > 0 && confidence < 1 else { throw ValidationError("--confidence must be in (0, 1), got \(confidence)") }
        guard tolerance > 0 && tolerance < 10 else { throw ValidationError("--tolerance must be in (0, 10), got \(tolerance)") }
        if bounds == .bootstrap {
            throw ValidationError("--bounds bootstrap is not available for bathtub regions yet; use lr (the default) or fisher")
        }
    }

    var regionDefinition: RegionDefinition {
        definition == .threshold ? .threshold(tolerance: tolerance) : .components
    }

    func run() throws {
        let input = try readLifetimeInput(file, columns: try columnOptions.columns())
        var options = LifetimeAnalysisOptions(families: [], boundsMethod: bounds == .lr ? .lr : .fisher, confidence: confidence, bLives: [])
        options.criterion = .aicc
        let analysis = BathtubAnalysis(data: input.data, rows: input.rows, definition: regionDefinition,
                                       bounds: bounds == .lr ? .lr : .fisher, options: options, timesAreHours: timeUnit.isHours)
        writeOutput(json ? analysis.json.serialized()
                   : BathtubOutput.report(analysis, input: input, definition: regionDefinition, hours: timeUnit.isHours))
        if let path = plot { try writeOutputFile(path, BathtubOutput.hazardPlot(analysis, timeLabel: timeUnit.axisLabel)) }
        if let path = tttPlot {
            guard let ttt = analysis.totalTimeOnTest else {
                printError("\(file): no total-time-on-test plot: \(analysis.notes.joined(separator: "; "))")
                throw ExitCode(65)
            }
            try writeOutputFile(path, BathtubOutput.tttPlot(ttt))
        }
        if analysis.model == nil { throw ExitCode(65) }
    }
}
