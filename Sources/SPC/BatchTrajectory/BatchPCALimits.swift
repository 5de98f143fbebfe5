import RelmodelNumerics

/// Upper control limits of T² and SPE for a multiway PCA model at one confidence level c = 1 - α
/// (A components, I reference batches; lower limits are 0).
///
/// - Phase I T² (the reference batches themselves, which estimated the model):
///   (I - 1)²/I · B_c(A/2, (I - A - 1)/2), B_c the c-quantile of the beta distribution
///   (Tracy, Young & Mason, J. Quality Technology 24, 1992).
/// - Phase II T² (a new batch, independent of the model): A (I² - 1)/(I (I - A)) · F_c(A, I - A),
///   F_c the c-quantile of the F distribution (Tracy, Young & Mason 1992; Nomikos & MacGregor 1995).
/// - SPE: Box's (1954) approximation g χ²_c(h) of the SPE distribution, matching the mean m and
///   variance v (divisor I - 1) of the reference batches' SPE values: g = v/(2m), h = 2m²/v
///   (Nomikos & MacGregor, Technometrics 37, 1995); the same limit serves phase I and phase II.
///
/// A value exactly on a limit is not above it. Quantiles from `RelmodelNumerics`
/// (`inverseRegularizedBeta`, `FisherF.quantile`, `ChiSquared.quantile`), ~1e-15 relative.
public struct BatchPCALimits: Sendable, Equatable {
    public let confidence: Double
    public let t2PhaseI: Double
    public let t2PhaseII: Double
    public let spe: Double
    /// g and h of Box's approximation.
    public let speScale: Double
    public let speDegreesOfFreedom: Double

    /// Limits for A components from I reference batches whose SPE values are `referenceSPE`. O(I).
    /// - Throws: `.invalidParameter` for a confidence outside (0, 1) or A outside 1...I - 2;
    ///   `.degenerate` when the reference SPE values have zero mean or variance.
    public init(confidence: Double, components a: Int, referenceSPE: [Double]) throws(SPCError) {
        let n = referenceSPE.count
        guard confidence > 0, confidence < 1 else { throw .invalidParameter("confidence must be in (0, 1), got \(confidence)") }
        guard a >= 1, a <= n - 2 else { throw .invalidParameter("limits need 1 <= A <= I - 2, got A = \(a), I = \(n)") }
        let m = referenceSPE.reduce(0, +) / Double(n)
        let v = referenceSPE.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
        guard m > 0, v > 0, m.isFinite, v.isFinite else {
            throw .degenerate("the reference SPE values have mean \(m) and variance \(v): no SPE limit")
        }
        self.confidence = confidence
        self.t2PhaseI = Self.t2PhaseI(confidence: confidence, components: a, batches: n)
        self.t2PhaseII = Self.t2PhaseII(confidence: confidence, components: a, batches: n)
        self.speScale = v / (2 * m)
        self.speDegreesOfFreedom = 2 * m * m / v
        self.spe = Self.spe(confidence: confidence, mean: m, variance: v)
    }

    /// (I - 1)²/I · B_c(A/2, (I - A - 1)/2).
    public static func t2PhaseI(confidence: Double, components a: Int, batches n: Int) -> Double {
        let i = Double(n)
        return (i - 1) * (i - 1) / i * inverseRegularizedBeta(confidence, Double(a) / 2, Double(n - a - 1) / 2)
    }

    /// A (I² - 1)/(I (I - A)) · F_c(A, I - A).
    public static func t2PhaseII(confidence: Double, components a: Int, batches n: Int) -> Double {
        let i = Double(n), ad = Double(a)
        return ad * (i * i - 1) / (i * (i - ad))
            * FisherF.quantile(confidence, numeratorDegreesOfFreedom: ad, denominatorDegreesOfFreedom: i - ad)
    }

    /// g χ²_c(h) with g = v/(2m), h = 2m²/v.
    public static func spe(confidence: Double, mean m: Double, variance v: Double) -> Double {
        v / (2 * m) * ChiSquared.quantile(confidence, degreesOfFreedom: 2 * m * m / v)
    }
}
