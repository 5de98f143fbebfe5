import Lifetime
import RelmodelNumerics
import Report

/// The life-stress plot of `relmodel alt --plot`, as Weibull++ and JMP draw it: each unit's time at
/// its stress (failures red, suspensions and interval starts grey), and the fitted B10, median and B90 lives across
/// the stress range on a log time axis, with the use stress marked.
enum AltPlot {
    /// The plot, or nil for the two-variable Peck relationship (life depends on temperature and
    /// humidity together; a reason is returned instead).
    static func svg(_ analysis: LifeStressAnalysis, stressName: String, useStress: Double?) -> (svg: String?, reason: String?) {
        let fit = analysis.fit
        guard fit.relationship != .peck else { return (nil, "no life-stress plot for the Peck relationship (two stress variables)") }
        var failures: [LinePlot.Point] = [], suspensions: [LinePlot.Point] = []
        for level in analysis.levels {
            let s = level.stress[0]
            failures += level.data.failureTimes.map { (s, $0) }
            suspensions += level.data.suspensionTimes.map { (s, $0) }
            suspensions += level.data.intervalLowerTimes.map { (s, $0) }
        }
        let stresses = analysis.levels.map { $0.stress[0] } + (useStress.map { [$0] } ?? [])
        guard let low = stresses.min(), let high = stresses.max(), high > low else { return (nil, "no life-stress plot: one stress level") }
        let steps = 80
        var curves: [(label: String, percent: Double, dashed: Bool)] = [("B10 life", 10, true), ("median life", 50, false), ("B90 life", 90, true)]
        if analysis.bLifePercent != 10 && analysis.bLifePercent != 50 && analysis.bLifePercent != 90 {
            curves.append(("B\(NumberFormatting.significant(analysis.bLifePercent, 4)) life", analysis.bLifePercent, true))
        }
        var series: [LinePlot.Series] = []
        for curve in curves {
            var points: [LinePlot.Point] = []
            for i in 0...steps {
                let s = low + (high - low) * Double(i) / Double(steps)
                if let model = fit.model(at: [s]) {
                    let t = model.bLife(curve.percent)
                    if t.isFinite && t > 0 { points.append((s, t)) }
                }
            }
            series.append(LinePlot.Series(label: curve.label, points: points, style: .line, color: curve.percent == 50 ? "#1f4e9c" : (curve.percent < 50 ? "#5c7cba" : "#7b5ea7"), dashed: curve.dashed))
        }
        series.append(LinePlot.Series(label: "failures", points: failures, style: .markers, color: "#c62828"))
        if !suspensions.isEmpty {
            series.append(LinePlot.Series(label: "suspensions (and interval starts)", points: suspensions, style: .markers, color: "#9e9e9e"))
        }
        var plot = LinePlot(title: "Life vs stress: \(fit.family.displayName), \(fit.relationship.rawValue)",
                            xLabel: stressName, yLabel: "Time", series: series)
        plot.yScale = .log10
        if let useStress { plot.referenceLines = [LinePlot.ReferenceLine(useStress, label: "use", orientation: .vertical, color: "#2e7d32")] }
        return (plot.rendered(), nil)
    }
}
