import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

/// `relmodel spc nested FILE --value COL --levels OUTER,...,INNER --chart LEVEL`.
struct NestedChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nested",
        abstract: "A chart of one level's means (lot or wafer means) with limits from the nested variance components.",
        discussion: RelmodelHelp.discussion("""
        The variance of a LEVEL mean is the sum of the components at and above LEVEL plus each lower \
        component divided by its count in the group (the residual by the group's observations; exact \
        weights when groups are unbalanced, so each point has its own limits). Limits: center ± L sigma, \
        the center REML's generalised least-squares mean (the grand mean with --method anova). The \
        components are estimated from all rows (see `spc components`). Run rules as for x-bar charts.
        """)
    )
    @OptionGroup var design: NestedDesignOptions

    @Option(help: "The level whose means are charted (a level of --levels other than the last).")
    var chart: String

    @Option(help: "Run rules, as for the other charts: we, nelson, all, none, or test numbers like 1,2,5.", transform: RuleSpecification.argument)
    var rules: RuleSpecification = .minitabDefault

    @Option(name: .customLong("sigma-multiplier"), help: "Control limits at ± this many sigma (L).")
    var sigmaMultiplier: Double = 3

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    @Option(help: "Also write an SVG plot of the chart to this file.")
    var svg: String?

    func validate() throws {
        guard sigmaMultiplier > 0, sigmaMultiplier.isFinite else { throw ValidationError("--sigma-multiplier must be positive") }
        guard let index = design.levelNames.firstIndex(of: chart), index < design.levelNames.count - 1 else {
            throw ValidationError("--chart must name one of the grouping levels (\(design.levelNames.dropLast().joined(separator: ", "))), not the residual")
        }
    }

    func run() throws {
        let sample = try design.sample()
        let options = ChartOptions(sigmaMultiplier: sigmaMultiplier, rules: rules.ruleSet(for: .xbar))
        let analysis = try SPCInput.dataErrors { try NestedChartAnalysis(sample, level: chart, method: design.method, options: options) }
        let result = analysis.chart
        if json {
            writeOutput(CommandDocument(command: "nested", file: design.file, result: analysis).json.serialized())
        } else {
            let list = zip(sample.levels, analysis.components).map { "\($0) \(NumberFormatting.significant($1, 6))" }.joined(separator: ", ")
            var text = "Chart of '\(chart)' means, limits from the \(design.method.rawValue.uppercased()) variance components (\(list))\n"
            for note in analysis.notes { text += "note: \(note)\n" }
            writeOutput(text + ChartOutput.text([result]))
        }
        if let svg { try writeOutputFile(svg, ControlChartSVG.render([result])) }
    }
}
