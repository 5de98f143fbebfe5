#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time-terminated demonstration tests for constant and Weibull failure rates.
public enum LifeTestPlan {
    /// Total equivalent device-hours needed to demonstrate MTTF >= `mttf` (hours) at confidence C
    /// allowing f failures, under a constant failure rate: T = mttf * chi2(C; 2f + 2) / 2.
    /// Divide by units (and by an acceleration factor) for the test length.
    public static func exponentialTestHours(mttf: Double, confidence: Double, failures: Int = 0) throws(QualificationError) -> Double {
        try QualificationError.checkPositive(mttf, "MTTF")
        return mttf * (try FailureRate.chiSquare(failures: failures, confidence: confidence)) / 2
    }

    /// Weibayes: the test length per unit at which n units with at most f failures demonstrate
    /// reliability R at mission time t_m, at confidence C, for a Weibull life of known shape beta:
    /// t = t_m * (chi2(C; 2f + 2) / (2 n (-ln R)))^(1/beta). With f = 0 it is
    /// t_m * (ln(1 - C) / (n ln R))^(1/beta). The time is in the mission's units at the test's
    /// conditions (divide by an acceleration factor for a stress test).
    public static func weibayesTestTime(units: Int, reliability: Double, missionTime: Double, shape: Double,
                                        confidence: Double, failures: Int = 0) throws(QualificationError) -> Double {
        guard units > 0 else { throw QualificationError.invalidArgument("units must be > 0, got \(units)") }
        guard failures < units else { throw QualificationError.invalidArgument("\(failures) allowed failures needs more than \(units) units") }
        try QualificationError.checkConfidence(reliability, name: "reliability")
        try QualificationError.checkPositive(missionTime, "mission time")
        try QualificationError.checkPositive(shape, "Weibull shape")
        let chi = try FailureRate.chiSquare(failures: failures, confidence: confidence)
        return missionTime * pow(chi / (2 * Double(units) * -log(reliability)), 1 / shape)
    }
}

/// Early-life failure rate (ELFR) bounds in the style of JESD74: N units stressed for an early-life
/// period, f failures.
public struct EarlyLifeFailureRate: Sendable, Equatable {
    /// Upper bound on the fraction failing in the period, in ppm, from chi2(C; 2f + 2) / (2N) * 1e6
    /// (the Poisson approximation JESD74 uses).
    public let ppmChiSquare: Double
    /// The exact binomial (Clopper-Pearson) one-sided upper bound, in ppm.
    public let ppmExact: Double
    /// The chi-square bound as a rate at use, chi2 / (2 N t AF) * 1e9, when the period t (hours at
    /// stress) is given.
    public let fit: Double?

    /// - Parameters: `hours` the early-life stress duration, `accelerationFactor` to use conditions.
    public init(units: Int, failures: Int, confidence: Double, hours: Double? = nil,
                accelerationFactor: Double = 1) throws(QualificationError) {
        guard units > 0 else { throw QualificationError.invalidArgument("units must be > 0, got \(units)") }
        guard failures <= units else { throw QualificationError.invalidArgument("\(failures) failures is more than the \(units) units tested") }
        let chi = try FailureRate.chiSquare(failures: failures, confidence: confidence)
        ppmChiSquare = chi / (2 * Double(units)) * 1e6
        ppmExact = try LotTolerance.demonstratedLTPD(units: units, failures: failures, confidence: confidence) * 1e6
        if let hours {
            try QualificationError.checkPositive(hours, "early-life hours")
            try QualificationError.checkPositive(accelerationFactor, "acceleration factor")
            fit = FailureRate.fit(chiSquare: chi, equivalentDeviceHours: Double(units) * hours * accelerationFactor)
        } else {
            fit = nil
        }
    }
}
