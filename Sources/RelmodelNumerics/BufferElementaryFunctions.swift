#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's scalar `exp` and `log` under names that the members of `BufferElementaryFunctions` (also called
/// `exp` and `log`) do not shadow.
@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }

/// Elementwise exponential and natural logarithm over contiguous buffers of `Double`, in place, four
/// lanes at a time.
///
/// These are for hot loops such as a likelihood evaluated over 10^5 to 10^6 observations, where one
/// `exp` or `log` per element dominates. Each group of four elements is loaded as a `SIMD4<Double>` and
/// evaluated by straight-line code (range reduction, a polynomial, reconstruction) with no function call,
/// which would clobber every xmm register, and no table lookup, so the whole group stays in registers.
/// Only baseline x86-64 is assumed: SSE2, two lanes per register, no fused multiply-add.
///
/// A group is evaluated that way only if all four lanes lie in the kernel's domain. If any lane does not
/// (NaN, an infinity, an argument whose result would overflow, be subnormal or zero, or not be finite),
/// the whole group goes lane by lane through the platform's scalar `exp` or `log`, and so do the last
/// `count % 4` elements. Special values therefore get libm's results bit for bit, and because such
/// groups are rare in real data the check (one comparison of the four high words) is all the common
/// path pays for them.
///
/// Accuracy: within 1 ulp of the exact result in the vector path, but not always the same last bit as
/// libm's (see each function), so a sum over a buffer can differ from a scalar loop's in the last
/// digits. Results are deterministic: they depend only on the values and on how the buffer splits into
/// groups of four from its start (which decides the path each element takes), not on alignment or
/// threading.
public enum BufferElementaryFunctions: Sendable {
    /// Replaces every element of `x` by its exponential, e^x.
    ///
    /// Numerics of the vector path (all four lanes with |x| < 708):
    /// - Range reduction (Cody and Waite): k = round(x / ln 2), formed by adding and subtracting
    ///   1.5 * 2^52 (the addition rounds to an integer, whose low bits then sit in the sum's pattern), and
    ///   x = k ln 2 + r with r = rh - c, rh = x - k ln2_hi, c = k ln2_lo. ln2_hi has 32 significant bits,
    ///   so k ln2_hi is exact for |k| < 2^21 and rh is exact by Sterbenz's lemma; ln2_hi + ln2_lo is ln 2
    ///   to 1.2e-26, and |r| <= ln 2 / 2 (to within an ulp).
    /// - e^r = 1 + r + r^2 q(r), with q of degree 9 (degree 11 overall): the Chebyshev approximation, on
    ///   [-0.3466, 0.3466], of (e^r - 1 - r) / r^2, computed with 60-digit arithmetic and rounded to double;
    ///   with the rounded coefficients 1 + r + r^2 q(r) is within 1.6e-17 (0.07 ulp) of e^r. q is evaluated
    ///   by Estrin's scheme (short dependency chains). The sum is formed as hi + (lo + (r^2 q - c)) with
    ///   hi + lo = 1 + rh exactly (Fast2Sum), so 1 + r is never rounded and the rounding of r only
    ///   reaches the small term r^2 q.
    /// - Reconstruction: e^x = 2^k e^r, by adding k to the exponent field of e^r, which is in
    ///   [0.70, 1.42]. For |x| < 708, |k| <= 1021 and e^x is normal, so this scaling is exact.
    ///
    /// Error: under 1 ulp. The largest error found against 40-digit references was 0.80 ulp, on 2 * 10^6
    /// arguments over [-708, 709], in [-ln 2 / 2, ln 2 / 2], and at k's rounding boundaries (|r| near
    /// ln 2 / 2, the worst case); about 2% of results are not correctly rounded. Against glibc's `exp`
    /// on 4 * 10^7 arguments over [-708, 709] and [-1, 1]: never more than 1 ulp apart, differing in
    /// about 2% of them.
    ///
    /// Groups with a lane that has |x| >= 708 or is NaN (infinities, overflow beyond 709.78, subnormal
    /// results below -708.40, 0 below -745.13) go through libm's `exp`, and so get its results exactly.
    /// exp(0), exp(-0) and exp of a subnormal are exactly 1 either way.
    ///
    /// - Parameter x: The elements to exponentiate in place. An empty buffer (or one with a nil base
    ///   address) is left alone.
    /// - Complexity: O(n), where n is `x.count`. Measured for n = 10^5 (optimised build, one core of an
    ///   AMD EPYC): about 1.85 ns per element, against 2.7 ns for a loop of glibc's `exp`.
    public static func exp(_ x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        let n = x.count
        var i = 0
        while i &+ 4 <= n {
            let raw = UnsafeMutableRawPointer(base + i)
            let v = raw.loadUnaligned(as: SIMD4<Double>.self)
            if allLanes((highWords(v) & 0x7FFF_FFFF) .< ExpKernel.boundHighWord) {
                raw.storeBytes(of: ExpKernel.evaluate(v), as: SIMD4<Double>.self)
            } else {
                scalarExp(base + i, 4)
            }
            i &+= 4
        }
        scalarExp(base + i, n &- i)
    }

