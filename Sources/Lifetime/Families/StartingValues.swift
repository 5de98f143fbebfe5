#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Rough estimates for starting Newton: least-squares lines on probability paper through the failure
/// locations, plotted at (i - 0.3)/(N + 0.4) with i the cumulative failed count and N all units (so
/// that survivors count as surviving beyond every failure, as in a Type I test).
public enum StartingValues {
    /// Plotting positions of the failure locations: (time, fraction failed) pairs, ascending.
    public static func plottingPositions(_ sample: CensoredSample) -> [(time: Double, fraction: Double)] {
        var cumulative = 0.0
        let n = sample.unitCount
        return sample.failureLocations.compactMap { location in
            let previous = cumulative
            cumulative += location.weight
            let rank = (previous + cumulative + 1) / 2
            let fraction = (rank - 0.3) / (n + 0.4)
            return location.time > 0 && fraction > 0 && fraction < 1 ? (location.time, fraction) : nil
        }
    }

    /// Slope and intercept of y on x by least squares (nil when x does not vary).
    public static func line(_ x: [Double], _ y: [Double]) -> (slope: Double, intercept: Double)? {
        let n = Double(x.count)
        guard x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, my - slope * mx)
    }

    /// Weibull (eta, beta) from ln(-ln(1 - F)) = beta ln t - beta ln eta; a unit shape at the mean
    /// failure location when the line does not exist or has no positive slope.
    public static func weibull(_ sample: CensoredSample) -> (eta: Double, beta: Double) {
        let points = plottingPositions(sample)
        if let fit = line(points.map { log($0.time) }, points.map { log(-log1p(-$0.fraction)) }), fit.slope > 0, fit.slope.isFinite {
            let beta = min(max(fit.slope, 0.05), 20)
            return (exp(-fit.intercept / fit.slope), beta)
        }
        return (exposurePerFailure(sample), 1)
    }

    /// Lognormal (mu, sigma) from Phi^-1(F) = (ln t - mu)/sigma.
    public static func lognormal(_ sample: CensoredSample) -> (mu: Double, sigma: Double) {
        let points = plottingPositions(sample)
        if let fit = line(points.map { StandardNormal.quantile($0.fraction) }, points.map { log($0.time) }), fit.slope > 0, fit.slope.isFinite {
            return (fit.intercept, min(max(fit.slope, 0.02), 20))
        }
        return (log(exposurePerFailure(sample)), 1)
    }

    /// Total time on test over the number of failures (the exponential's mean), with interval
    /// midpoints as times; at least the smallest positive time.
    public static func exposurePerFailure(_ sample: CensoredSample) -> Double {
        let exposure = (sample.failureLocations + sample.right).reduce(0.0) { $0 + $1.time * $1.weight }
        let mean = exposure / max(sample.failureCount, 1)
        return mean > 0 ? mean : 1
    }
}
