import RelmodelNumerics
import Lifetime
import Report

/// The human-readable report of `relmodel fit`: the ranked models, then the best model in detail.
enum LifetimeText {
    static func boundsName(_ method: BoundsMethod) -> String {
        switch method {
        case .fisher: "Fisher-matrix"
        case .lr: "likelihood-ratio"
        case .bootstrap: "parametric-bootstrap"
        }
    }

    /// Which header columns were read, in which role, and which were not: a mis-mapped file shows here.
    static func columnsLine(_ input: LifetimeInput) -> String {
        let used = input.usedColumns.map { $0.role == $0.name.lowercased() ? $0.name : "\($0.role)=\($0.name)" }
        let unused = input.unusedColumns.isEmpty ? "" : "; not read: " + input.unusedColumns.joined(separator: ", ")
        return "Columns: " + used.joined(separator: ", ") + unused
    }

    /// The ranking table's status, in words: why a model is not a proper fit, or "ok".
    static func status(_ d: FitDiagnostics) -> String {
        if !d.converged { return "NOT CONVERGED" }
        if let fallback = d.fallback { return "degenerate: \(fallback)" }
        if d.degenerate { return "degenerate: no maximum" }
        if !d.hessianNegativeDefinite { return "Hessian not negative definite" }
        if d.extrapolated { return "ok, but extrapolates far beyond the data" }
        return "ok"
    }

    static func report(_ analysis: LifetimeAnalysis, keys: LifetimeKeys, input: LifetimeInput? = nil) -> String {
        let options = analysis.options
        let f = { (x: Double?) in NumberFormatting.significant(x, 7) }
        var lines: [String] = []
        lines.append("Input: " + [NumberFormatting.counted(analysis.rows, "row"), NumberFormatting.counted(analysis.units, "unit"),
                                  NumberFormatting.counted(analysis.failures, "failure"),
                                  NumberFormatting.counted(analysis.suspensions, "suspension")].joined(separator: ", "))
        if let input { lines.append(columnsLine(input)) }
        lines.append("")
        // Likelihood columns: two decimals at least, so models stay apart at a million units (values ~1e7).
        let likelihood = TextTable.NumberStyle(digits: 7, minimumDecimals: 2)
        var ranking = TextTable(headers: ["rank", "distribution", "parameters", "logLik", "AICc", "BIC", "AD", "status"],
                                alignments: [.right, .left, .left, .right, .right, .right, .right, .left],
                                numberStyles: [.init(), .init(), .init(), likelihood, likelihood, likelihood, .init(digits: 5), .init()])
        for (i, outcome) in analysis.outcomes.enumerated() {
            switch outcome {
            case let .fitted(s):
                let fit = s.fit
                let parameters = zip(fit.family.parameterNames, fit.parameters).map { "\($0)=\(f($1))" }.joined(separator: " ")
                let status = Self.status(fit.diagnostics)
                ranking.append(cells: [.text("\(i + 1)"), .text(fit.family.rawValue), .text(parameters), .number(fit.logLikelihood),
                                       .number(fit.aicc), .number(fit.bic), .number(fit.andersonDarling), .text(status)])
            case let .failed(family, failure):
                ranking.append(["-", family.rawValue, "-", "-", "-", "-", "-", "not fitted: \(failure)"])
            }
        }
        let methodName = options.method == .mle ? "maximum likelihood" : "rank regression \(options.method.rawValue.uppercased()); log-likelihood at the regression estimate"
        lines.append("Models ranked by \(options.criterion.rawValue) (\(methodName)):")
        lines.append(ranking.rendered())
        if let w = analysis.weibayes {
            lines.append("")
            lines.append("Weibayes (known shape \(f(w.shape))): eta >= \(f(w.etaLowerBound)) with \(NumberFormatting.significant(options.confidence * 100, 6))% confidence (one-sided)")
        }
        guard let best = analysis.best else {
            lines.append("")
            lines.append("No model could be fitted to these data.")
            return lines.joined(separator: "\n")
        }
        lines += detail(best, options: options, keys: keys)
        return lines.joined(separator: "\n")
    }