    /// Replaces every element of `x` by its natural logarithm.
    ///
    /// Numerics of the vector path (all four lanes positive, normal and finite):
    /// - Range reduction, from the bit pattern: x = 2^e m with m in [sqrt(1/2), sqrt(2)). Subtracting the
    ///   pattern of sqrt(1/2) from that of x borrows from the exponent field exactly when the significand
    ///   is below sqrt(1/2)'s, which gives e; m is x with e taken off its exponent field (exact).
    /// - log m = 2 atanh(s), s = (m - 1) / (m + 1) = f / (2 + f), where f = m - 1 is exact (Sterbenz) and
    ///   |s| <= 3 - 2 sqrt(2) = 0.1716. The odd series is 2s + s R, R = z h(z), z = s^2, with h of degree
    ///   6: the Chebyshev approximation, on [0, 0.02944], of (2 atanh(s) - 2s) / (s z), computed with
    ///   60-digit arithmetic and rounded to double; with the rounded coefficients the series is within
    ///   4.6e-18 relative of log m. Since 2s = f - s f, log m = f - s (f - R): the exact f leads, and the
    ///   rounding of the division only enters the correction s (f - R), about f^2 / 2 (as in fdlibm).
    /// - Result: e ln2_hi - ((s (f - R) - e ln2_lo) - f), where ln2_hi has 32 significant bits, so
    ///   e ln2_hi is exact for every exponent.
    ///
    /// Error: about 1 ulp at most. The largest error found against 40-digit references was 0.99 ulp, on
    /// 2 * 10^6 arguments over the normal range, in [0.7, 1.42] and just below 2^j sqrt(1/2) (the worst
    /// case: e ln 2 and log m nearly cancel, so the roundings in log m weigh double); 3 to 14% of results
    /// there are not correctly rounded. Against glibc's `log` on 6 * 10^7 arguments (uniformly random
    /// exponents over the normal range, [0.5, 2], [1.3, 2.9], 1 +- 1e-8): never more than 1 ulp apart,
    /// differing in 0.1% of random normals and 5 to 11% in [0.5, 3]. log(1) is exactly +0, and near 1,
    /// where f carries the result, the two agreed on every argument tried.
    ///
    /// Groups with a lane that is 0, negative, subnormal, infinite or NaN go through libm's `log`, and so
    /// get its results exactly (-infinity, NaN, the logarithm of a subnormal).
    ///
    /// - Parameter x: The elements whose logarithms replace them. An empty buffer (or one with a nil base
    ///   address) is left alone.
    /// - Complexity: O(n), where n is `x.count`. Measured for n = 10^5 (optimised build, one core of an
    ///   AMD EPYC): about 1.95 ns per element, against 2.1 to 2.5 ns for a loop of glibc's `log`. The
    ///   gain is small because glibc's table-driven `log` needs no division and runs its FMA variant,
    ///   while the two SSE2 divisions per group take about 13% of the time here.
    public static func log(_ x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        let n = x.count
        var i = 0
        while i &+ 4 <= n {
            let raw = UnsafeMutableRawPointer(base + i)
            let v = raw.loadUnaligned(as: SIMD4<Double>.self)
            if allLanes(highWords(v) &- LogKernel.smallestNormalHighWord .< LogKernel.normalRangeHighWords) {
                raw.storeBytes(of: LogKernel.evaluate(v), as: SIMD4<Double>.self)
            } else {
                scalarLog(base + i, 4)
            }
            i &+= 4
        }
        scalarLog(base + i, n &- i)
    }

    /// Replaces every element of `x` by its exponential; see `exp(_:)` for buffers.
    ///
    /// - Complexity: O(n), where n is `x.count` (plus a copy if the array's storage is shared).
    public static func exp(_ x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { exp($0) }
    }

