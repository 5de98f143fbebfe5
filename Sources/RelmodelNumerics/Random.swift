#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** 1.0 (Blackman & Vigna, 2018): a fast 64-bit generator with 256 bits of state, period
/// 2^256 - 1, that passes BigCrush and PractRand. Seeded through SplitMix64 as its authors recommend, so
/// every 64-bit seed (including 0) gives a well-mixed, non-zero state. The integer stream is identical on
/// every platform; it is for simulation and bootstrap, not cryptography.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Expands `seed` into the four state words with four successive SplitMix64 outputs.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits. Cost: a few integer operations.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// Random variates from any `RandomNumberGenerator`.
///
/// Uniforms are built from the top 53 bits of one 64-bit output, so with `Xoshiro256StarStar` they are
/// bit-identical across platforms; the other variates pass them through libm's log (and, in the normal
/// quantile's tails, sqrt), which glibc and Apple's libm round within an ulp, so they agree to the last bit
/// or nearly so.
public enum RandomVariates: Sendable {
    /// Uniform on the open interval (0, 1): k / 2^53 for k uniform on 0..<2^53 (the top 53 bits), with
    /// k = 0 mapped to 2^-54. Every value is exactly representable, the largest is 1 - 2^-53, so the result
    /// is never 0 or 1 and log(u), log(1 - u) are always finite. (The tempting (k + 1/2) / 2^53 rounds to
    /// exactly 1 for the top k.) Cost: one generator call.
    public static func uniform01<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let k = generator.next() >> 11
        return k == 0 ? 0x1.0p-54 : Double(k) * 0x1.0p-53
    }

    /// Standard normal by inversion, Phi^-1(U) with Wichura's AS 241: one uniform per variate, exact to
    /// ~1e-16, and monotone in U (useful for common random numbers). Values lie within about -8.3 and +8.2.
    /// Cost: one generator call and a rational function (plus log and sqrt in 15% of calls).
    public static func standardNormal<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        StandardNormal.quantile(uniform01(using: &generator))
    }

    /// Exponential with rate 1 by inversion, -log(U); always finite and > 0. Cost: one call and one log.
    public static func exponential<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        -log(uniform01(using: &generator))
    }

    /// Gamma with the given shape and scale 1, by Marsaglia & Tsang (ACM TOMS 26, 2000): squeeze-accepted
    /// cubes of normals for shape >= 1 (acceptance above 95%), and for shape < 1 the boost
    /// Gamma(shape + 1) * U^(1/shape), formed in logarithms so tiny shapes underflow gracefully to 0.
    /// Returns NaN for shape <= 0, infinite or NaN. Cost: about 1.1 normal and uniform pairs per variate.
    public static func gamma<G: RandomNumberGenerator>(shape: Double, using generator: inout G) -> Double {
        guard shape > 0, shape.isFinite else { return .nan }
        if shape < 1 {
            let g = gamma(shape: shape + 1, using: &generator)
            let u = uniform01(using: &generator)
            return exp(log(g) + log(u) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform01(using: &generator)
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }
}
