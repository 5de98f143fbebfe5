#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's log10 under a name that the `log10` members of `AxisScale` and `Axis` do not shadow.
@inline(__always) func decimalLogarithm(_ x: Double) -> Double { log10(x) }
