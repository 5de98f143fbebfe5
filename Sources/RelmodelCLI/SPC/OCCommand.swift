import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

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

    enum Chart: String, ExpressibleByArgument, CaseIterable { case xbar, r, s, p, c }

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
        _ = try points()
    }

    /// The curve, or a usage error for impossible arguments.
    func points() throws -> [(x: Double, point: OCPoint)] {
        do {
            return try SPCDesignArguments.doubles(at, option: "--at").map { x throws(ARLError) in
                switch chart {
                case .xbar: (x, try OCCurve.xbar(shift: x, subgroupSize: n, limitWidth: limitWidth))
                case .r: (x, try OCCurve.range(ratio: x, subgroupSize: n, limitWidth: limitWidth))
                case .s: (x, try OCCurve.standardDeviation(ratio: x, subgroupSize: n, limitWidth: limitWidth))
                case .p: (x, try OCCurve.proportion(x, center: center ?? 0, sampleSize: n, limitWidth: limitWidth))
                case .c: (x, try OCCurve.count(mean: x, center: center ?? 0, limitWidth: limitWidth))
                }
            }
        } catch let error as ARLError {
            throw SPCDesignArguments.exit(for: error)
        }
    }

    func run() throws {
        let curve = try points()
        let label = ["xbar": "shift", "r": "ratio", "s": "ratio", "p": "proportion", "c": "mean"][chart.rawValue]!
        if json {
            var members: [(String, JSONValue)] = [("chart", .string(chart.rawValue)), ("n", .number(Double(n))), ("L", .number(limitWidth))]
            if let center { members.append(("center", .number(center))) }
            members.append(("oc", .array(curve.map { entry in
                .object([(label, .number(entry.x)), ("beta", .number(entry.point.beta)),
                         ("signalProbability", .number(entry.point.signalProbability)),
                         ("arl", .number(entry.point.averageRunLength))])
            })))
            print(JSONValue.object(members).serialized())
        } else {
            var table = TextTable(headers: [label, "beta (no signal)", "P(signal)", "ARL"])
            for entry in curve {
                table.append(cells: [entry.x, entry.point.beta, entry.point.signalProbability, entry.point.averageRunLength].map(TextTable.Cell.number))
            }
            print("OC curve of the \(chart.rawValue) chart, n = \(n), limits at \(NumberFormatting.significant(limitWidth, 4)) sigma")
            print(table.rendered())
        }
    }
}
