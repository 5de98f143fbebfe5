/// Foundation-free number formatting for human-readable tables (`String(format:)` costs about a
/// microsecond a call and pulls Foundation into start-up).
public enum NumberFormatting {
    /// `x` rounded to `digits` significant digits, in positional notation when its magnitude is
    /// between 1e-4 and 1e9, otherwise in scientific notation ("1.234e-07"); magnitudes below 1e-300
    /// (where scaling by powers of ten underflows) in Swift's shortest round-trip form. Non-finite values print
    /// as "inf", "-inf" or "nan"; nil prints as "-".
    public static func significant(_ x: Double?, _ digits: Int = 6) -> String {
        guard let x else { return "-" }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        // Subnormal magnitudes: scaling them by powers of ten underflows; print them from Swift's
        // shortest representation instead.
        if abs(x) < 1e-300 { return x.description }
        let magnitude = abs(x)
        var exponent = Int((log10Approximation(magnitude)).rounded(.down))
        // Correct the estimate so that 10^exponent <= |x| < 10^(exponent+1) after rounding.
        var scaled = (magnitude / power10(exponent - digits + 1)).rounded()
        if scaled >= power10(digits) { exponent += 1; scaled = (magnitude / power10(exponent - digits + 1)).rounded() }
        if scaled < power10(digits - 1) { exponent -= 1; scaled = (magnitude / power10(exponent - digits + 1)).rounded() }
        var mantissa = String(Int64(scaled))
        let sign = x < 0 ? "-" : ""
        if exponent < -4 || exponent >= 9 {
            if mantissa.count > 1 { mantissa.insert(".", at: mantissa.index(after: mantissa.startIndex)) }
            return sign + trimZeros(mantissa) + "e" + (exponent < 0 ? "-" : "+") + pad2(abs(exponent))
        }
        let pointPosition = exponent + 1   // digits before the decimal point
        if pointPosition <= 0 {
            return sign + trimZeros("0." + String(repeating: "0", count: -pointPosition) + mantissa)
        }
        if pointPosition >= mantissa.count {
            return sign + mantissa + String(repeating: "0", count: pointPosition - mantissa.count)
        }
        mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: pointPosition))
        return sign + trimZeros(mantissa)
    }

    /// `x` with exactly `decimals` digits after the decimal point (e.g. 3.14159, 2 -> "3.14").
    public static func fixed(_ x: Double?, _ decimals: Int) -> String {
        guard let x else { return "-" }
        if !x.isFinite { return significant(x) }
        let scale = power10(decimals)
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return significant(x, 15) }
        var digits = String(Int64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (x < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// The values of one column (or of one quantity across a row) with ONE number of decimals, so
    /// they line up and compare at a glance: enough decimals for the largest magnitude to show
    /// `digits` significant digits, at least `minimumDecimals` (e.g. 2 for log-likelihoods and AIC
    /// values, which at a million units are about 1e7 and differ in the units digit), then trailing
    /// zeros common to every value are dropped (a column of whole numbers has none); the smallest
    /// non-zero magnitude keeps at least two significant digits. Magnitudes of 1e15 and above or
    /// below 1e-4, or spanning nine decades or more, put the whole column in `significant` form. nil prints as "-",
    /// non-finite values as in `significant`.
    /// - Complexity: O(values).
    public static func column(_ values: [Double?], digits: Int = 6, minimumDecimals: Int = 0) -> [String] {
        let finite = values.compactMap { $0 }.filter { $0.isFinite }
        let largest = finite.map(abs).max() ?? 0
        if largest == 0 {
            return values.map { v in v.map { $0.isFinite ? fixed(0, minimumDecimals) : significant($0) } ?? "-" }
        }
        let smallest = finite.map(abs).filter { $0 > 0 }.min() ?? largest
        if largest >= 1e15 || largest < 1e-4 || largest / smallest >= 1e9 { return values.map { significant($0, digits) } }
        func exponent(_ x: Double) -> Int {   // 10^e <= x < 10^(e + 1)
            var e = 0
            while power10(e + 1) <= x { e += 1 }
            while power10(e) > x { e -= 1 }
            return e
        }
        // The largest value shows `digits` significant digits, the smallest at least two.
        let chosen = min(15, max(minimumDecimals, digits - 1 - exponent(largest), min(digits, 2) - 1 - exponent(smallest)))
        // Drop the trailing zeros every value has at `chosen` decimals.
        var needed = minimumDecimals
        for v in finite where needed < chosen {
            let text = fixed(v, chosen)
            guard let point = text.firstIndex(of: ".") else { continue }
            let fraction = text[text.index(after: point)...]
            let significantDecimals = fraction.count - fraction.reversed().prefix { $0 == "0" }.count
            needed = max(needed, significantDecimals)
        }
        return values.map { v in
            guard let v else { return "-" }
            return v.isFinite ? fixed(v, needed) : significant(v)
        }
    }

    /// "1 failure", "2 failures", "0 failures", "2.5 failures" (`x` in `significant` form; a
    /// fractional count is plural). `plural` defaults to `singular` + "s".
    public static func counted(_ x: Double, _ singular: String, plural: String? = nil) -> String {
        significant(x, 7) + " " + (x == 1 ? singular : plural ?? singular + "s")
    }

    /// As `counted` for a whole count.
    public static func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    private static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t.removeLast() }
        if t.last == "." { t.removeLast() }
        return String(t)
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// 10^n exactly for |n| <= 22, by repeated multiplication beyond.
    public static func power10(_ n: Int) -> Double {
        var result = 1.0
        var base = n < 0 ? 0.1 : 10.0
        if abs(n) <= 22 { return n < 0 ? 1 / exactPowers[-n] : exactPowers[n] }
        var k = abs(n)
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return result
    }

    private static let exactPowers: [Double] = (0...22).map { n in
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// log10 without libm: exponent from the binary representation, refined by comparisons.
    private static func log10Approximation(_ x: Double) -> Double {
        Double(x.exponent) * 0.30102999566398120
    }
}