    /// Replaces every element of `x` by its natural logarithm; see `log(_:)` for buffers.
    ///
    /// - Complexity: O(n), where n is `x.count` (plus a copy if the array's storage is shared).
    public static func log(_ x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { log($0) }
    }

    /// The high 32 bits of each lane's pattern (sign, exponent and 20 significand bits): enough to
    /// classify the lanes, with one 4 x 32-bit comparison instead of two 2 x 64-bit ones per bound.
    @inline(__always)
    private static func highWords(_ v: SIMD4<Double>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(truncatingIfNeeded: unsafeBitCast(v, to: SIMD4<UInt64>.self) &>> 32)
    }

    /// True if every lane of `mask` is set. (Spelled with the lanes' integer patterns, this compiles to a
    /// single `movmskps` on x86-64; `all(_:)` currently gives a much longer shuffle sequence.)
    @inline(__always)
    private static func allLanes(_ mask: SIMDMask<SIMD4<Int32>>) -> Bool {
        let lanes = unsafeBitCast(mask, to: SIMD4<Int32>.self)
        return (lanes.x & lanes.y & lanes.z & lanes.w) != 0
    }

    /// libm's `exp` on `count` elements from `start`: the tail, and groups with a special lane. Kept out of
    /// line so that the vector loop stays free of calls.
    @inline(never)
    private static func scalarExp(_ start: UnsafeMutablePointer<Double>, _ count: Int) {
        for j in 0..<count { start[j] = libmExp(start[j]) }
    }

    /// libm's `log` on `count` elements from `start`; see `scalarExp`.
    @inline(never)
    private static func scalarLog(_ start: UnsafeMutablePointer<Double>, _ count: Int) {
        for j in 0..<count { start[j] = libmLog(start[j]) }
    }
}

/// The vector path of `BufferElementaryFunctions.exp`: e^x for four lanes with |x| < 708.
enum ExpKernel {
    /// The vector path takes |x| < 708, that is, high word of |x| below 708's, 0x40862000 (NaN and the
    /// infinities are above it). e^-708 = 3.3e-308 is still normal (the smallest normal is e^-708.40)
    /// and e^708 = 3.0e307 finite, so 2^k and the result are normal numbers.
    static let boundHighWord: UInt32 = 0x4086_2000
    static let inverseLn2: Double = 0x1.71547652b82fep0
    /// ln 2 = ln2Hi + ln2Lo + 1.2e-26; ln2Hi has 32 significant bits (its low 21 bits are zero).
    static let ln2Hi: Double = 0x1.62e42feep-1
    static let ln2Lo: Double = 0x1.a39ef35793c76p-33
    /// 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer k, which then sits in
    /// the low bits of the sum's pattern (as 2^51 + k).
    static let shifter: Double = 0x1.8p52

    // q(r) = c2 + c3 r + ... + c11 r^9, close to (e^r - 1 - r) / r^2: the Chebyshev approximation on
    // [-ln2/2 * 1.0001, ln2/2 * 1.0001] (mpmath.chebyfit, 60 digits), rounded to double. With these
    // coefficients 1 + r + r^2 q(r) has relative error below 1.6e-17 there (60-digit check, 4001 points).
    static let c2: Double = 0x1.0000000000001p-1
    static let c3: Double = 0x1.5555555555556p-3
    static let c4: Double = 0x1.5555555553d63p-5
    static let c5: Double = 0x1.11111111109b3p-7
    static let c6: Double = 0x1.6c16c1788bd90p-10
    static let c7: Double = 0x1.a01a01a7c41d5p-13
    static let c8: Double = 0x1.a019b90d2ae7ap-16
    static let c9: Double = 0x1.71de0dae63bb3p-19
    static let c10: Double = 0x1.289185613a3d6p-22
    static let c11: Double = 0x1.af38a9b0ec855p-26

