import Foundation
import Testing
@testable import Report

/// Writes sample plots for looking at (docs/images). Runs only when RELMODEL_PLOT_SAMPLES names a
/// directory: `RELMODEL_PLOT_SAMPLES=/tmp swift test --filter PlotSamples`.
@Suite struct PlotSamples {
    static let directory = ProcessInfo.processInfo.environment["RELMODEL_PLOT_SAMPLES"]

    /// Approximate Fisher bounds for a complete-sample Weibull fit (SEV asymptotic covariance per
    /// unit: Var mu = 1.1087, Var sigma = 0.6079, Cov = 0.2570, times sigma^2 / n), enough for a picture.
    static func weibullBand(eta: Double, beta: Double, n: Double, z: Double = 1.959964) -> ([ProbabilityPlot.Point], [ProbabilityPlot.Point]) {
        var lower: [ProbabilityPlot.Point] = [], upper: [ProbabilityPlot.Point] = []
        for i in 0...120 {
            let t = pow(10, 1 + 3 * Double(i) / 120)
            let u = beta * log(t / eta)
            let se = ((1.1087 + 2 * 0.2570 * u + 0.6079 * u * u) / n).squareRoot()
            lower.append((t, 1 - exp(-exp(u - z * se))))
            upper.append((t, 1 - exp(-exp(u + z * se))))
        }
        return (lower, upper)
    }

    @Test(.enabled(if: directory != nil)) func writeSamples() throws {
        let dir = try #require(Self.directory)
        let (lower, upper) = Self.weibullBand(eta: 606.5, beta: 1.72, n: 20)
        // Weibull(eta 606.5, beta 1.72) quantiles at Bernard's ranks, with a deterministic scatter.
        let points: [ProbabilityPlot.Point] = (1...20).map { i in
            let f = (Double(i) - 0.3) / 20.4
            return (606.5 * pow(-log(1 - f), 1 / 1.72) * exp(0.12 * sin(Double(i) * 2.3)), f)
        }
        var weibull = ProbabilityPlot(title: "Weibull probability plot", paper: .weibull, points: points,
                                      fit: .cdf { weibullCDF($0) }, lowerBound: lower, upperBound: upper)
        weibull.fitLabel = "weibull2p MLE: eta=606.5, beta=1.72"
        weibull.boundsLabel = "95% Fisher bounds"
        weibull.notes = ["n=20, failures=20, median ranks"]
        weibull.shadesBand = true
        try weibull.rendered().write(toFile: dir + "/weibull-probability-plot.svg", atomically: true, encoding: .utf8)

        var lognormal = ProbabilityPlot(title: "Lognormal probability plot", paper: .lognormal, points: samplePoints + [(0, 0.5), (300, 1)],
                                        fit: .cdf { 0.5 * erfc(-(log($0) - 5.95) / 0.85 / 2.0.squareRoot()) })
        lognormal.fitLabel = "lognormal MLE: mu=5.95, sigma=0.85"
        try lognormal.rendered().write(toFile: dir + "/lognormal-probability-plot.svg", atomically: true, encoding: .utf8)

        var chart = LinePlotTests.chart()
        chart.series.append(LinePlot.Series(label: "Out of control", points: [(7, 11.5)], style: .markers, color: "#c62828"))
        try chart.rendered().write(toFile: dir + "/control-chart.svg", atomically: true, encoding: .utf8)
    }
}
