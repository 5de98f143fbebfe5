import ArgumentParser
import SPC

/// Reads subgrouped measurements and builds x̄-R or x̄-S charts.
private func subgroupCharts(_ options: ChartInputOptions, dispersion: ChartType, sigmaMethod: SigmaMethod?) throws -> [ControlChart] {
    guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
    guard options.subgroup != nil else { throw ValidationError("--subgroup COLUMN is required for subgrouped charts") }
    let input = try SPCInput(options.file)
    let (data, groups) = try input.subgroups(valueColumn, options.data)
    // With --rules all, each chart of the pair gets Minitab's set for its type (ChartOptions.ruleSpecification).
    let chartOptions = try input.chartOptions(options, firstRows: groups.firstRows)
    let pair = try SPCInput.dataErrors {
        dispersion == .r
            ? try ChartPair.xbarR(data, sigmaMethod: sigmaMethod ?? .rBar, options: chartOptions)
            : try ChartPair.xbarS(data, sigmaMethod: sigmaMethod ?? .sBar, options: chartOptions)
    }
    return pair.charts
}

/// `relmodel spc xbar-r FILE --value COL --subgroup COL`.
struct XbarRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xbar-r", abstract: "Xbar and R charts of subgrouped measurements.", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(name: .customLong("sigma-method"), help: "Within sigma: rbar (default), sbar, pooled, mvlue-r, mvlue-s.")
    var sigmaMethod: SigmaMethod?

    func run() throws {
        if try BaselinePhaseII.emit(options, phaseII, chart: .xbarR, command: "xbar-r") { return }
        try ChartOutput.emit(try subgroupCharts(options, dispersion: .r, sigmaMethod: sigmaMethod), command: "xbar-r", options: options)
    }
}

/// `relmodel spc xbar-s FILE --value COL --subgroup COL`.
struct XbarSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xbar-s", abstract: "Xbar and S charts of subgrouped measurements.", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(name: .customLong("sigma-method"), help: "Within sigma: sbar (default), rbar, pooled, mvlue-r, mvlue-s.")
    var sigmaMethod: SigmaMethod?

    func run() throws {
        if try BaselinePhaseII.emit(options, phaseII, chart: .xbarS, command: "xbar-s") { return }
        try ChartOutput.emit(try subgroupCharts(options, dispersion: .s, sigmaMethod: sigmaMethod), command: "xbar-s", options: options)
    }
}

/// `relmodel spc imr FILE --value COL`.
struct IMRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imr", abstract: "Individuals and moving-range charts.", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @OptionGroup var phaseII: BaselineOption
    @Option(help: "Moving range span w (points per moving range).")
    var span: Int = 2

    func validate() throws {
        guard span >= 2 else { throw ValidationError("--span must be at least 2") }
    }

    func run() throws {
        if try BaselinePhaseII.emit(options, phaseII, chart: .imr, command: "imr") { return }
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        let input = try SPCInput(options.file)
        let values = try input.doubles(valueColumn)
        let labels = try input.rowLabels(options)
        let rows = Array(0..<values.count)
        let chartOptions = try input.chartOptions(options, firstRows: rows)
        let pair = try SPCInput.dataErrors { try ChartPair.individuals(values, labels: labels, span: span, options: chartOptions) }
        try ChartOutput.emit(pair.charts, command: "imr", options: options)
    }
}
