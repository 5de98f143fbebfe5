#if canImport(Glibc)
import Glibc
#endif
import Lifetime
import Report

/// The probability plot of `relmodel fit --plot`: plotting positions, the fitted CDF and its
/// confidence band on the paper that linearises the family.
enum LifetimePlot {
    static func paper(for family: LifetimeFamily) -> ProbabilityPaper {
        switch family {
        case .lognormal2p, .lognormal3p: .lognormal
        case .exponential1p, .exponential2p: .exponential
        case .normal, .gumbel: .normal
        default: .weibull
        }
    }

    static func svg(_ summary: ModelSummary, data: LifetimeData, options: LifetimeAnalysisOptions) -> String {
        let fit = summary.fit
        let model = fit.model
        var notes: [String] = []
        // Median ranks (Benard) with Johnson's adjustment; Kaplan-Meier when counts are not whole.
        let points: [(time: Double, probability: Double)]
        if let p = try? PlottingPositions.compute(data, method: .benard) {
            points = p
        } else if let p = try? PlottingPositions.compute(data, method: .kaplanMeier) {
            points = p
            notes.append("Kaplan-Meier plotting positions")
        } else {
            points = []
            notes.append("no plotting positions for left- or interval-censored data")
        }
        // The band: F bounds = 1 - R bounds on a geometric grid over the data's range.
        let times = (data.failureTimes + data.suspensionTimes + data.intervalUpperTimes + data.leftCensoredTimes).filter { $0 > 0 }
        var lower: [(time: Double, probability: Double)] = [], upper: [(time: Double, probability: Double)] = []
        if let first = times.min(), let last = times.max(), options.boundsMethod != .bootstrap {
            let from = first / 3, to = last * 3
            for i in 0...60 {
                let t = from * pow10(log10(to / from) * Double(i) / 60)
                let r = fit.reliability(at: t, bounds: options.boundsMethod, confidence: options.confidence)
                if let hi = r.bounds.upper { lower.append((t, 1 - hi)) }
                if let lo = r.bounds.lower { upper.append((t, 1 - lo)) }
            }
        }
        let parameters = zip(fit.family.parameterNames, fit.parameters)
            .map { "\($0)=\(NumberFormatting.significant($1, 5))" }.joined(separator: ", ")
        var plot = ProbabilityPlot(title: "\(fit.family.rawValue) probability plot", paper: paper(for: fit.family),
                                   points: points, fit: .cdf { model.cdf($0) },
                                   lowerBound: lower.isEmpty ? nil : lower, upperBound: upper.isEmpty ? nil : upper)
        plot.shadesBand = true
        plot.fitLabel = "\(fit.family.rawValue) \(fit.method.rawValue.uppercased()): \(parameters)"
        plot.boundsLabel = lower.isEmpty ? nil : "\(NumberFormatting.significant(options.confidence * 100, 4))% \(options.boundsMethod.rawValue) bounds"
        plot.notes = notes + ["n=\(NumberFormatting.significant(data.unitCount, 7)), failures=\(NumberFormatting.significant(data.failureCount, 7))"]
        return plot.rendered()
    }

    /// 10^x without Foundation.
    private static func pow10(_ x: Double) -> Double { exp(x * 2.302585092994046) }
    private static func log10(_ x: Double) -> Double { log(x) / 2.302585092994046 }
}
