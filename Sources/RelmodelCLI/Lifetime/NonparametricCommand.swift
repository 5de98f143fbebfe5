import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Lifetime
import Report

extension KaplanMeier.BoundsTransform: ExpressibleByArgument {}

/// `relmodel nonparametric FILE`: Kaplan-Meier, Nelson-Aalen or Turnbull estimates as a table or JSON.
struct NonparametricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nonparametric",
        abstract: "Nonparametric estimates: Kaplan-Meier, Nelson-Aalen or Turnbull.",
        discussion: RelmodelHelp.discussion("""
        FILE is read as by `relmodel fit`. km (Kaplan-Meier survival with Greenwood standard errors) and \
        na (Nelson-Aalen cumulative hazard, variance sum d/n^2, log-transformed bounds) need exact and \
        right-censored data; at equal times failures come before suspensions. turnbull (NPMLE by \
        self-consistency) also takes left- and interval-censored data; an interval upper end of null \
        in JSON is +infinity. Left- or interval-censored data \
        for km and na are a data error.
        """)
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case km, na, turnbull
    }

    typealias KMBounds = KaplanMeier.BoundsTransform

    @Argument(help: "CSV file of lifetimes, or - for standard input.")
    var file: String

    @Option(help: "Estimator: km (Kaplan-Meier), na (Nelson-Aalen), turnbull.")
    var method: Method = .km

    @Option(help: "Two-sided confidence level of the bounds, in (0, 1).")
    var confidence: Double = 0.95

    @Option(name: .customLong("km-bounds"), help: "Kaplan-Meier bounds: log-log or plain (linear, clipped to [0, 1]).")
    var kmBounds: KMBounds = .logLog

    @Option(help: "Turnbull: stop when no mass changes by more than this in one iteration.")
    var tolerance: Double = 1e-10

    @Option(name: .customLong("max-iterations"), help: "Turnbull: give up (reported as not converged) after this many iterations.")
    var maxIterations: Int = 100_000

    @OptionGroup var columnOptions: LifetimeColumnOptions

    @Flag(help: "Print one JSON document instead of a table.")
    var json = false

    func validate() throws {
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must be in (0, 1), got \(confidence)")
        }
        guard tolerance > 0 && tolerance.isFinite else { throw ValidationError("--tolerance must be positive, got \(tolerance)") }
        guard maxIterations > 0 else { throw ValidationError("--max-iterations must be positive, got \(maxIterations)") }
    }

    func run() throws {
        let input = try readLifetimeInput(file, columns: try columnOptions.columns())
        do {
            switch method {
            case .km: writeOutput(render(try KaplanMeier(input.data, confidence: confidence)))
            case .na: writeOutput(render(try NelsonAalen(input.data, confidence: confidence)))
            case .turnbull:
                let estimate = try Turnbull(input.data, tolerance: tolerance, maxIterations: maxIterations)
                writeOutput(render(estimate))
                if !estimate.converged {
                    printError("Turnbull: not converged after \(NumberFormatting.counted(estimate.iterations, "iteration")) (last change \(NumberFormatting.significant(estimate.lastChange, 3)); \(estimate.stoppedBy ?? "stopped"))")
                }
            }
        } catch {
            printError("\(file): \(error)")
            if case .numericalFailure = error { throw ExitCode(70) }
            throw ExitCode(65)
        }
    }

    private static func f(_ x: Double?) -> String { NumberFormatting.significant(x, 7) }

    /// Seven significant digits for the largest value of each column, one number of decimals per column.
    private static func styles(_ count: Int) -> [TextTable.NumberStyle] { Array(repeating: .init(digits: 7), count: count) }

    private func render(_ km: KaplanMeier) -> String {
        let bounds = { (s: KaplanMeier.Step) in kmBounds == .plain ? s.plainBounds : s.logLogBounds }
        if json { return km.json(bounds: kmBounds).serialized() }
        var table = TextTable(headers: ["time", "at risk", "failures", "survival", "std. error", "lower", "upper"],
                              alignments: Array(repeating: .right, count: 7), numberStyles: Self.styles(7))
        for s in km.steps {
            table.append(cells: [s.time, s.atRisk, s.failures, s.survival, s.standardError, bounds(s).lower, bounds(s).upper].map(TextTable.Cell.number))
        }
        return "Kaplan-Meier survival, \(NumberFormatting.counted(km.unitCount, "unit")), Greenwood standard errors, "
            + "\(kmBounds.rawValue) bounds \(Self.percent(confidence)) two-sided\n" + table.rendered()
    }

    private func render(_ na: NelsonAalen) -> String {
        if json { return na.json.serialized() }
        var table = TextTable(headers: ["time", "at risk", "failures", "cum. hazard", "std. error", "lower", "upper", "exp(-H)"],
                              alignments: Array(repeating: .right, count: 8), numberStyles: Self.styles(8))
        for s in na.steps {
            table.append(cells: [s.time, s.atRisk, s.failures, s.cumulativeHazard, s.standardError,
                                 s.bounds.lower, s.bounds.upper, s.survival].map(TextTable.Cell.number))
        }
        return "Nelson-Aalen cumulative hazard, \(NumberFormatting.counted(na.unitCount, "unit")), variance sum d/n^2, "
            + "log-transformed bounds \(Self.percent(confidence)) two-sided\n" + table.rendered()
    }

    private func render(_ t: Turnbull) -> String {
        if json { return t.json.serialized() }
        var table = TextTable(headers: ["interval", "mass", "survival after"], alignments: [.left, .right, .right],
                              numberStyles: Self.styles(3))
        for i in t.intervals {
            let name = i.isPoint ? "[\(Self.f(i.lower))]" : "(\(Self.f(i.lower)), \(Self.f(i.upper))\(i.upper.isFinite ? "]" : ")")"
            table.append(cells: [.text(name), .number(i.mass), .number(i.survivalAfter)])
        }
        let status = t.converged ? "converged" : "NOT CONVERGED"
        return "Turnbull NPMLE, \(NumberFormatting.counted(t.unitCount, "unit")), "
            + "\(NumberFormatting.counted(t.intervals.count, "innermost interval")), \(status) in "
            + "\(NumberFormatting.counted(t.iterations, "iteration")) (tolerance \(NumberFormatting.significant(t.tolerance, 3)), "
            + "KKT excess \(NumberFormatting.significant(t.kktExcess, 3)))\n" + table.rendered()
    }

    private static func percent(_ c: Double) -> String { NumberFormatting.significant(c * 100, 6) + "%" }
}
