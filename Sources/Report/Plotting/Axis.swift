#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// One tick of an axis: grid line at `value`; `label` is nil for unlabelled (minor) ticks.
/// When labels would overlap, a renderer keeps those of lower `priority` first.
public struct AxisTick: Sendable, Equatable {
    public var value: Double
    public var label: String?
    public var isMajor: Bool
    public var priority: Int
    public init(value: Double, label: String?, isMajor: Bool, priority: Int = 0) {
        self.value = value
        self.label = label
        self.isMajor = isMajor
        self.priority = priority
    }
}

/// A plotted range `lower...upper` (in data units) on a scale, with tick generation.
///
/// Ticks:
/// - linear: majors at multiples of a 1-2-5 step giving about `targetTickCount` intervals (the
///   smallest 1, 2 or 5 times a power of ten that is at least range / target), minors subdividing
///   each step into 5 (steps 1 and 5) or 4 (step 2);
/// - log10: majors at the decades inside the range with minors at 2..9 times each decade; a range
///   holding fewer than two decades labels 1, 2 and 5 times the decades instead (or every integer
///   multiple when even those are fewer than two), and one spanning more than ten decades labels
///   every second (third, ...) decade;
/// - probability scales: the conventional unreliabilities of Weibull++ and Minitab paper, in percent.
///
/// Tick values are formed from integers times exact powers of ten, so 0.3 is the double nearest 0.3
/// rather than 3 * 0.1. Labels use `NumberFormatting.significant`.
public struct Axis: Sendable, Equatable {
    public var scale: AxisScale
    public var lower: Double
    public var upper: Double
    /// About how many intervals between major linear ticks.
    public var targetTickCount: Int

    /// - Precondition: both ends inside the scale's domain and `lower < upper`.
    public init(scale: AxisScale, lower: Double, upper: Double, targetTickCount: Int = 6) {
        precondition(scale.contains(lower) && scale.contains(upper), "axis range [\(lower), \(upper)] outside the \(scale) scale's domain")
        precondition(scale.transform(lower) < scale.transform(upper), "axis range must increase")
        precondition(targetTickCount >= 1)
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.targetTickCount = targetTickCount
    }

    /// The position of `value` as a fraction of the axis length (0 at `lower`, 1 at `upper`; outside
    /// [0, 1] beyond the range); NaN or infinite when the value is outside the scale's domain.
    public func fraction(_ value: Double) -> Double {
        let a = scale.transform(lower), b = scale.transform(upper)
        return (scale.transform(value) - a) / (b - a)
    }

    /// The data value at a fraction of the axis length.
    public func value(atFraction f: Double) -> Double {
        let a = scale.transform(lower), b = scale.transform(upper)
        return scale.inverse(a + f * (b - a))
    }

    // MARK: Nice ranges

    /// A linear axis covering `range`, widened to multiples of its major tick step (a degenerate
    /// range is widened to a unit around its value).
    public static func linear(covering range: ClosedRange<Double>, targetTickCount: Int = 6) -> Axis {
        precondition(range.lowerBound.isFinite && range.upperBound.isFinite)
        var lo = range.lowerBound, hi = range.upperBound
        if hi - lo <= abs(hi) * 1e-12 {
            let half = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= half; hi += half
        }
        let step = NiceStep(covering: hi - lo, target: targetTickCount)
        let a = (lo / step.value * (1 + 1e-12)).rounded(.down)
        let b = (hi / step.value * (1 - 1e-12 * (hi < 0 ? -1 : 1))).rounded(.up)
        return Axis(scale: .linear, lower: step.multiple(Int64(a)), upper: step.multiple(max(Int64(b), Int64(a) + 1)), targetTickCount: targetTickCount)
    }

    /// A log10 axis from the decade at or below `range.lowerBound` to the decade at or above
    /// `range.upperBound` (at least one decade).
    /// - Precondition: `range.lowerBound > 0`.
    public static func log10(covering range: ClosedRange<Double>) -> Axis {
        precondition(range.lowerBound > 0 && range.upperBound.isFinite)
        let a = decadeExponent(range.lowerBound, roundingUp: false)
        var b = decadeExponent(range.upperBound, roundingUp: true)
        if b <= a { b = a + 1 }
        return Axis(scale: .log10, lower: NumberFormatting.power10(a), upper: NumberFormatting.power10(b))
    }

    /// The exponent k of the largest power of ten <= x (or smallest >= x when rounding up), exactly.
    static func decadeExponent(_ x: Double, roundingUp: Bool) -> Int {
        var k = Int(decimalLogarithm(x).rounded(.down))
        while NumberFormatting.power10(k) > x { k -= 1 }
        while NumberFormatting.power10(k + 1) <= x { k += 1 }
        if roundingUp, NumberFormatting.power10(k) < x { k += 1 }
        return k
    }