    /// The best model in detail: parameters and quantities with bounds, diagnostics and criteria.
    static func detail(_ best: ModelSummary, options: LifetimeAnalysisOptions, keys: LifetimeKeys) -> [String] {
        var lines: [String] = []
        let fit = best.fit
        let percent = NumberFormatting.significant(options.confidence * 100, 6)
        lines.append("")
        let sideText = options.sides == .two ? "two-sided" : "one-sided \(options.sides.rawValue)"
        lines.append("Best: \(fit.family.rawValue)\(fit.fixed.isEmpty ? "" : " (fixed: " + fit.fixed.names(for: fit.family).joined(separator: ", ") + ")"), \(Self.boundsName(options.boundsMethod)) bounds, \(percent)% \(sideText)")
        var detail = TextTable(headers: ["quantity", "estimate", "std. error", "lower", "upper"],
                               alignments: [.left, .right, .right, .right, .right])
        let errors = fit.standardErrors
        let fixedNames = fit.fixed.names(for: fit.family)
        // Each row is one quantity: its estimate, standard error and bounds share one number of decimals.
        func row(_ label: String, _ estimate: Double?, _ error: Double??, _ lower: Double?, _ upper: Double?) {
            let numbers = NumberFormatting.column([estimate, error ?? nil, lower, upper], digits: 7)
            detail.append([label, numbers[0], error == nil ? "" : numbers[1], numbers[2], numbers[3]])
        }
        for (i, name) in fit.family.parameterNames.enumerated() {
            let b = best.parameterBounds[i]
            if fixedNames.contains(name) {
                let numbers = NumberFormatting.column([fit.parameters[i], b.lower, b.upper] as [Double?], digits: 7)
                detail.append([name, numbers[0], "fixed", numbers[1], numbers[2]])
            } else {
                row(name, fit.parameters[i], Optional(errors?[i]), b.lower, b.upper)
            }
        }
        let mttf = best.meanTimeToFailure
        row(options.boundsMethod == .lr ? "MTTF (Fisher)" : "MTTF", mttf.value, nil, mttf.bounds.lower, mttf.bounds.upper)
        func add(_ label: String, _ e: BoundedEstimate) {
            row(label, e.value, nil, e.bounds.lower, e.bounds.upper)
        }
        for (i, entry) in best.bLives.enumerated() { add("B" + keys.bLives[i], entry.estimate) }
        for (i, entry) in best.reliabilities.enumerated() { add("R(\(keys.times[i]))", entry.estimate) }
        let fisherOnly = options.boundsMethod == .lr ? " (Fisher)" : ""
        for (i, entry) in best.hazards.enumerated() { add("h(\(keys.times[i]))\(fisherOnly)", entry.estimate) }
        for (i, entry) in best.conditionalReliabilities.enumerated() { add("R(\(keys.conditional[i]))\(fisherOnly)", entry.estimate) }
        for (i, entry) in best.meanResidualLives.enumerated() { add("MRL(\(keys.residualLifeAges[i]))\(fisherOnly)", entry.estimate) }
        lines.append(detail.rendered())
        let d = fit.diagnostics
        lines.append("")
        let how = d.converged && d.iterations == 0 ? "closed form" : "\(d.converged ? "converged" : "NOT CONVERGED") in \(NumberFormatting.counted(d.iterations, "iteration"))"
        lines.append("Diagnostics: \(how), gradient norm \(NumberFormatting.significant(d.gradientNorm, 3)), Hessian \(d.hessianNegativeDefinite ? "negative definite" : "NOT negative definite")")
        for note in d.notes { lines.append("  note: \(note)") }
        if d.degenerate {
            lines.append("  WARNING: degenerate fit: the likelihood has no proper maximum; the estimate is \(d.fallback ?? "not a maximum") (ranked below every proper fit)")
        } else if d.likelihoodUnbounded {
            lines.append("  WARNING: the likelihood is unbounded; the estimate is the documented fallback above")
        }
        if d.extrapolated { lines.append("  WARNING: the fit extrapolates far beyond the data (see the note above)") }
        let criteria = NumberFormatting.column([fit.logLikelihood, fit.aic, fit.aicc, fit.bic], digits: 7, minimumDecimals: 2)
        lines.append("Log-likelihood \(criteria[0]) (time-scale density), AIC \(criteria[1]), AICc \(criteria[2]), BIC \(criteria[3]) with n = \(NumberFormatting.counted(fit.sampleSize, "unit"))")
        return lines
    }
}

/// The labels of the asked-for quantities (the library's: numbers in shortest plain form).
typealias LifetimeKeys = QuantityLabels
