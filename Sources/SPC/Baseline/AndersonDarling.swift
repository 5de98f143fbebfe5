#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lifetime
import RelmodelNumerics

/// The Anderson-Darling test of normality with estimated mean and standard deviation.
public struct AndersonDarlingNormality: Sendable, Equatable {
    /// Number of values tested.
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n - 1 divisor).
    public var standardDeviation: Double
    /// A² = -n - (1/n) Σ (2i - 1) [ln Φ(z_(i)) + ln(1 - Φ(z_(n+1-i)))], z = (x - x̄)/s.
    public var statistic: Double
    /// A*² = A² (1 + 0.75/n + 2.25/n²) (Stephens 1986; D'Agostino and Stephens, Goodness-of-Fit
    /// Techniques, Table 4.9).
    public var adjustedStatistic: Double
    /// p-value from A*² by the piecewise exponential approximation of D'Agostino and Stephens
    /// (1986), as in R's nortest::ad.test and Minitab.
    public var pValue: Double

    /// Tests `values` for normality.
    ///
    /// p-value, with A = A*²:
    /// - A < 0.2:  1 - exp(-13.436 + 101.14 A - 223.73 A²)
    /// - A < 0.34: 1 - exp(-8.318 + 42.796 A - 59.938 A²)
    /// - A < 0.6:  exp(0.9177 - 4.279 A - 1.38 A²)
    /// - A < 10:   exp(1.2937 - 5.709 A + 0.0186 A²)
    /// - otherwise 3.7e-24 (nortest's floor).
    /// ln Φ and ln(1 - Φ) come from `StandardNormal.logCDF`/`logSurvival`, so extreme values give a
    /// large finite A² rather than infinity.
    /// - Throws: `insufficientData` for fewer than 8 values (nortest's minimum: the approximation is
    ///   not calibrated below), `degenerate` when all values are equal.
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) throws(SPCError) {
        let n = values.count
        guard n >= 8 else { throw .insufficientData("\(n) values: the Anderson-Darling test needs at least 8") }
        let mean = Statistics.mean(values)
        let s = Statistics.standardDeviation(values)
        guard s > 0, s.isFinite else { throw .degenerate("all \(n) values are equal: normality cannot be tested") }
        let z = values.sorted().map { ($0 - mean) / s }
        // The statistic is Lifetime's (one Anderson-Darling); the normal's log tails keep it finite.
        let a2 = AndersonDarling.statistic(logCDF: z.map(StandardNormal.logCDF), logSurvival: z.map(StandardNormal.logSurvival))
        let m = Double(n)
        let adjusted = a2 * (1 + 0.75 / m + 2.25 / (m * m))
        self.count = n
        self.mean = mean
        self.standardDeviation = s
        self.statistic = a2
        self.adjustedStatistic = adjusted
        self.pValue = Self.pValue(adjusted)
    }

    /// The D'Agostino-Stephens p-value of an adjusted statistic A*² (see `init`).
    public static func pValue(_ a: Double) -> Double {
        if a < 0.2 { return 1 - exp(-13.436 + 101.14 * a - 223.73 * a * a) }
        if a < 0.34 { return 1 - exp(-8.318 + 42.796 * a - 59.938 * a * a) }
        if a < 0.6 { return exp(0.9177 - 4.279 * a - 1.38 * a * a) }
        if a < 10 { return exp(1.2937 - 5.709 * a + 0.0186 * a * a) }
        return 3.7e-24
    }
}
