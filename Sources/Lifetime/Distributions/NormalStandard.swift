#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The standard normal distribution as the Z of a location-scale family: log T of a lognormal
/// lifetime, or T itself for the normal family.
///
/// The censored terms use log Phi computed directly in the tails (`StandardNormal.logCDF`), so the
/// inverse Mills ratio r = phi(z) / Phi(-z) stays finite for suspensions far in the upper tail.
public enum NormalStandard: StandardDistribution {
    /// log(sqrt(2 pi)).
    @usableFromInline static let logRootTwoPi = 0.91893853320467274178

    @inlinable
    public static func logDensity(_ z: Double) -> (value: Double, first: Double, second: Double) {
        (-0.5 * z * z - logRootTwoPi, -z, -1)
    }

    public static func logSurvival(_ z: Double) -> Double { StandardNormal.logSurvival(z) }
    public static func logCDF(_ z: Double) -> Double { StandardNormal.logCDF(z) }
    public static func cdf(_ z: Double) -> Double { StandardNormal.cdf(z) }
    public static func survival(_ z: Double) -> Double { StandardNormal.survival(z) }
    public static func quantile(_ p: Double) -> Double { StandardNormal.quantile(p) }
    /// E[exp(kZ)] = exp(k^2 / 2).
    public static func momentGeneratingFunction(_ k: Double) -> Double { exp(0.5 * k * k) }
    public static var mean: Double { 0 }
    public static var variance: Double { 1 }
    public static var isStandardNormal: Bool { true }
}
