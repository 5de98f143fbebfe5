import RelmodelNumerics
import RelmodelJSON
import Lifetime
import Report

/// JSON and text of `relmodel fit FILE --mode COLUMN` (competing risks with known modes).
enum CompetingRisksOutput {
    /// A report per mode (as `fit` prints for one model), then the combined quantities.
    static func report(_ analysis: CompetingRisksAnalysis, keys: LifetimeKeys, input: FailureModeInput) -> String {
        let options = analysis.options
        var lines: [String] = []
        lines.append("Input: " + [NumberFormatting.counted(analysis.rows, "row"), NumberFormatting.counted(analysis.units, "unit"),
                                  NumberFormatting.counted(analysis.failures, "failure"),
                                  NumberFormatting.counted(analysis.suspensions, "suspension")].joined(separator: ", ")
                     + " in \(NumberFormatting.counted(analysis.modes.count, "failure mode"))")
        lines.append(LifetimeText.columnsLine(input.lifetimeInput))
        lines.append("Each mode is fitted as \(analysis.familyName) with every other mode's failures and all survivors as suspensions.")
        for mode in analysis.modes {
            lines.append("")
            lines.append("== mode \(mode.name) ==")
            lines.append(mode.analysis.map { LifetimeText.report($0, keys: keys) } ?? ComparisonOutput.report(mode.comparison, keys: keys))
        }
        lines.append("")
        let percent = NumberFormatting.significant(options.confidence * 100, 6)
        let sideText = options.sides == .two ? "two-sided" : "one-sided \(options.sides.rawValue)"
        lines.append("== combined: series system of \(analysis.modes.map(\.name).joined(separator: ", ")) ==")
        guard let c = analysis.combined else {
            lines.append("Not computed: \(analysis.combinedUnavailable ?? "no mode could be fitted").")
            return lines.joined(separator: "\n")
        }
        lines.append("R(t) = product of the modes' reliabilities, h(t) = sum of their hazards; Fisher bounds, \(percent)% \(sideText) (block-diagonal covariance of the modes)")
        var table = TextTable(headers: ["quantity", "estimate", "lower", "upper"], alignments: [.left, .right, .right, .right])
        func row(_ label: String, _ e: BoundedEstimate) {
            let numbers = NumberFormatting.column([e.value, e.bounds.lower, e.bounds.upper], digits: 7)
            table.append([label, numbers[0], numbers[1], numbers[2]])
        }
        for (i, entry) in c.bLives.enumerated() { row("B" + keys.bLives[i], entry.estimate) }
        for (i, entry) in c.reliabilities.enumerated() { row("R(\(keys.times[i]))", entry.estimate) }
        for (i, entry) in c.hazards.enumerated() { row("h(\(keys.times[i]))", entry.estimate) }
        lines.append(table.rendered())
        let notes = Set((c.bLives.map(\.estimate) + c.reliabilities.map(\.estimate) + c.hazards.map(\.estimate)).flatMap(\.bounds.notes))
        for note in notes.sorted() { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
