#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's log10 under a name that the `log10` members of `AxisScale` and `Axis` do not shadow.
@inline(__always) func decimalLogarithm(_ x: Double) -> Double { log10(x) }

/// `count + 1` points from `from` to `to` (both positive) evenly spaced on a log axis: the times at
/// which a plotted band or curve is evaluated.
/// - Complexity: O(count).
public func geometricGrid(from: Double, to: Double, count: Int) -> [Double] {
    guard count > 0, from > 0, to > 0 else { return from > 0 ? [from] : [] }
    let step = log(to / from) / Double(count)
    return (0...count).map { from * exp(step * Double($0)) }
}
