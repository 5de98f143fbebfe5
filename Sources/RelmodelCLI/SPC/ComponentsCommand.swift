import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Ingest
import Report
import SPC

extension ComponentsMethod: ExpressibleByArgument {}

/// The input of the commands on nested designs: file, value column, nesting levels and method.
struct NestedDesignOptions: ParsableArguments {
    @Argument(help: "CSV file (long form, with a header row), or - for standard input.")
    var file: String

    @Option(help: "Column of measurements.")
    var value: String

    @Option(help: "Columns of the nesting levels, outermost first, comma-separated; the last is the residual.")
    var levels: String

    @Option(help: "Variance components by reml, ml or anova.")
    var method: ComponentsMethod = .reml

    var levelNames: [String] { levels.split(separator: ",").map { String($0).trimmingSpaces } }

    func validate() throws {
        guard levelNames.count >= 2, levelNames.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--levels needs at least two column names (groups and the residual within them), e.g. lot,wafer,site")
        }
        guard Set(levelNames).count == levelNames.count else { throw ValidationError("--levels names a column twice") }
    }

    /// The design read from the file: every value and every level's label, an empty label refused
    /// with its place (it would silently make a group of its own).
    func sample() throws -> NestedSample {
        let input = try SPCInput(file)
        let values = try input.doubles(value)
        var labels: [[String]] = []
        for name in levelNames {
            let column = try input.column(name)
            for row in 0..<input.table.rowCount where input.table.isEmpty(row: row, column: column) {
                try SPCInput.dataErrors { throw input.table.error(row: row, column: column, "expected a group label, found an empty field") }
            }
            labels.append(input.table.strings(column: column))
        }
        return try SPCInput.dataErrors { try NestedSample(values: values, labels: labels, levels: levelNames) }
    }
}

/// `relmodel spc components FILE --value COL --levels OUTER,...,INNER [--method reml|ml|anova]`.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "Nested variance components (lot, wafer, site ...): REML at the exact optimum, ML, or Type I ANOVA, with intervals.",
        discussion: RelmodelHelp.discussion("""
        --levels names the columns of the nesting levels, outermost first; the last is the residual (the \
        replicates within the innermost group). Labels of an inner level are relative to their parent \
        (wafer 1 of lot A and wafer 1 of lot B are two wafers); groups may be unbalanced. \
        REML (default) and ML: Newton on exact derivatives until the gradient is at rounding level (the \
        output says how close), components bounded at 0 (with a note), profile-likelihood intervals. \
        ANOVA: Type I (hierarchical) sums of squares with the expected-mean-square coefficients of \
        unbalanced data, negative estimates reported as they are, Satterthwaite intervals (the residual's \
        exact chi-square). The ANOVA table is printed with every method. Exit 65 for data that cannot give \
        the components (one group at the top, no replicates, an empty label).
        """)
    )

    @OptionGroup var design: NestedDesignOptions

    @Option(help: "Two-sided confidence level of the intervals.")
    var confidence: Double = 0.95

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    @Option(help: "Also write a bar chart of the components with their intervals to this SVG file.")
    var svg: String?

    @Flag(name: .customLong("no-intervals"), help: "Skip the REML/ML profile-likelihood intervals (the estimates alone, faster on large designs).")
    var noIntervals = false

    func validate() throws {
        guard confidence > 0, confidence < 1 else { throw ValidationError("--confidence must be in (0, 1)") }
    }

    func run() throws {
        let sample = try design.sample()
        let analysis = try SPCInput.dataErrors {
            try NestedComponentsAnalysis(sample, method: design.method, confidence: confidence, intervals: !noIntervals)
        }
        writeOutput(json ? analysis.json.serialized() : Self.text(analysis))
        if let svg { try writeOutputFile(svg, Self.chart(analysis).rendered()) }
    }

    /// The components as bars with their intervals as whiskers.
    static func chart(_ a: NestedComponentsAnalysis) -> BarChart {
        let percent = Int((a.anova.confidence * 100).rounded())
        let intervalName = a.fit == nil ? "Satterthwaite" : "profile-likelihood"
        return BarChart(title: "Variance components (\(a.method.rawValue.uppercased())), \(percent)% \(intervalName) intervals",
                        valueLabel: "variance", categories: a.sample.levels,
                        series: [.init(label: "variance", values: a.components, intervals: a.intervals)])
    }

    static func text(_ a: NestedComponentsAnalysis) -> String {
        let sample = a.sample, anova = a.anova, fit = a.fit
        let components = a.components, intervals = a.intervals, shares = a.percentOfTotal, deviations = a.standardDeviations
        let percent = Int((anova.confidence * 100).rounded())
        var table = TextTable(headers: ["level", "variance", "% of total", "std. dev.", "\(percent)% lower", "\(percent)% upper"],
                              alignments: [.left] + Array(repeating: .right, count: 5),
                              numberStyles: [.init(), .init(digits: 7), .init(digits: 4, minimumDecimals: 2), .init(digits: 6),
                                             .init(digits: 6), .init(digits: 6)])
        for i in sample.levels.indices {
            let name = i == sample.groupingLevels ? "\(sample.levels[i]) (residual)" : sample.levels[i]
            table.append(cells: [.text(name), .number(components[i]), .number(shares[i]), .number(deviations[i]),
                                 .number(intervals[i]?.lowerBound), .number(intervals[i]?.upperBound)])
        }
        table.append(cells: [.text("total"), .number(a.total), .number(100), .number(a.totalStandardDeviation), .text(""), .text("")])
        var lines = [
            "Nested variance components, \(a.method.name): \(NumberFormatting.counted(sample.count, "observation")), "
                + sample.levels.indices.dropLast().map { "\(sample.groupCount($0)) \(sample.levels[$0])" }.joined(separator: ", ")
                + (sample.isBalanced ? " (balanced)" : " (unbalanced)"),
            "Intervals: " + (fit == nil ? "Satterthwaite (the residual: exact chi-square)" : "profile likelihood (chi-square(1) cutoff)"),
            table.rendered(),
        ]
        if let fit {
            let criterionName = fit.restricted ? "REML criterion" : "deviance"
            lines.append("Mean \(NumberFormatting.significant(fit.mean, 8)) (s.e. \(NumberFormatting.significant(fit.meanStandardError, 5))); "
                         + "\(criterionName) -2 ln L = \(NumberFormatting.significant(fit.criterion, 10))")
            lines.append((fit.converged ? "Converged" : "NOT converged") + " in \(NumberFormatting.counted(fit.iterations, "Newton iteration")); "
                         + "gradient |d(-2 ln L)/d ln variance| at most \(NumberFormatting.significant(fit.gradientNorm, 3))")
        } else {
            lines.append("Mean \(NumberFormatting.significant(sample.mean, 8))")
        }
        var anovaTable = TextTable(headers: ["source", "df", "sum of squares", "mean square", "expected mean square"],
                                   alignments: [.left, .right, .right, .right, .left],
                                   numberStyles: [.init(), .init(digits: 6), .init(digits: 8), .init(digits: 8), .init()])
        for line in anova.lines {
            let ems = zip(sample.levels, line.expectedMeanSquare).filter { $0.1 != 0 }.map { name, c in
                c == 1 ? "V(\(name))" : "\(NumberFormatting.significant(c, 6)) V(\(name))"
            }.reversed().joined(separator: " + ")
            anovaTable.append(cells: [.text(line.level), .number(line.degreesOfFreedom), .number(line.sumOfSquares), .number(line.meanSquare), .text(ems)])
        }
        lines.append("Type I ANOVA:")
        lines.append(anovaTable.rendered())
        for note in a.notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
