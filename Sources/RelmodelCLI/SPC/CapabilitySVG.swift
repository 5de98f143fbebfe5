import RelmodelNumerics
import Lifetime
import Report
import SPC

/// The capability histogram of `spc capability --svg`: the values as a density histogram, the
/// specification limits and target as vertical lines, and the fitted density over them.
enum CapabilitySVG {
    static let specColor = "#c62828", targetColor = "#2e7d32"

    static func render(_ c: NormalCapability, values: [Double]) -> String {
        let within = LifetimeModel.normal(mu: c.mean, sigma: c.withinSigma)
        let overall = LifetimeModel.normal(mu: c.mean, sigma: c.overallSigma)
        let wide = max(c.withinSigma, c.overallSigma)
        let range = span(values, c.specification, from: c.mean - 4 * wide, to: c.mean + 4 * wide)
        return plot(title: "Process capability (normal)", values: values, spec: c.specification, curves: [
            .function(label: "normal, within sigma", over: range, color: "#1f4e9c") { within.density($0) },
            .function(label: "normal, overall sigma", over: range, color: "#ef6c00", dashed: true) { overall.density($0) },
        ], notes: ["Cpk " + NumberFormatting.significant(c.cpk.value, 4) + ", Ppk " + NumberFormatting.significant(c.ppk.value, 4)])
    }

    static func render(_ c: PercentileCapability, values: [Double]) -> String {
        let model: LifetimeModel = c.family == .weibull2p
            ? .weibull(eta: c.parameters[0], beta: c.parameters[1])
            : .lognormal(mu: c.parameters[0], sigma: c.parameters[1])
        let range = span(values, c.specification, from: c.lowerPercentile, to: c.upperPercentile)
        return plot(title: "Process capability (\(c.family.rawValue), ISO percentile method)", values: values,
                    spec: c.specification, curves: [
                        .function(label: "fitted \(c.family.rawValue)", over: range, color: "#1f4e9c") { model.density($0) },
                    ], notes: ["Ppk " + NumberFormatting.significant(c.ppk, 4)])
    }

    /// The x range: the data, the specification and the given curve range (the library's values).
    static func span(_ values: [Double], _ spec: Specification, from: Double, to: Double) -> ClosedRange<Double> {
        let xs = values.filter(\.isFinite) + [spec.lsl, spec.usl, spec.target].compactMap { $0 } + [from, to]
        let low = xs.min() ?? 0, high = xs.max() ?? 1
        return high > low ? low...high : low...(low + 1)
    }

    static func plot(title: String, values: [Double], spec: Specification, curves: [LinePlot.Series], notes: [String]) -> String {
        let histogram = Histogram(values)
        var references: [LinePlot.ReferenceLine] = []
        let f = { (x: Double) in NumberFormatting.significant(x, 6) }
        if let lsl = spec.lsl { references.append(.init(lsl, label: "LSL = \(f(lsl))", orientation: .vertical, color: specColor)) }
        if let usl = spec.usl { references.append(.init(usl, label: "USL = \(f(usl))", orientation: .vertical, color: specColor)) }
        if let target = spec.target {
            references.append(.init(target, label: "Target = \(f(target))", orientation: .vertical, color: targetColor))
        }
        let bars = LinePlot.Series(label: "data (\(histogram.total) \(histogram.total == 1 ? "value" : "values"))",
                                   points: histogram.outline, style: .step, color: "#555555", className: "histogram")
        var plot = LinePlot(title: title, xLabel: "value", yLabel: "density", series: [bars] + curves, referenceLines: references)
        plot.notes = notes
        // A density axis starts at zero (the automatic axis pads below the lowest value).
        let top = plot.series.flatMap { $0.points.map(\.y) }.filter(\.isFinite).max() ?? 1
        plot.yRange = 0...(top > 0 ? top * 1.08 : 1)
        return plot.rendered()
    }
}
