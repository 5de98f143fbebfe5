import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

extension OCStudy.Chart: ExpressibleByArgument {}

/// `relmodel spc oc`: operating-characteristic curves of Shewhart charts.
struct OCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oc",
        abstract: "Operating-characteristic (OC) curves: probability of not signalling, and the ARL, per shift.",
        discussion: RelmodelHelp.discussion("""
        xbar: --at lists mean shifts in process sigma (subgroups of --n). r, s: --at lists ratios \
        sigma1/sigma0. p: --at lists true fractions nonconforming, with --center p0 and --n the sample \
        size. c: --at lists true mean counts, with --center c0. Limits at +-L sigma (--L, default 3); \
        a point exactly on a limit does not signal.
        """)
    )

    typealias Chart = OCStudy.Chart

    @Option(help: "Chart: xbar, r, s, p or c.")
    var chart: Chart = .xbar

    @Option(help: "Comma-separated points of the curve (see above).")
    var at: String = "0,0.5,1,1.5,2,2.5,3"

    @Option(help: "Subgroup or sample size n.")
    var n: Int = 5

    @Option(help: "Centre line p0 (p chart) or c0 (c chart).")
    var center: Double?

    @Option(name: .customLong("L"), help: "Limit width in sigma.")
    var limitWidth: Double = 3

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
        _ = try SPCDesignArguments.doubles(at, option: "--at")
        if (chart == .p || chart == .c) && center == nil { throw ValidationError("--center is required for the \(chart.rawValue) chart") }
        _ = try study()
    }

    /// The curve, or a usage error for impossible arguments.
    func study() throws -> OCStudy {
        do {
            return try OCStudy(chart, at: try SPCDesignArguments.doubles(at, option: "--at"), subgroupSize: n, limitWidth: limitWidth,
                               center: center)
        } catch let error as ARLError {
            throw SPCDesignArguments.exit(for: error)
        }
    }

    func run() throws {
        let study = try study()
        let label = chart.pointName
        if json {
            writeOutput(study.json.serialized())
        } else {
            var table = TextTable(headers: [label, "beta (no signal)", "P(signal)", "ARL"])
            for entry in study.points {
                table.append(cells: [entry.at, entry.point.beta, entry.point.signalProbability, entry.point.averageRunLength].map(TextTable.Cell.number))
            }
            writeOutput("OC curve of the \(chart.rawValue) chart, n = \(n), limits at \(NumberFormatting.significant(limitWidth, 4)) sigma")
            writeOutput(table.rendered())
        }
    }
}
