#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
import Lifetime
import Report

/// The probability plot of `relmodel fit --plot`: plotting positions, the fitted CDF and its
/// confidence band on the paper that linearises the family.
enum LifetimePlot {
    /// The family's paper (the library's `probabilityScale`) as Report draws it.
    static func paper(_ scale: ProbabilityScale) -> ProbabilityPaper { ProbabilityPaper(rawValue: scale.rawValue) ?? .weibull }

    /// Median ranks (Benard) with Johnson's adjustment; Kaplan-Meier when counts are not whole;
    /// Turnbull's estimate at the ends of its intervals for left- or interval-censored data.
    static func plottingPositions(_ data: LifetimeData) -> (points: [(time: Double, probability: Double)], notes: [String]) {
        if let p = try? PlottingPositions.compute(data, method: .benard) { return (p, []) }
        if let p = try? PlottingPositions.compute(data, method: .kaplanMeier) { return (p, ["Kaplan-Meier plotting positions"]) }
        if let p = try? PlottingPositions.turnbull(data) { return (p, ["Turnbull estimates at the interval ends"]) }
        return ([], ["no plotting positions for these data"])
    }

    /// The band: F bounds = 1 - R bounds on a geometric grid from a third of the shortest time to three
    /// times the longest.
    static func band(_ data: LifetimeData, reliability: (Double) -> BoundedEstimate)
        -> (lower: [(time: Double, probability: Double)], upper: [(time: Double, probability: Double)]) {
        let times = (data.failureTimes + data.suspensionTimes + data.intervalUpperTimes + data.leftCensoredTimes).filter { $0 > 0 }
        var lower: [(time: Double, probability: Double)] = [], upper: [(time: Double, probability: Double)] = []
        guard let first = times.min(), let last = times.max() else { return ([], []) }
        for t in geometricGrid(from: first / 3, to: last * 3, count: 60) {
            let r = reliability(t)
            if let hi = r.bounds.upper { lower.append((t, 1 - hi)) }
            if let lo = r.bounds.lower { upper.append((t, 1 - lo)) }
        }
        return (lower, upper)
    }

    static func svg(_ summary: ModelSummary, data: LifetimeData, options: LifetimeAnalysisOptions, timeLabel: String = "Time") -> String {
        let fit = summary.fit
        let model = fit.model
        let (points, notes) = plottingPositions(data)
        var lower: [(time: Double, probability: Double)] = [], upper: [(time: Double, probability: Double)] = []
        if options.boundsMethod != .bootstrap {
            (lower, upper) = band(data) { fit.reliability(at: $0, bounds: options.boundsMethod, confidence: options.confidence) }
        }
        let parameters = zip(fit.family.parameterNames, fit.parameters)
            .map { "\($0)=\(NumberFormatting.significant($1, 5))" }.joined(separator: ", ")
        var plot = ProbabilityPlot(title: "Probability plot: \(fit.family.displayName)", paper: paper(fit.family.probabilityScale),
                                   points: points, fit: .cdf { model.cdf($0) },
                                   lowerBound: lower.isEmpty ? nil : lower, upperBound: upper.isEmpty ? nil : upper)
        plot.shadesBand = true
        plot.xLabel = timeLabel
        plot.fitLabel = "\(fit.family.rawValue) \(fit.method.rawValue.uppercased()): \(parameters)"
        plot.boundsLabel = lower.isEmpty ? nil : "\(NumberFormatting.significant(options.confidence * 100, 4))% \(options.boundsMethod.rawValue) bounds"
        plot.notes = notes + ["n=\(NumberFormatting.significant(data.unitCount, 7)), failures=\(NumberFormatting.significant(data.failureCount, 7))"]
        return plot.rendered()
    }

    /// The probability plot of a special model (`--dist` naming a catalog family): the fitted CDF with
    /// its Fisher (delta-method) band and, for a mixture, each component's own CDF dotted with its
    /// weight and parameters in the legend. Lognormal-based models on lognormal paper, the others on
    /// Weibull paper.
    static func svg(general fit: ParametricFit, data: LifetimeData, options: LifetimeAnalysisOptions, timeLabel: String = "Time") -> String {
        var (points, notes) = plottingPositions(data)
        let (lower, upper) = band(data) { fit.reliability(at: $0, confidence: options.confidence) }
        let estimates = fit.parameters
        let parameters = fit.reportedParameters(confidence: options.confidence)
            .map { "\($0.name)=\(NumberFormatting.significant($0.estimate.value, 5))" }.joined(separator: ", ")
        var plot = ProbabilityPlot(title: "\(fit.name) probability plot", paper: paper(fit.family.probabilityScale),
                                   points: points, fit: .cdf { fit.cdf($0) },
                                   lowerBound: lower.isEmpty ? nil : lower, upperBound: upper.isEmpty ? nil : upper)
        plot.shadesBand = true
        plot.xLabel = timeLabel
        plot.fitLabel = "\(fit.name) MLE: \(parameters)"
        plot.boundsLabel = lower.isEmpty ? nil : "\(NumberFormatting.significant(options.confidence * 100, 4))% fisher bounds"
        if options.boundsMethod != .fisher { notes.append("band: Fisher (delta-method) bounds") }
        if let mixture = fit.family as? any MixtureComposition {
            // The components' legend lines carry the parameters.
            plot.fitLabel = "\(fit.name) MLE"
            let weights = mixture.weights(estimates)
            plot.componentCurves = (0..<mixture.componentCount).map { c in
                let own = mixture.componentParameters(c, estimates)
                    .map { "\($0.name)=\(NumberFormatting.significant($0.value, 5))" }.joined(separator: ", ")
                let label = "component \(c + 1) (p=\(NumberFormatting.significant(weights[c], 4))): \(own)"
                return (label, .cdf { mixture.componentCDF(c, at: $0, estimates) })
            }
        }
        plot.notes = notes + ["n=\(NumberFormatting.significant(data.unitCount, 7)), failures=\(NumberFormatting.significant(data.failureCount, 7))"]
        return plot.rendered()
    }

}
