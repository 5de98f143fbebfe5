import Lifetime
import Report

/// The human-readable report of `relmodel fit`: the ranked models, then the best model in detail.
enum LifetimeText {
    static func report(_ analysis: LifetimeAnalysis, bLifeKeys: [String], timeKeys: [String]) -> String {
        let options = analysis.options
        let f = { (x: Double?) in NumberFormatting.significant(x, 7) }
        var lines: [String] = []
        lines.append("Input: \(analysis.rows) rows, \(f(analysis.units)) units, \(f(analysis.failures)) failures, \(f(analysis.suspensions)) suspensions")
        lines.append("")
        var ranking = TextTable(headers: ["rank", "distribution", "parameters", "logLik", "AICc", "BIC", "AD", "status"],
                                alignments: [.right, .left, .left, .right, .right, .right, .right, .left])
        for (i, outcome) in analysis.outcomes.enumerated() {
            switch outcome {
            case let .fitted(s):
                let fit = s.fit
                let parameters = zip(fit.family.parameterNames, fit.parameters).map { "\($0)=\(f($1))" }.joined(separator: " ")
                let status = fit.diagnostics.isReliable ? "ok" : (fit.diagnostics.converged ? "Hessian not negative definite" : "NOT CONVERGED")
                ranking.append(["\(i + 1)", fit.family.rawValue, parameters, f(fit.logLikelihood), f(fit.aicc), f(fit.bic),
                                NumberFormatting.significant(fit.andersonDarling, 5), status])
            case let .failed(family, failure):
                ranking.append(["-", family.rawValue, "-", "-", "-", "-", "-", "not fitted: \(failure)"])
            }
        }
        lines.append("Models ranked by \(options.criterion.rawValue) (maximum likelihood):")
        lines.append(ranking.rendered())
        guard let best = analysis.best else {
            lines.append("")
            lines.append("No model could be fitted to these data.")
            return lines.joined(separator: "\n")
        }
        let fit = best.fit
        let percent = NumberFormatting.significant(options.confidence * 100, 6)
        lines.append("")
        lines.append("Best: \(fit.family.rawValue), \(options.boundsMethod == .lr ? "likelihood-ratio" : "Fisher-matrix") bounds, \(percent)% two-sided")
        var detail = TextTable(headers: ["quantity", "estimate", "std. error", "lower", "upper"],
                               alignments: [.left, .right, .right, .right, .right])
        let errors = fit.standardErrors
        for (i, name) in fit.family.parameterNames.enumerated() {
            let b = best.parameterBounds[i]
            detail.append([name, f(fit.parameters[i]), f(errors?[i]), f(b.lower), f(b.upper)])
        }
        detail.append([options.boundsMethod == .fisher ? "MTTF" : "MTTF (Fisher)", f(best.meanTimeToFailure.value), "", f(best.meanTimeToFailure.bounds.lower), f(best.meanTimeToFailure.bounds.upper)])
        for (i, entry) in best.bLives.enumerated() {
            detail.append(["B" + bLifeKeys[i], f(entry.estimate.value), "", f(entry.estimate.bounds.lower), f(entry.estimate.bounds.upper)])
        }
        for (i, entry) in best.reliabilities.enumerated() {
            detail.append(["R(\(timeKeys[i]))", f(entry.estimate.value), "", f(entry.estimate.bounds.lower), f(entry.estimate.bounds.upper)])
        }
        lines.append(detail.rendered())
        let d = fit.diagnostics
        lines.append("")
        lines.append("Diagnostics: \(d.converged ? "converged" : "NOT CONVERGED") in \(d.iterations) iterations, gradient norm \(NumberFormatting.significant(d.gradientNorm, 3)), Hessian \(d.hessianNegativeDefinite ? "negative definite" : "NOT negative definite")")
        for note in d.notes { lines.append("  note: \(note)") }
        lines.append("Log-likelihood \(f(fit.logLikelihood)) (time-scale density), AIC \(f(fit.aic)), AICc \(f(fit.aicc)), BIC \(f(fit.bic)) with n = \(f(fit.sampleSize)) units")
        return lines.joined(separator: "\n")
    }
}
