import RelmodelNumerics
import RelmodelJSON
import Report
import SPC

/// Renders a multiway PCA monitoring result as text tables or as the JSON document of docs/CLI.md.
struct BatchPCAOutput {
    let file: String
    let newFile: String?
    let model: MultiwayPCA
    let confidence: Double
    let limits: [BatchPCALimits]
    let batches: [BatchAssessment]
    /// Per batch (aligned with `batches`): its contributions when it is flagged, else nil.
    let contributions: [BatchContributions?]

    var retained: [Double] { Array(model.explainedVariance.prefix(model.componentCount)) }
    var cumulative: [Double] { retained.indices.map { retained[0...$0].reduce(0, +) } }

    /// (variable, time, unfolded column) of every constant column.
    var constantColumns: [(variable: String, time: Double, column: Int)] {
        model.scaling.constantColumns.map { c in
            (model.variables[c % model.variableCount], model.times[c / model.variableCount], c)
        }
    }

    static func flags(_ b: BatchAssessment) -> String {
        [b.t2AboveLimit ? "T2" : nil, b.speAboveLimit ? "SPE" : nil].compactMap { $0 }.joined(separator: ",")
    }

    func text() -> String {
        let f = { (x: Double) in NumberFormatting.significant(x, 6) }
        var lines: [String] = []
        lines.append("Multiway PCA of \(file): \(NumberFormatting.counted(model.batchCount, "reference batch", plural: "reference batches")), "
            + "\(NumberFormatting.counted(model.variableCount, "variable")) "
            + "(\(model.variables.joined(separator: ", "))) x \(NumberFormatting.counted(model.timeCount, "time point")) = "
            + "\(model.variableCount * model.timeCount) unfolded columns (time-major), rank \(model.rank)")
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
        let flaggedI = batches.filter { $0.phase == .estimation && ($0.t2AboveLimit || $0.speAboveLimit) }.count
        let newCount = batches.filter { $0.phase == .monitoring }.count
        var summary = "flags against the \(f(confidence)) limits: \(flaggedI) of \(model.batchCount) reference batches"
        if newFile != nil {
            let flaggedII = batches.filter { $0.phase == .monitoring && ($0.t2AboveLimit || $0.speAboveLimit) }.count
            summary += ", \(flaggedII) of \(newCount) new batches (\(newFile ?? ""))"
        }
        lines.append(summary)
        lines.append("")
        lines.append("limits: T2 phase I (I-1)^2/I Beta_c(A/2, (I-A-1)/2), phase II A(I^2-1)/(I(I-A)) F_c(A, I-A); SPE g chi2_c(h)")
        var limitTable = TextTable(headers: ["confidence", "T2 phase I", "T2 phase II", "SPE", "g", "h"])
        for l in limits {
            limitTable.append(cells: [l.confidence, l.t2PhaseI, l.t2PhaseII, l.spe, l.speScale, l.speDegreesOfFreedom].map(TextTable.Cell.number))
        }
        lines.append(limitTable.rendered())
        for (b, c) in zip(batches, contributions) {
            guard let c else { continue }
            lines.append("")
            lines.append("contributions of batch \(c.label) (\(Self.flags(b))): by variable, largest SPE first")
            var table = TextTable(headers: ["variable", "SPE", "% of SPE", "T2", "% of T2"], alignments: [.left, .right, .right, .right, .right])
            let order = c.speByVariable.indices.sorted { c.speByVariable[$0] > c.speByVariable[$1] }
            for j in order {
                table.append(cells: [.text(model.variables[j]), .number(c.speByVariable[j]), .number(100 * c.speByVariable[j] / b.statistics.spe),
                                     .number(c.t2ByVariable[j]), .number(100 * c.t2ByVariable[j] / b.statistics.t2)])
            }
            lines.append(table.rendered())
            let peak = c.speByTime.indices.max { c.speByTime[$0] < c.speByTime[$1] }!
            lines.append("largest SPE contribution at time \(f(model.times[peak])) (\(f(c.speByTime[peak])))")
        }
        return lines.joined(separator: "\n")
    }

