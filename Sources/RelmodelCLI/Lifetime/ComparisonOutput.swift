import RelmodelNumerics
import RelmodelJSON
import Lifetime
import Report

/// JSON and text of `relmodel fit` when `--dist` names general-core families (`FamilyCatalog`): the same
/// document and report as for the standard families, with both kinds ranked together.
enum ComparisonOutput {
    /// The ranking of every model, then the best one in detail (as `LifetimeText.report`).
    static func report(_ comparison: ModelComparison, keys: LifetimeKeys, input: LifetimeInput? = nil) -> String {
        let options = comparison.options
        let f = { (x: Double?) in NumberFormatting.significant(x, 7) }
        var lines: [String] = []
        lines.append("Input: " + [NumberFormatting.counted(comparison.rows, "row"), NumberFormatting.counted(comparison.units, "unit"),
                                  NumberFormatting.counted(comparison.failures, "failure"),
                                  NumberFormatting.counted(comparison.suspensions, "suspension")].joined(separator: ", "))
        if let input { lines.append(LifetimeText.columnsLine(input)) }
        lines.append("")
        let likelihood = TextTable.NumberStyle(digits: 7, minimumDecimals: 2)
        var ranking = TextTable(headers: ["rank", "distribution", "parameters", "logLik", "AICc", "BIC", "AD", "status"],
                                alignments: [.right, .left, .left, .right, .right, .right, .right, .left],
                                numberStyles: [.init(), .init(), .init(), likelihood, likelihood, likelihood, .init(digits: 5), .init()])
        var degenerate: [String] = []
        for (i, model) in comparison.ranked.enumerated() {
            switch model {
            case let .standard(.fitted(s)):
                let fit = s.fit
                let parameters = zip(fit.family.parameterNames, fit.parameters).map { "\($0)=\(f($1))" }.joined(separator: " ")
                ranking.append(cells: [.text("\(i + 1)"), .text(fit.family.rawValue), .text(parameters), .number(fit.logLikelihood),
                                       .number(fit.aicc), .number(fit.bic), .number(fit.andersonDarling), .text(LifetimeText.status(fit.diagnostics))])
            case let .standard(.failed(family, failure)):
                ranking.append(["-", family.rawValue, "-", "-", "-", "-", "-", "not fitted: \(failure)"])
            case let .general(.fitted(s)):
                let fit = s.fit, d = fit.diagnostics
                // A degenerate fit's numbers are not an estimate: none are shown, only the reason.
                let parameters = d.degenerate ? "-" : s.reported.map { "\($0.parameter.name)=\(f($0.parameter.estimate.value))" }.joined(separator: " ")
                let status = d.degenerate ? "degenerate: no interior maximum" : LifetimeText.status(d)
                if d.degenerate { degenerate.append("\(fit.name): " + d.notes.joined(separator: "; ")) }
                ranking.append(cells: [.text("\(i + 1)"), .text(fit.name), .text(parameters), .number(fit.logLikelihood),
                                       .number(fit.aicc), .number(fit.bic), .text("-"), .text(status)])
            case let .general(.failed(name, failure)):
                ranking.append(["-", name, "-", "-", "-", "-", "-", "not fitted: \(failure)"])
            }
        }
        lines.append("Models ranked by \(options.criterion.rawValue) (maximum likelihood):")
        lines.append(ranking.rendered())
        for reason in degenerate { lines.append("  \(reason)") }
        switch comparison.best {
        case let .standard(.fitted(best))?:
            lines.append("")
            lines += LifetimeText.detail(best, options: options, keys: keys)
        case let .general(.fitted(best))?:
            lines.append("")
            lines += generalDetail(best, options: options, keys: keys)
        default:
            lines.append("")
            lines.append("No model could be fitted to these data.")
        }
        return lines.joined(separator: "\n")
    }

    static func generalDetail(_ best: GeneralModelSummary, options: LifetimeAnalysisOptions, keys: LifetimeKeys) -> [String] {
        let fit = best.fit, d = fit.diagnostics
        let percent = NumberFormatting.significant(options.confidence * 100, 6)
        let sideText = options.sides == .two ? "two-sided" : "one-sided \(options.sides.rawValue)"
        let method = options.boundsMethod == .lr ? "likelihood-ratio bounds on parameters, B-lives and reliability, Fisher-matrix bounds otherwise" : "Fisher-matrix bounds"
        var lines = ["Best: \(fit.name), \(method), \(percent)% \(sideText)"]
        var detail = TextTable(headers: ["quantity", "estimate", "std. error", "lower", "upper"],
                               alignments: [.left, .right, .right, .right, .right])
        func row(_ label: String, _ estimate: Double?, _ error: Double??, _ lower: Double?, _ upper: Double?) {
            let numbers = NumberFormatting.column([estimate, error ?? nil, lower, upper], digits: 7)
            detail.append([label, numbers[0], error == nil ? "" : numbers[1], numbers[2], numbers[3]])
        }
        for r in best.reported {
            row(r.parameter.name, r.parameter.estimate.value, Optional(r.standardError), r.parameter.estimate.bounds.lower, r.parameter.estimate.bounds.upper)
        }
        func add(_ label: String, _ e: BoundedEstimate) { row(label, e.value, nil, e.bounds.lower, e.bounds.upper) }
        for (i, entry) in best.bLives.enumerated() { add("B" + keys.bLives[i], entry.estimate) }
        for (i, entry) in best.reliabilities.enumerated() { add("R(\(keys.times[i]))", entry.estimate) }
        for (i, entry) in best.hazards.enumerated() { add("h(\(keys.times[i]))", entry.estimate) }
        for (i, entry) in best.conditionalReliabilities.enumerated() { add("R(\(keys.conditional[i]))", entry.estimate) }
        lines.append(detail.rendered())
        lines.append("")
        lines.append("Diagnostics: \(d.converged ? "converged" : "NOT CONVERGED") in \(NumberFormatting.counted(d.iterations, "iteration")), gradient norm \(NumberFormatting.significant(d.gradientNorm, 3)), Hessian \(d.hessianNegativeDefinite ? "negative definite" : "NOT negative definite"); \(fit.startsReachingMaximum) of \(NumberFormatting.counted(fit.starts, "starting point")) reached this maximum")
        for note in d.notes { lines.append("  note: \(note)") }
        let criteria = NumberFormatting.column([fit.logLikelihood, fit.aic, fit.aicc, fit.bic], digits: 7, minimumDecimals: 2)
        lines.append("Log-likelihood \(criteria[0]) (time-scale density), AIC \(criteria[1]), AICc \(criteria[2]), BIC \(criteria[3]) with n = \(NumberFormatting.counted(fit.sampleSize, "unit"))")
        return lines
    }
}
