#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Weibull analysis with a known shape beta (Weibayes), the tool for data with few or no failures.
///
/// With beta fixed, T^beta is exponential with mean eta^beta, so on exact and right-censored data
/// - the maximum-likelihood scale is eta = (sum w t^beta / r)^(1/beta) (r failures, r >= 1);
/// - the one-sided lower confidence bound on eta at level C is
///   eta_L = (2 sum w t^beta / chi2(C; 2r + 2))^(1/beta), which exists for r = 0 as well
///   (then chi2(C; 2) = -2 ln(1 - C)): the classical Weibayes bound (Nelson; Abernethy).
/// Interval-censored data go through the general fixed-shape maximum-likelihood fit.
public enum Weibayes {
    /// The maximum-likelihood Weibull with shape fixed at `shape`; needs at least one failure.
    public static func fit(_ data: LifetimeData, shape: Double) throws(FitFailure) -> LifetimeFit {
        guard shape > 0 && shape.isFinite else { throw .notApplicable("the known shape must be positive and finite, got \(shape)") }
        if data.failureCount == 0 { throw .noFailures }
        if data.failureTimes.contains(0) { throw .failureAtTimeZero(family: .weibull2p) }
        return MaximumLikelihood.locationScaleFit(.weibull2p, data: data, threshold: 0, fixedSigma: 1 / shape)
    }

    /// The one-sided lower bound on eta at `confidence` (exact and right-censored data; any number of
    /// failures, including none). Nil when the data hold left- or interval-censored observations.
    public static func lowerBoundOnEta(_ data: LifetimeData, shape: Double, confidence: Double) -> Double? {
        guard data.hasOnlyExactFailures else { return nil }
        var total = 0.0
        for (t, w) in zip(data.failureTimes, data.failureCounts) { total += w * pow(t, shape) }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) { total += w * pow(t, shape) }
        let r = data.failureCount
        return pow(2 * total / ChiSquared.quantile(confidence, degreesOfFreedom: 2 * r + 2), 1 / shape)
    }
}

/// The Weibayes answer with a known shape: eta is at least `etaLowerBound` with `confidence` (one-sided).
public struct WeibayesBound: Sendable, Equatable {
    public var shape: Double
    public var confidence: Double
    public var etaLowerBound: Double

    public init(shape: Double, confidence: Double, etaLowerBound: Double) {
        self.shape = shape
        self.confidence = confidence
        self.etaLowerBound = etaLowerBound
    }
}
