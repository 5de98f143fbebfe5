#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Probability paper: axes on which a lifetime family's CDF is a straight line.
///
/// | paper | x | y | the CDF is the line |
/// |---|---|---|---|
/// | `weibull` | ln t | ln(-ln(1 - F)) | y = beta (x - ln eta) |
/// | `lognormal` | ln t | Phi^-1(F) | y = (x - mu) / sigma |
/// | `exponential` | t | -ln(1 - F) | y = lambda t |
/// | `normal` | t | Phi^-1(F) | y = (x - mu) / sigma |
///
/// Log time axes are drawn in decades (positions affine in ln t), probability axes are labelled
/// in percent unreliability at the conventional values (see `Axis.ticks()`).
public enum ProbabilityPaper: String, Sendable, CaseIterable {
    case weibull, lognormal, exponential, normal

    public var timeScale: AxisScale {
        switch self {
        case .weibull, .lognormal: return .log10
        case .exponential, .normal: return .linear
        }
    }

    public var probabilityScale: AxisScale {
        switch self {
        case .weibull: return .weibullProbability
        case .lognormal, .normal: return .normalProbability
        case .exponential: return .exponentialProbability
        }
    }

    /// "Weibull", "Lognormal", "Exponential", "Normal".
    public var displayName: String {
        switch self {
        case .weibull: return "Weibull"
        case .lognormal: return "Lognormal"
        case .exponential: return "Exponential"
        case .normal: return "Normal"
        }
    }

    /// The linearised coordinates (x, y) of the table above; nil when (t, F) has no position on this
    /// paper (t <= 0 on a log time axis, F outside (0, 1), or [0, 1) on exponential paper).
    public func linearized(time: Double, probability: Double) -> (x: Double, y: Double)? {
        let x = timeScale == .log10 ? (time > 0 && time.isFinite ? log(time) : .nan) : time
        let y = probabilityScale.transform(probability)
        guard x.isFinite, y.isFinite else { return nil }
        return (x, y)
    }

    /// The default time axis for plotting `times` (those on the paper's domain): whole decades on
    /// log paper; a nice linear range on normal paper; on exponential paper a nice range from 0.
    /// Without any usable time, [1, 1000] (log) or [0, 1] (linear).
    public func timeAxis(covering times: [Double]) -> Axis {
        let usable = times.filter { timeScale.contains($0) }
        guard let lo = usable.min(), let hi = usable.max() else {
            return timeScale == .log10 ? Axis(scale: .log10, lower: 1, upper: 1000) : Axis(scale: .linear, lower: 0, upper: 1)
        }
        switch self {
        case .weibull, .lognormal: return .log10(covering: lo...hi)
        case .normal: return .linear(covering: lo...hi)
        case .exponential: return .linear(covering: min(0, lo)...max(hi, 0))
        }
    }

    /// The default probability axis for plotting `probabilities` (those on the paper's domain):
    /// from the largest power of ten (0.1, 0.01, ...) at or below the smallest, to the smallest
    /// 1 - 10^-k (0.9, 0.99, ...) at or above the largest; exponential paper always starts at 0.
    /// Without any usable probability, [1 %, 99 %] (exponential [0, 99 %]).
    public func probabilityAxis(covering probabilities: [Double]) -> Axis {
        let usable = probabilities.filter { probabilityScale.contains($0) && $0 > 0 }
        let lo = usable.min() ?? 0.01, hi = usable.max() ?? 0.99
        let lower = probabilityScale == .exponentialProbability ? 0 : NumberFormatting.power10(min(-1, Axis.decadeExponent(lo, roundingUp: false)))
        let upper = 1 - NumberFormatting.power10(min(-1, Axis.decadeExponent(1 - hi, roundingUp: false)))
        return Axis(scale: probabilityScale, lower: lower, upper: upper)
    }
}
