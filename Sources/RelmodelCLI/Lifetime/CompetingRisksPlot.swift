import RelmodelNumerics
import Lifetime
import Report

/// The probability plot of `relmodel fit --mode COLUMN --plot`, as Weibull++ draws competing failure
/// modes: each mode's points (its failures, with the other modes' failures and the survivors as
/// suspensions) and its fitted line in one colour, and the series system's line through the points
/// of all failures together.
enum CompetingRisksPlot {
    static func svg(_ analysis: CompetingRisksAnalysis, data: FailureModeData, timeLabel: String) -> (svg: String?, reason: String?) {
        guard let combined = analysis.combined else {
            return (nil, "no competing-modes plot: " + (analysis.combinedUnavailable ?? "no combined model"))
        }
        let system = combined.system
        guard let scale = system.fits.first?.probabilityScale else { return (nil, "no competing-modes plot: no mode was fitted") }
        let (points, notes) = LifetimePlot.plottingPositions(data.allModes)
        var plot = ProbabilityPlot(title: "Competing failure modes: \(analysis.familyName) per mode, series system",
                                   paper: LifetimePlot.paper(scale), points: points, fit: .cdf { system.unreliability($0) })
        plot.xLabel = timeLabel
        plot.pointsLabel = "all failures (system)"
        plot.pointsColor = "#212121"
        plot.fitLabel = "series system"
        for (name, fit) in zip(system.names, system.fits) {
            plot.pointSets.append(("mode \(name)", LifetimePlot.plottingPositions(data.data(forMode: name)).points))
            plot.componentCurves.append(("mode \(name) fit", .cdf { fit.unreliability($0) }))
        }
        plot.notes = notes + ["n=\(NumberFormatting.significant(analysis.units, 7)), failures=\(NumberFormatting.significant(analysis.failures, 7))"]
        return (plot.rendered(), nil)
    }
}