    @inline(__always)
    static func evaluate(_ x: SIMD4<Double>) -> SIMD4<Double> {
        // k = round(x / ln 2) in kd's low bits and in k as a double.
        let kd = x * inverseLn2 + shifter
        let k = kd - shifter
        // rh is exact; r = rh - c carries one rounding, so c is kept apart for the final sum.
        let rh = x - k * ln2Hi
        let c = k * ln2Lo
        let r = rh - c
        // Estrin's scheme for q: independent pairs, then powers of r^2.
        let r2 = r * r
        let r4 = r2 * r2
        let r8 = r4 * r4
        let q01 = c2 + c3 * r
        let q23 = c4 + c5 * r
        let q45 = c6 + c7 * r
        let q67 = c8 + c9 * r
        let q89 = c10 + c11 * r
        let q = (q01 + r2 * q23) + r4 * (q45 + r2 * q67) + r8 * q89
        // e^r = 1 + rh + (r^2 q - c), with 1 + rh split exactly into hi + lo (Fast2Sum, |rh| < 1), so
        // that the only large rounding is the last addition.
        let hi = 1 + rh
        let lo = (1 - hi) + rh
        let p = hi + (lo + (r2 * q - c))
        // 2^k p: the pattern of kd shifted left by 52 is k << 52 (the shifter's bits fall off the top),
        // which added to p's pattern adds k to its exponent field.
        let pBits = unsafeBitCast(p, to: SIMD4<UInt64>.self)
        let kBits = unsafeBitCast(kd, to: SIMD4<UInt64>.self) &<< 52
        return unsafeBitCast(pBits &+ kBits, to: SIMD4<Double>.self)
    }
}

/// The vector path of `BufferElementaryFunctions.log`: log x for four positive, normal, finite lanes.
enum LogKernel {
    /// x is positive, normal and finite exactly when the high word of its pattern is in
    /// [0x00100000, 0x7FF00000): one unsigned comparison after subtracting the bottom (0, subnormals,
    /// negative numbers, the infinities and NaN all land at or above 0x7FE00000).
    static let smallestNormalHighWord: UInt32 = 0x0010_0000
    static let normalRangeHighWords: UInt32 = 0x7FE0_0000
    /// ln 2 = ln2Hi + ln2Lo + 1.2e-26; ln2Hi has 32 significant bits, so e * ln2Hi is exact.
    static let ln2Hi: Double = 0x1.62e42feep-1
    static let ln2Lo: Double = 0x1.a39ef35793c76p-33
    /// Bit pattern of the double nearest sqrt(1/2) (0.44 ulp above it), the bottom of the reduced interval.
    static let sqrtHalfBits: UInt64 = 0x3FE6_A09E_667F_3BCD

    // h(z) = h0 + h1 z + ... + h6 z^6, close to (2 atanh(s) - 2s) / (s z), z = s^2, on [0, 0.02944]
    // (h0 ~ 2/3, h1 ~ 2/5, ...): the Chebyshev approximation on [0, 0.02944 * 1.0001] (mpmath.chebyfit,
    // 60 digits), rounded to double. With these coefficients the series 2s + s z h(z) has relative error
    // below 4.6e-18 for |s| <= 0.1716 (60-digit check, 4001 points).
    static let h0: Double = 0x1.5555555555558p-1
    static let h1: Double = 0x1.99999999952d7p-2
    static let h2: Double = 0x1.2492492df281ap-2
    static let h3: Double = 0x1.c71c62e3f11e6p-3
    static let h4: Double = 0x1.7462b51cb66b1p-3
    static let h5: Double = 0x1.39fe51a7c18f9p-3
    static let h6: Double = 0x1.2b5900de53b32p-3

    @inline(__always)
    static func evaluate(_ x: SIMD4<Double>) -> SIMD4<Double> {
        // t = pattern(x) - pattern(sqrt(1/2)) + 1023 << 52: its top 12 bits are e + 1023 (e is the
        // exponent with m in [sqrt(1/2), sqrt(2))), and its low 52 bits plus sqrt(1/2)'s pattern are m's.
        // Every intermediate stays in [0, 2^63) for positive normal x, so logical shifts suffice (SSE2
        // has no 64-bit arithmetic shift).
        let u = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        let t = u &- sqrtHalfBits &+ 0x3FF0_0000_0000_0000
        let m = unsafeBitCast((t & 0x000F_FFFF_FFFF_FFFF) &+ sqrtHalfBits, to: SIMD4<Double>.self)
        // e as a double without an integer conversion: (2^52 + e + 1023) - (2^52 + 1023), exact.
        let biasedExponent = unsafeBitCast((t &>> 52) | 0x4330_0000_0000_0000, to: SIMD4<Double>.self)
        let e = biasedExponent - 0x1.00000000003ffp52
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let z2 = z * z
        // Estrin's scheme for h, then R = z h(z).
        let h01 = h0 + h1 * z
        let h23 = h2 + h3 * z
        let h456 = (h4 + h5 * z) + h6 * z2
        let R = z * (h01 + z2 * (h23 + z2 * h456))
        return e * ln2Hi - ((s * (f - R) - e * ln2Lo) - f)
    }
}