    // MARK: Ticks

    /// Ticks inside the range, in increasing order of value.
    public func ticks() -> [AxisTick] {
        switch scale {
        case .linear: return linearTicks()
        case .log10: return logTicks()
        case .weibullProbability, .normalProbability, .exponentialProbability: return ProbabilityTicks.ticks(for: self)
        }
    }

    private func inside(_ v: Double) -> Bool {
        let f = fraction(v)
        return f >= -1e-9 && f <= 1 + 1e-9
    }

    private func linearTicks() -> [AxisTick] {
        let step = NiceStep(covering: upper - lower, target: targetTickCount)
        let minorStep = step.minor
        var ticks: [AxisTick] = []
        let first = Int64((lower / minorStep.value - 1e-9).rounded(.up))
        let last = Int64((upper / minorStep.value + 1e-9).rounded(.down))
        guard first <= last, last - first <= 10_000 else { return [] }
        for k in first...last {
            let v = minorStep.multiple(k)
            // A minor multiple is a major one when k * minorStep is a whole number of steps.
            let isMajor = (k * minorStep.mantissa) % (step.mantissa * step.scaleRatio(to: minorStep)) == 0
            ticks.append(AxisTick(value: v, label: isMajor ? NumberFormatting.significant(v, 6) : nil, isMajor: isMajor))
        }
        return ticks
    }

    private func logTicks() -> [AxisTick] {
        let a = Self.decadeExponent(lower, roundingUp: false)
        let b = Self.decadeExponent(upper, roundingUp: false)
        let decadesInside = (a...b).filter { inside(NumberFormatting.power10($0)) }.count
        let labelled: Set<Int>
        if decadesInside >= 2 {
            labelled = [1]
        } else {
            let oneTwoFive = (a...b).flatMap { k in [1, 2, 5].map { Double($0) * NumberFormatting.power10(k) } }.filter(inside).count
            labelled = oneTwoFive >= 2 ? [1, 2, 5] : Set(1...9)
        }
        // More than ten decades: label every n-th decade so labels stay about ten.
        let decadeStride = max(1, (decadesInside + 9) / 10)
        var ticks: [AxisTick] = []
        for k in a...b {
            let decade = NumberFormatting.power10(k)
            for m in 1...9 {
                let v = k < 0 ? Double(m) / NumberFormatting.power10(-k) : Double(m) * decade
                guard inside(v) else { continue }
                let isMajor = labelled.contains(m) && (m != 1 || decadeStride == 1 || k % decadeStride == 0)
                // Minor ticks of a very long axis would be a grey wash: keep only decades there.
                if decadeStride > 1 && m != 1 { continue }
                ticks.append(AxisTick(value: v, label: isMajor ? NumberFormatting.significant(v, 6) : nil, isMajor: isMajor))
            }
        }
        return ticks
    }
}

/// A tick step mantissa * 10^exponent with mantissa 1, 2 or 5 (or the minor steps 2, 5, 1 of them).
struct NiceStep {
    var mantissa: Int64
    var exponent: Int

    init(mantissa: Int64, exponent: Int) { self.mantissa = mantissa; self.exponent = exponent }

    /// The smallest 1, 2 or 5 times a power of ten that is >= span / target.
    init(covering span: Double, target: Int) {
        let raw = span / Double(target)
        var e = Axis.decadeExponent(raw, roundingUp: false)
        let p = NumberFormatting.power10(e)
        let m: Int64
        if raw <= p * (1 + 1e-12) { m = 1 } else if raw <= 2 * p * (1 + 1e-12) { m = 2 } else if raw <= 5 * p * (1 + 1e-12) { m = 5 } else { m = 1; e += 1 }
        self.init(mantissa: m, exponent: e)
    }

    var value: Double { multiple(1) }

    /// k * step, formed from an integer and an exact power of ten.
    func multiple(_ k: Int64) -> Double {
        let n = Double(k * mantissa)
        return exponent >= 0 ? n * NumberFormatting.power10(exponent) : n / NumberFormatting.power10(-exponent)
    }

    /// Subdivision: 1 -> 0.2 (5 parts), 2 -> 0.5 (4 parts), 5 -> 1 (5 parts).
    var minor: NiceStep {
        switch mantissa {
        case 1: return NiceStep(mantissa: 2, exponent: exponent - 1)
        case 2: return NiceStep(mantissa: 5, exponent: exponent - 1)
        default: return NiceStep(mantissa: 1, exponent: exponent)
        }
    }

    /// 10^(exponent - other.exponent) as an integer (other is the finer step).
    func scaleRatio(to other: NiceStep) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<max(0, exponent - other.exponent) { r *= 10 }
        return r
    }
}
