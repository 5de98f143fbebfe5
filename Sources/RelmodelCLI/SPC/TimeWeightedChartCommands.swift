import ArgumentParser
import SPC

struct EWMACommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ewma", abstract: "EWMA chart of individual values (or of subgroup means given one per row).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Weight lambda in (0, 1].") var lambda: Double = 0.2
    @Option(help: "Target (z_0 and center line). Default: phase I mean.") var target: Double?
    @Option(help: "Sigma of the plotted values. Default: phase I MR-bar/d2.") var sigma: Double?
    @Flag(help: "Use the asymptotic limits for every point (default: exact time-varying limits).") var asymptotic = false

    func validate() throws {
        guard lambda > 0, lambda <= 1 else { throw ValidationError("--lambda must be in (0, 1]") }
        if let sigma, !(sigma > 0) { throw ValidationError("--sigma must be positive") }
    }

    func run() throws {
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        let input = try SPCInput(options.file)
        let values = try input.doubles(valueColumn)
        let chartOptions = try input.chartOptions(options, firstRows: Array(0..<values.count))
        let labels = try input.rowLabels(options)
        let chart = try SPCInput.dataErrors {
            try ControlChart.ewma(values, labels: labels, lambda: lambda, target: target, sigma: sigma,
                                        exactLimits: !asymptotic, options: chartOptions)
        }
        try ChartOutput.emit([chart], command: "ewma", options: options)
    }
}

struct CUSUMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cusum", abstract: "Tabular two-sided CUSUM chart.", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Target mu0. Default: phase I mean.") var target: Double?
    @Option(help: "Sigma of the values. Default: phase I MR-bar/d2 (needed only with --units sigma).") var sigma: Double?
    @Option(help: "Reference value k.") var k: Double = 0.5
    @Option(help: "Decision interval h.") var h: Double = 4
    @Option(name: .customLong("head-start"), help: "Fast initial response head start (same units as h).") var headStart: Double = 0
    @Option(help: "Units of k, h and head start: sigma or data.") var units: CUSUMUnits = .sigma

    func validate() throws {
        guard k >= 0, h > 0, headStart >= 0, headStart <= h else { throw ValidationError("need k >= 0, h > 0 and 0 <= --head-start <= h") }
        if let sigma, !(sigma > 0) { throw ValidationError("--sigma must be positive") }
    }

    func run() throws {
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        let input = try SPCInput(options.file)
        let values = try input.doubles(valueColumn)
        let chartOptions = try input.chartOptions(options, firstRows: Array(0..<values.count))
        let labels = try input.rowLabels(options)
        let chart = try SPCInput.dataErrors {
            try ControlChart.cusum(values, labels: labels, target: target, sigma: sigma, k: k, h: h,
                                         headStart: headStart, units: units, options: chartOptions)
        }
        try ChartOutput.emit([chart], command: "cusum", options: options)
    }
}

struct T2Command: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "t2", abstract: "Hotelling T2 chart (individuals, or subgroups with --subgroup).", discussion: RelmodelHelp.exitCodes)
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Comma-separated columns of the variables, e.g. --values A,B.") var values: String

    func run() throws {
        let columns = values.split(separator: ",").map(String.init)
        guard columns.count >= 1 else { throw ValidationError("--values needs at least one column") }
        let input = try SPCInput(options.file)
        let data = try columns.map { try input.doubles($0) }
        let rows = (0..<input.table.rowCount).map { r in data.map { $0[r] } }
        let chart: ControlChart
        if options.subgroup != nil {
            let groups = GroupedRows(try input.rowLabels(options))
            let chartOptions = try input.chartOptions(options, firstRows: groups.firstRows)
            chart = try SPCInput.dataErrors {
                try HotellingT2.subgroups(groups.rows.map { $0.map { rows[$0] } }, labels: groups.labels, options: chartOptions)
            }
        } else {
            let chartOptions = try input.chartOptions(options, firstRows: Array(0..<rows.count))
            chart = try SPCInput.dataErrors { try HotellingT2.individuals(rows, labels: try input.rowLabels(options), options: chartOptions) }
        }
        try ChartOutput.emit([chart], command: "t2", options: options)
    }
}