    /// The variables' contributions to SPE and T2 of every flagged batch, one row per batch and
    /// variable, as shares of the batch's statistic (so batches of any size compare).
    func contributionChart() -> BarChart {
        var categories: [String] = [], spe: [Double?] = [], t2: [Double?] = []
        for (b, c) in zip(batches, contributions) {
            guard let c else { continue }
            for j in model.variables.indices {
                categories.append("\(c.label) \(model.variables[j])")
                spe.append(100 * c.speByVariable[j] / b.statistics.spe)
                t2.append(100 * c.t2ByVariable[j] / b.statistics.t2)
            }
        }
        let title = categories.isEmpty ? "No batch flagged: no contributions" : "Contributions to SPE and T2 of the flagged batches"
        return BarChart(title: title, valueLabel: "% of the batch's statistic", categories: categories,
                        series: [.init(label: "SPE", values: spe), .init(label: "T2", values: t2)])
    }

    func document() -> JSONValue {
        var members: [(String, JSONValue)] = [("command", .string("batch-pca")), ("file", .string(file))]
        if let newFile { members.append(("newFile", .string(newFile))) }
        members.append(("input", .object([
            ("batches", .number(Double(model.batchCount))),
            ("variables", .array(model.variables.map(JSONValue.string))),
            ("timePoints", .number(Double(model.timeCount))),
            ("times", .array(model.times.map { .number($0) })),
            ("unfoldedColumns", .number(Double(model.variableCount * model.timeCount))),
            ("unfolding", .string("time-major: column k*J + j")),
        ])))
        members.append(("components", .number(Double(model.componentCount))))
        switch model.selection {
        case .count: members.append(("selection", .object([("method", .string("count"))])))
        case let .explainedVariance(fraction):
            members.append(("selection", .object([("method", .string("explainedVariance")), ("fraction", .number(fraction))])))
        }
        members += [
            ("rank", .number(Double(model.rank))),
            ("explainedVariance", .array(retained.map { .number($0) })),
            ("cumulativeExplainedVariance", .array(cumulative.map { .number($0) })),
            ("scoreVariances", .array(model.scoreVariances.map { .number($0) })),
            ("constantColumns", .array(constantColumns.map {
                .object([("variable", .string($0.variable)), ("time", .number($0.time)), ("column", .number(Double($0.column)))])
            })),
            ("confidence", .number(confidence)),
            ("limits", .array(limits.map { l in
                .object([("confidence", .number(l.confidence)), ("t2PhaseI", .number(l.t2PhaseI)),
                         ("t2PhaseII", .number(l.t2PhaseII)), ("spe", .number(l.spe)),
                         ("speScale", .number(l.speScale)), ("speDegreesOfFreedom", .number(l.speDegreesOfFreedom))])
            })),
            ("batches", .array(zip(batches, contributions).map { b, c in
                var fields: [(String, JSONValue)] = [
                    ("batch", .string(b.statistics.label)), ("phase", .string(b.phase.rawValue)),
                    ("t2", .number(b.statistics.t2)), ("spe", .number(b.statistics.spe)),
                    ("scores", .array(b.statistics.scores.map { .number($0) })),
                    ("t2Limit", .number(b.t2Limit)), ("speLimit", .number(b.speLimit)),
                    ("t2AboveLimit", .bool(b.t2AboveLimit)), ("speAboveLimit", .bool(b.speAboveLimit)),
                ]
                if let c {
                    func byVariable(_ v: [Double]) -> JSONValue { .object(zip(model.variables, v).map { ($0, .number($1)) }) }
                    fields.append(("contributions", .object([
                        ("spe", .object([("variables", byVariable(c.speByVariable)), ("times", .array(c.speByTime.map { .number($0) }))])),
                        ("t2", .object([("variables", byVariable(c.t2ByVariable)), ("times", .array(c.t2ByTime.map { .number($0) }))])),
                    ])))
                }
                return .object(fields)
            })),
        ]
        return .object(members)
    }
}
