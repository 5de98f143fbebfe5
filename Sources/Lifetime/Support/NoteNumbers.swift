#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers inside the words of diagnostics notes ("the fitted median (1.518e13) lies ..."): the
/// library writes its notes itself, without Foundation, so they read the same in text and JSON.
public enum NoteNumbers {
    /// `x` to `digits` significant digits: plain notation from 1e-3 to 1e6, otherwise d.ddde±n;
    /// whole results without a decimal point (10, not 10.0).
    public static func significant(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "\(x)" }
        guard x != 0 else { return "0" }
        let exponent = Int(log10(abs(x)).rounded(.down))
        if abs(x) >= 1e6 || abs(x) < 1e-3 {
            let scale = pow(10, Double(digits - 1))
            let mantissa = (x / pow(10, Double(exponent)) * scale).rounded() / scale
            return "\(mantissa)e\(exponent)"
        }
        let decimals = max(0, digits - 1 - exponent)
        let scale = pow(10, Double(decimals))
        let rounded = (x * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : "\(rounded)"
    }

    /// A number as a person typed it: 10 rather than 10.0, 2.5 as 2.5.
    public static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
