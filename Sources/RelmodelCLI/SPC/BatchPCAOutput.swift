import RelmodelNumerics
import RelmodelJSON
import Report
import SPC

/// Renders a multiway PCA monitoring result as text tables or as the JSON document of docs/CLI.md.
struct BatchPCAOutput {
    let file: String
    let monitoring: BatchMonitoring
    var newFile: String? { monitoring.newFile }
    var model: MultiwayPCA { monitoring.model }
    var confidence: Double { monitoring.confidence }
    var limits: [BatchPCALimits] { monitoring.limits }
    var batches: [BatchAssessment] { monitoring.batches }
    var contributions: [BatchContributions?] { monitoring.contributions }
    var retained: [Double] { monitoring.retained }
    var cumulative: [Double] { monitoring.cumulative }
    var constantColumns: [(variable: String, time: Double, column: Int)] { monitoring.constantColumns }

    static func flags(_ b: BatchAssessment) -> String {
        [b.t2AboveLimit ? "T2" : nil, b.speAboveLimit ? "SPE" : nil].compactMap { $0 }.joined(separator: ",")
    }

    func text() -> String {
        let f = { (x: Double) in NumberFormatting.significant(x, 6) }
        var lines: [String] = []
        lines.append("Multiway PCA of \(file): \(NumberFormatting.counted(model.batchCount, "reference batch", plural: "reference batches")), "
            + "\(NumberFormatting.counted(model.variableCount, "variable")) "
            + "(\(model.variables.joined(separator: ", "))) x \(NumberFormatting.counted(model.timeCount, "time point")) = "
            + "\(monitoring.unfoldedColumns) unfolded columns (time-major), rank \(model.rank)")
        switch model.selection {
        case .count: lines.append("\(model.componentCount) component\(model.componentCount == 1 ? "" : "s") (as given)")
        case let .explainedVariance(fraction):
            lines.append("\(model.componentCount) component\(model.componentCount == 1 ? "" : "s") (the fewest explaining at least \(f(fraction)) of the variance)")
        }
        var components = TextTable(headers: ["component", "explained", "cumulative", "score variance"])
        for a in 0..<model.componentCount {
            components.append(cells: [.text(String(a + 1)), .number(retained[a]), .number(cumulative[a]), .number(model.scoreVariances[a])])
        }
        lines.append(components.rendered())
        if !constantColumns.isEmpty {
            lines.append("constant columns (centred only): "
                + constantColumns.map { "\($0.variable) at time \(f($0.time))" }.joined(separator: ", "))
        }
        lines.append("")
        var table = TextTable(headers: ["batch", "phase", "T2", "SPE", "flags"],
                              alignments: [.left, .left, .right, .right, .left])
        for b in batches {
            table.append(cells: [.text(b.statistics.label), .text(b.phase.rawValue), .number(b.statistics.t2), .number(b.statistics.spe),
                                 .text(Self.flags(b))])
        }
        lines.append(table.rendered())
        var summary = "flags against the \(f(confidence)) limits: \(monitoring.flaggedReference) of \(model.batchCount) reference batches"
        if newFile != nil {
            summary += ", \(monitoring.flaggedNew) of \(monitoring.newCount) new batches (\(newFile ?? ""))"
        }
        lines.append(summary)
        lines.append("")
        lines.append("limits: T2 phase I (I-1)^2/I Beta_c(A/2, (I-A-1)/2), phase II A(I^2-1)/(I(I-A)) F_c(A, I-A); SPE g chi2_c(h)")
        var limitTable = TextTable(headers: ["confidence", "T2 phase I", "T2 phase II", "SPE", "g", "h"])
        for l in limits {
            limitTable.append(cells: [l.confidence, l.t2PhaseI, l.t2PhaseII, l.spe, l.speScale, l.speDegreesOfFreedom].map(TextTable.Cell.number))
        }
        lines.append(limitTable.rendered())
        for (index, (b, c)) in zip(batches, contributions).enumerated() {
            guard let c, let shares = monitoring.contributionShares(index) else { continue }
            lines.append("")
            lines.append("contributions of batch \(c.label) (\(Self.flags(b))): by variable, largest SPE first")
            var table = TextTable(headers: ["variable", "SPE", "% of SPE", "T2", "% of T2"], alignments: [.left, .right, .right, .right, .right])
            let order = c.speByVariable.indices.sorted { c.speByVariable[$0] > c.speByVariable[$1] }
            for j in order {
                table.append(cells: [.text(model.variables[j]), .number(c.speByVariable[j]), .number(shares.spe[j]),
                                     .number(c.t2ByVariable[j]), .number(shares.t2[j])])
            }
            lines.append(table.rendered())
            if let peak = monitoring.peakSPE(index) {
                lines.append("largest SPE contribution at time \(f(peak.time)) (\(f(peak.contribution)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The variables' contributions to SPE and T2 of every flagged batch, one row per batch and
    /// variable, as shares of the batch's statistic (so batches of any size compare).
    func contributionChart() -> BarChart {
        var categories: [String] = [], spe: [Double?] = [], t2: [Double?] = []
        for (index, c) in contributions.enumerated() {
            guard let c, let shares = monitoring.contributionShares(index) else { continue }
            for j in model.variables.indices {
                categories.append("\(c.label) \(model.variables[j])")
                spe.append(shares.spe[j])
                t2.append(shares.t2[j])
            }
        }
        let title = categories.isEmpty ? "No batch flagged: no contributions" : "Contributions to SPE and T2 of the flagged batches"
        return BarChart(title: title, valueLabel: "% of the batch's statistic", categories: categories,
                        series: [.init(label: "SPE", values: spe), .init(label: "T2", values: t2)])
    }
}
