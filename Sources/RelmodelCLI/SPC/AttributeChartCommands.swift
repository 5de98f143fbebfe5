import ArgumentParser
import SPC

/// Reads one count (and size) per row and builds an attribute chart.
private func attributeChart(_ options: ChartInputOptions, size: String?, type: ChartType) throws -> ControlChart {
    guard let valueColumn = options.value else { throw ValidationError("--value COLUMN (the counts) is required") }
    if size == nil && type != .c && type != .g { throw ValidationError("--size COLUMN is required for the \(type.rawValue) chart") }
    let input = try SPCInput(options.file)
    let counts = try input.doubles(valueColumn, .nonNegative)
    let sizes = try size.map { try input.doubles($0, .positive) }
    let labels = try input.rowLabels(options)
    let chartOptions = try input.chartOptions(options, firstRows: Array(0..<counts.count))
    let data = try AttributeData(labels: labels, counts: counts, sizes: sizes)
    return try SPCInput.dataErrors {
        switch type {
        case .p: try ControlChart.p(data, options: chartOptions)
        case .np: try ControlChart.np(data, options: chartOptions)
        case .c: try ControlChart.c(data, options: chartOptions)
        case .u: try ControlChart.u(data, options: chartOptions)
        case .laneyP: try ControlChart.laneyP(data, options: chartOptions)
        default: try ControlChart.laneyU(data, options: chartOptions)
        }
    }
}

/// The run of the p, np, c and u commands: charts against frozen limits with --baseline, otherwise
/// limits estimated from the data.
private func runAttributeCommand(_ type: ChartType, baseline: BaselineChart, options: ChartInputOptions,
                                 phaseII: BaselineOption, size: String?) throws {
    if try BaselinePhaseII.emit(options, phaseII, chart: baseline, size: size, command: type.rawValue) { return }
    try ChartOutput.emit([try attributeChart(options, size: size, type: type)], command: type.rawValue, options: options)
}

struct PChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "p", abstract: "p chart (proportion nonconforming; stepped limits for varying sizes).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(help: "Column of subgroup sizes (units inspected).") var size: String?
    func run() throws { try runAttributeCommand(.p, baseline: .p, options: options, phaseII: phaseII, size: size) }
}

struct NPChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "np", abstract: "np chart (number nonconforming).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(help: "Column of subgroup sizes (units inspected).") var size: String?
    func run() throws { try runAttributeCommand(.np, baseline: .np, options: options, phaseII: phaseII, size: size) }
}

struct CChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "c", abstract: "c chart (nonconformities per unit of constant size).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(help: "Column of sizes (ignored by the c chart; accepted for symmetry).") var size: String?
    func run() throws { try runAttributeCommand(.c, baseline: .c, options: options, phaseII: phaseII, size: nil) }
}

struct UChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "u", abstract: "u chart (nonconformities per unit; stepped limits).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(help: "Column of sizes (units or area inspected).") var size: String?
    func run() throws { try runAttributeCommand(.u, baseline: .u, options: options, phaseII: phaseII, size: size) }
}

struct LaneyPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "laney-p", abstract: "Laney p' chart (p chart corrected for over- or under-dispersion).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Column of subgroup sizes.") var size: String?
    func run() throws { try ChartOutput.emit([try attributeChart(options, size: size, type: .laneyP)], command: "laney-p", options: options) }
}

struct LaneyUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "laney-u", abstract: "Laney u' chart (u chart corrected for over- or under-dispersion).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Column of sizes.") var size: String?
    func run() throws { try ChartOutput.emit([try attributeChart(options, size: size, type: .laneyU)], command: "laney-u", options: options) }
}

struct GChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "g", abstract: "g chart of the number of opportunities between events.", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Limits: probability (Minitab, geometric) or sigma (Benneyan 3-sigma).") var limits: GChartLimits = .probability

    func run() throws {
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        let input = try SPCInput(options.file)
        let counts = try input.doubles(valueColumn, .nonNegative)
        let labels = try input.rowLabels(options)
        let chartOptions = try input.chartOptions(options, firstRows: Array(0..<counts.count))
        let chart = try SPCInput.dataErrors { try ControlChart.g(counts, labels: labels, limits: limits, options: chartOptions) }
        try ChartOutput.emit([chart], command: "g", options: options)
    }
}
