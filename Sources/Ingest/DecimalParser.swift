#if canImport(Glibc)
import Glibc
#endif

/// Exact decimal-to-`Double` conversion on a byte range, without allocation on the common path.
///
/// Grammar (the whole range must match, nothing else is accepted, not even spaces):
///
///     number   = [sign] (digits ["." [digits]] | "." digits) [exponent]
///     exponent = ("e" | "E") [sign] digits
///     sign     = "+" | "-"
///     special  = [sign] ("nan" | "inf" | "infinity")      (any letter case)
///
/// So `"5."`, `".5"`, `"-0"`, `"1e-320"` are numbers; `""`, `"."`, `"1e"`, `"--1"`, `"1,5"`,
/// `"0x10"`, `" 1"` are not. `nan` gives `Double.nan` and `inf`/`infinity` give `±Double.infinity`,
/// so callers can tell "not a number at all" (`nil`) from "not finite" (`!isFinite`). A literal too
/// large for `Double` (`1e400`) gives `±infinity`, like `strtod`.
///
/// The result is bit-identical to glibc `strtod` in the C locale (correctly rounded, round to
/// nearest even):
/// - Fast path (Clinger 1990): when the significant digits form an integer `m <= 2^53` and the
///   decimal exponent `e` satisfies `|e| <= 22`, both `m` and `10^|e|` are exact doubles, so a
///   single IEEE multiplication or division gives the correctly rounded result.
/// - Otherwise the field is copied into a NUL-terminated buffer (on the stack for fields up to
///   128 bytes) and converted with `strtod` under the C locale. Copying matters: `strtod` skips
///   leading white space, newlines included, and would happily read the next line's number.
///
/// Cost: one pass over the bytes, O(length); no heap allocation unless the slow path meets a field
/// longer than 128 bytes.
public enum DecimalParser {
    /// Parses `bytes` as a whole; `nil` when they are not a number by the grammar above.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress else { return nil }
        return parse(base, count: bytes.count)
    }

    /// Parses the UTF-8 of `text`; `nil` when it is not a number by the grammar above.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses `count` bytes at `p`; `nil` when they are not a number by the grammar above.
    public static func parse(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        var i = 0
        guard n > 0 else { return nil }
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
            guard n > 1 else { return nil }
        }
        let first = p[i] | 0x20
        if first == UInt8(ascii: "n") || first == UInt8(ascii: "i") {
            return parseSpecial(p + i, count: n - i, negative: negative)
        }

        var mantissa: UInt64 = 0
        var significantDigits = 0     // digits taken into `mantissa` (leading zeros excluded)
        var truncated = false          // digits beyond the 19th exist (exactness not guaranteed)
        var exponent = 0               // decimal exponent applied to `mantissa`
        var sawDigit = false

        while i < n {
            let d = p[i] &- UInt8(ascii: "0")
            guard d < 10 else { break }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || d != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significantDigits += 1
                }
            } else {
                exponent += 1
                truncated = true
            }
            i += 1
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        significantDigits += 1
                    }
                    exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var sawExponentDigit = false
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                sawExponentDigit = true
                if value < 1_000_000 { value = value * 10 + Int(d) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == n else { return nil }

        if mantissa == 0 && !truncated {
            return negative ? -0.0 : 0.0
        }
        if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= exactPowersOfTen[-exponent]
            } else {
                value *= exactPowersOfTen[exponent]
            }
            return negative ? -value : value
        }
        return slowPath(p, count: n)
    }

    /// 10^0 ... 10^22: every one is exactly representable in a `Double`.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `nan`, `inf`, `infinity` in any letter case (the sign has been consumed).
    private static func parseSpecial(_ p: UnsafePointer<UInt8>, count n: Int, negative: Bool) -> Double? {
        func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == n else { return false }
            let w = word.utf8Start
            for k in 0..<n where p[k] | 0x20 != w[k] { return false }
            return true
        }
        if matches("nan") { return .nan }
        if matches("inf") || matches("infinity") { return negative ? -.infinity : .infinity }
        return nil
    }

    /// `strtod` in the C locale on a NUL-terminated copy of exactly these bytes (already validated).
    private static func slowPath(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        if n < 128 {
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
                convert(p, count: n, into: buffer.baseAddress!)
            }
        }
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: n + 1)
        defer { buffer.deallocate() }
        return convert(p, count: n, into: buffer)
    }

    private static func convert(_ p: UnsafePointer<UInt8>, count n: Int,
                                into buffer: UnsafeMutablePointer<CChar>) -> Double? {
        UnsafeMutableRawPointer(buffer).copyMemory(from: p, byteCount: n)
        buffer[n] = 0
        var end: UnsafeMutablePointer<CChar>? = nil
        let previous = uselocale(cNumericLocale)
        let value = strtod(buffer, &end)
        uselocale(previous)
        guard end == buffer + n else { return nil }
        return value
    }
}

/// The C locale for `strtod` (decimal point "."), whatever the process locale is. Created once,
/// never freed, only read afterwards.
nonisolated(unsafe) private let cNumericLocale: locale_t? = newlocale(LC_NUMERIC_MASK, "C", nil)
