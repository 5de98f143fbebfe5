#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// How a data value maps to a position along an axis: positions are affine in `transform(value)`.
///
/// The probability scales take a probability F in (0, 1) (exponential: [0, 1)) and linearise the
/// corresponding lifetime family's CDF:
/// - `weibullProbability`: ln(-ln(1 - F)), computed as ln(-log1p(-F)) so small F keeps full precision;
/// - `normalProbability`: the standard normal quantile Phi^-1(F) (AS 241, ~1e-16 relative);
/// - `exponentialProbability`: -ln(1 - F) = -log1p(-F).
public enum AxisScale: String, Sendable, Equatable, CaseIterable {
    case linear
    case log10
    case weibullProbability
    case normalProbability
    case exponentialProbability

    /// The value in the scale's linear coordinate; NaN or infinite when the value has no position
    /// (t <= 0 on a log scale, F outside the open unit interval on a probability scale).
    public func transform(_ value: Double) -> Double {
        guard value.isFinite else { return .nan }
        switch self {
        case .linear: return value
        case .log10: return value > 0 ? decimalLogarithm(value) : .nan
        case .weibullProbability: return value > 0 && value < 1 ? log(-log1p(-value)) : .nan
        case .normalProbability: return value > 0 && value < 1 ? StandardNormal.quantile(value) : .nan
        case .exponentialProbability: return value >= 0 && value < 1 ? -log1p(-value) : .nan
        }
    }

    /// Inverse of `transform` (used to place curve samples evenly along the axis).
    public func inverse(_ u: Double) -> Double {
        switch self {
        case .linear: return u
        case .log10: return pow(10, u)
        case .weibullProbability: return -expm1(-exp(u))
        case .normalProbability: return StandardNormal.cdf(u)
        case .exponentialProbability: return -expm1(-u)
        }
    }

    /// Whether the scale shows probabilities (tick labels in percent).
    public var isProbability: Bool {
        switch self {
        case .linear, .log10: return false
        case .weibullProbability, .normalProbability, .exponentialProbability: return true
        }
    }

    /// Whether `value` lies in the scale's domain (has a finite position).
    public func contains(_ value: Double) -> Bool { transform(value).isFinite }
}
