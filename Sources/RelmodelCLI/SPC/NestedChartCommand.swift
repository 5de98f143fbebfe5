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

    @Option(help: "Run rules, as for the other charts: we, nelson, all, none, or test numbers like 1,2,5.")
    var rules: String = "1"

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
        _ = try ChartInputOptions.parseRules(rules, for: .xbar)
    }

    func run() throws {
        let sample = try design.sample()
        let level = design.levelNames.firstIndex(of: chart)!
        let components: [Double], center: Double, notes: [String]
        if design.method == .anova {
            let anova = NestedANOVA(sample)
            components = anova.components
            center = sample.mean
            notes = anova.notes
        } else {
            let fit = try SPCInput.dataErrors { try NestedREML(sample, restricted: design.method == .reml).fit(intervals: false) }
            components = fit.components
            center = fit.mean
            notes = fit.notes
        }
        let options = ChartOptions(sigmaMultiplier: sigmaMultiplier, rules: try ChartInputOptions.parseRules(rules, for: .xbar))
        let result = try SPCInput.dataErrors {
            try NestedMeansChart.chart(sample, level: level, components: components, center: center, options: options)
        }
        if json {
            print(JSONValue.object([
                ("command", .string("nested")), ("file", .string(design.file)), ("level", .string(chart)),
                ("method", .string(design.method.rawValue)),
                ("components", .object(zip(sample.levels, components).map { ($0, .number($1)) })),
                ("charts", .array([ChartOutput.chart(result)])),
                ("notes", .array(notes.map(JSONValue.string))),
            ]).serialized())
        } else {
            let list = zip(sample.levels, components).map { "\($0) \(NumberFormatting.significant($1, 6))" }.joined(separator: ", ")
            var text = "Chart of '\(chart)' means, limits from the \(design.method.rawValue.uppercased()) variance components (\(list))\n"
            for note in notes { text += "note: \(note)\n" }
            print(text + ChartOutput.text([result]))
        }
        if let svg { try writeOutputFile(svg, ControlChartSVG.render([result])) }
    }
}
