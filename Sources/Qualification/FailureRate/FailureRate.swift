import RelmodelNumerics

/// Failure rates in FIT (failures per 1e9 device-hours) from a test with r failures in D
/// equivalent device-hours at use conditions (D = N * H * AF summed over stress conditions).
///
/// - Point estimate: r / D * 1e9.
/// - Upper confidence bound (JESD85, time-censored test, Poisson count):
///   lambda_U = chi2(C; 2r + 2) / (2 D) * 1e9, where chi2(C; nu) is the C quantile of the chi-square
///   distribution with nu degrees of freedom. It is the exact one-sided Poisson bound: the rate
///   whose expected count 2 lambda D / 2 makes P(N <= r) = 1 - C.
/// The usual confidences are 60% (the JEDEC default) and 90%.
public enum FailureRate {
    /// 1e9 device-hours: one FIT is one failure in this many device-hours.
    public static let deviceHoursPerFIT = 1e9

    /// chi2(C; 2r + 2), the numerator of the JESD85 bound.
    public static func chiSquare(failures: Int, confidence: Double) throws(QualificationError) -> Double {
        try QualificationError.checkConfidence(confidence)
        guard failures >= 0 else { throw QualificationError.invalidArgument("failures must be >= 0, got \(failures)") }
        return ChiSquared.quantile(confidence, degreesOfFreedom: Double(2 * failures + 2))
    }

    /// Upper confidence bound in FIT from r failures in `equivalentDeviceHours`.
    public static func upperBound(failures: Int, equivalentDeviceHours: Double,
                                  confidence: Double) throws(QualificationError) -> Double {
        try QualificationError.checkPositive(equivalentDeviceHours, "equivalent device-hours")
        return fit(chiSquare: try chiSquare(failures: failures, confidence: confidence),
                   equivalentDeviceHours: equivalentDeviceHours)
    }

    /// chi2 / (2 D) * 1e9: the bound from a given chi-square value (for reproducing documents that
    /// use a rounded table value, such as 1.833 for 60% and r = 0).
    public static func fit(chiSquare: Double, equivalentDeviceHours: Double) -> Double {
        chiSquare / (2 * equivalentDeviceHours) * deviceHoursPerFIT
    }

    /// Point estimate r / D in FIT.
    public static func pointEstimate(failures: Int, equivalentDeviceHours: Double) -> Double {
        Double(failures) / equivalentDeviceHours * deviceHoursPerFIT
    }

    /// Mean time to failure (hours) of a constant failure rate given in FIT: 1e9 / FIT. For a
    /// repairable system with a constant rate it is also the MTBF. An upper FIT bound gives a lower
    /// MTTF bound at the same confidence; a zero rate gives +infinity.
    public static func meanTimeToFailure(fit: Double) -> Double { deviceHoursPerFIT / fit }
}
