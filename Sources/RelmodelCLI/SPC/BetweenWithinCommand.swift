import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

/// `relmodel spc between-within FILE --value COL --subgroup COL [--within r|s] [--lsl X --usl Y]`.
struct BetweenWithinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between-within",
        abstract: "Between/within (I-MR-R/S) charts of batch data: subgroup means, their moving range, and the within-subgroup R or S.",
        discussion: RelmodelHelp.discussion("""
        For batches whose means vary more than the within-batch scatter allows (wafers in a furnace \
        run, sites on a wafer), x-bar limits from the within sigma flag most batches. Here the subgroup \
        means go on an individuals chart with limits from their moving range, and the R (or S) chart \
        carries the within sigma. Reported: sigmaWithin (R-bar/d2, S-bar/c4 or --sigma-method), \
        sigmaBetween = sqrt(max(0, sigma_means^2 - sigmaWithin^2/n)) with n the most common subgroup \
        size (it must be the size of more than half of the subgroups, as in Minitab), and sigmaTotal = \
        sqrt(sigmaBetween^2 + sigmaWithin^2). With --lsl/--usl, between/within capability: Cp and Cpk \
        from sigmaTotal, Pp and Ppk from the overall sigma (Minitab's Between/Within Capability).
        """)
    )
    @OptionGroup var options: ChartInputOptions
    @Option(help: "Within-subgroup chart: r or s.") var within: String = "r"
    @Option(name: .customLong("sigma-method"), help: "Within sigma: rbar, sbar, pooled, mvlue-r, mvlue-s (rbar for --within r, sbar for s when not given).")
    var sigmaMethod: SigmaMethod?
    @Option(help: "Lower specification limit (between/within capability).") var lsl: Double?
    @Option(help: "Upper specification limit (between/within capability).") var usl: Double?
    @Option(help: "Target (for Cpm). Default: midpoint of the limits.") var target: Double?
    @Option(help: "Two-sided confidence level of the capability intervals.") var confidence: Double = 0.95

    func validate() throws {
        guard within == "r" || within == "s" else { throw ValidationError("--within must be r or s") }
        if let lsl, let usl, !(lsl < usl) { throw ValidationError("--lsl must be below --usl") }
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must be in (0, 1)") }
    }

    func run() throws {
        guard let valueColumn = options.value else { throw ValidationError("--value COLUMN is required") }
        guard options.subgroup != nil else { throw ValidationError("--subgroup COLUMN is required") }
        let input = try SPCInput(options.file)
        let (data, groups) = try input.subgroups(valueColumn, options.data)
        let chartOptions = try input.chartOptions(options, firstRows: groups.firstRows)
        let specification = lsl != nil || usl != nil ? Specification(lsl: lsl, usl: usl, target: target) : nil
        let result = try SPCInput.dataErrors {
            try BetweenWithinChart(data, dispersion: within == "s" ? .s : .r, sigmaMethod: sigmaMethod, options: chartOptions,
                                          specification: specification, confidence: confidence)
        }
        if options.json {
            writeOutput(CommandDocument(command: "between-within", file: options.file, result: result).json.serialized())
        } else {
            var text = "Between/within: sigma within \(NumberFormatting.significant(result.sigmaWithin, 7)), "
                + "between \(NumberFormatting.significant(result.sigmaBetween, 7)), "
                + "between/within \(NumberFormatting.significant(result.sigmaTotal, 7)) "
                + "(sigma of the means \(NumberFormatting.significant(result.sigmaMeans, 7)), batch size \(result.batchSize))\n"
            for note in result.notes { text += "note: \(note)\n" }
            text += ChartOutput.text(result.charts)
            if let capability = result.capability {
                text += "\n\nBetween/within capability (Cp, Cpk, Cpl, Cpu, Cpm from sigma between/within):\n" + CapabilityCommand.text(capability)
            }
            writeOutput(text)
        }
        if let path = options.svg { try writeOutputFile(path, ControlChartSVG.render(result.charts)) }
    }
}
