/// Lag-1 autocorrelation of a series in time order, with the approximate 95 % limit for white noise.
public struct LagOneAutocorrelation: Sendable, Equatable {
    public var count: Int
    /// r1 = Σ_{t=1}^{n-1} (x_t - x̄)(x_{t+1} - x̄) / Σ_{t=1}^{n} (x_t - x̄)² (the usual ACF estimator,
    /// as R's acf and Minitab: the denominator has all n terms).
    public var r1: Double
    /// 1.96/√n: under independence r1 is approximately N(0, 1/n) (Bartlett), so |r1| beyond this
    /// limit is significant at about 5 %.
    public var limit: Double
    public var significant: Bool { abs(r1) > limit }

    /// - Throws: `insufficientData` for fewer than 3 values, `degenerate` for a constant series.
    /// - Complexity: O(n).
    public init(_ values: [Double]) throws(SPCError) {
        let n = values.count
        guard n >= 3 else { throw .insufficientData("\(n) values: lag-1 autocorrelation needs at least 3") }
        let mean = Statistics.mean(values)
        var numerator = 0.0, denominator = 0.0
        for t in 0..<n {
            let d = values[t] - mean
            denominator += d * d
            if t + 1 < n { numerator += d * (values[t + 1] - mean) }
        }
        guard denominator > 0 else { throw .degenerate("the series is constant: autocorrelation is undefined") }
        count = n
        r1 = numerator / denominator
        limit = 1.96 / Double(n).squareRoot()
    }
}
