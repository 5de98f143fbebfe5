import Testing
@testable import RelmodelNumerics

@Suite struct RandomTests {
    // Expected outputs from an independent Python implementation of the reference C code
    // (https://prng.di.unimi.it/xoshiro256starstar.c, seeded by splitmix64.c):
    //
    //   M = (1 << 64) - 1
    //   def splitmix(x):
    //       x = (x + 0x9E3779B97F4A7C15) & M; z = x
    //       z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    //       z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    //       return x, z ^ (z >> 31)
    //   def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
    //   def xoshiro(seed, n):
    //       s = []; x = seed
    //       for _ in range(4): x, z = splitmix(x); s.append(z)
    //       out = []
    //       for _ in range(n):
    //           r = (rotl((s[1] * 5) & M, 7) * 9) & M; t = (s[1] << 17) & M
    //           s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
    //           out.append(r)
    //       return out
    //
    // (splitmix(0) gives 0xE220A8397B1DCDAF, the published first SplitMix64 output for seed 0.)
    @Test func pinnedOutputs() {
        var zero = Xoshiro256StarStar(seed: 0)
        let expectedZero: [UInt64] = [
            0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0,
            0x6aa5_94f1_262d_2d2c, 0xbba5_ad4a_1f84_2e59,
        ]
        for value in expectedZero { #expect(zero.next() == value) }
        var fortyTwo = Xoshiro256StarStar(seed: 42)
        let expected42: [UInt64] = [
            0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1,
            0xecb8_ad47_03b3_60a1, 0xfde6_dc7f_e2ec_5e64,
        ]
        for value in expected42 { #expect(fortyTwo.next() == value) }
        // (0x15780b2e0c2ec716 >> 11) * 2^-53
        var again = Xoshiro256StarStar(seed: 42)
        #expect(RandomVariates.uniform01(using: &again) == 0.08386297105988216)
    }

    /// Returns a fixed sequence, to probe the ends of the uniform mapping.
    struct FixedGenerator: RandomNumberGenerator {
        var values: [UInt64]
        var index = 0
        mutating func next() -> UInt64 {
            defer { index += 1 }
            return values[index % values.count]
        }
    }

    @Test func uniformNeverHitsTheEnds() {
        var generator = FixedGenerator(values: [0, UInt64.max])
        let low = RandomVariates.uniform01(using: &generator)
        let high = RandomVariates.uniform01(using: &generator)
        #expect(low == 0x1.0p-54)
        #expect(high == 1 - 0x1.0p-53)
        #expect(high < 1)
        var generator2 = FixedGenerator(values: [0, UInt64.max])
        let e1 = RandomVariates.exponential(using: &generator2)
        let e2 = RandomVariates.exponential(using: &generator2)
        #expect(e1.isFinite && e1 > 0)
        #expect(e2 > 0)
    }

    @Test func momentsOfVariates() {
        // 100k variates: the bounds are 5 standard errors, so a correct generator fails with probability
        // below 1e-6 while a wrong scale, shift or shape is caught.
        let n = 100_000
        var generator = Xoshiro256StarStar(seed: 20_240_601)
        func moments(_ draw: (inout Xoshiro256StarStar) -> Double) -> (mean: Double, variance: Double) {
            var sum = 0.0
            var sumSquares = 0.0
            for _ in 0..<n {
                let x = draw(&generator)
                sum += x
                sumSquares += x * x
            }
            let mean = sum / Double(n)
            return (mean, sumSquares / Double(n) - mean * mean)
        }
        let se = 1 / Double(n).squareRoot()
        let normal = moments { RandomVariates.standardNormal(using: &$0) }
        expectAbsolute(normal.mean, 0, 5 * se, "normal mean")
        expectAbsolute(normal.variance, 1, 5 * 2.0.squareRoot() * se, "normal variance")
        let uniform = moments { RandomVariates.uniform01(using: &$0) }
        expectAbsolute(uniform.mean, 0.5, 5 * (1.0 / 12).squareRoot() * se, "uniform mean")
        let exponential = moments { RandomVariates.exponential(using: &$0) }
        expectAbsolute(exponential.mean, 1, 5 * se, "exponential mean")
        expectAbsolute(exponential.variance, 1, 5 * 8.0.squareRoot() * se, "exponential variance")
        // Gamma(k): mean k, variance k, fourth central moment 3k^2 + 6k.
        for k in [0.3, 1.0, 2.5, 40.0] {
            let g = moments { RandomVariates.gamma(shape: k, using: &$0) }
            expectAbsolute(g.mean, k, 5 * k.squareRoot() * se, "gamma(\(k)) mean")
            expectAbsolute(g.variance, k, 5 * (2 * k * k + 6 * k).squareRoot() * se, "gamma(\(k)) variance")
        }
        #expect(RandomVariates.gamma(shape: 0, using: &generator).isNaN)
        #expect(RandomVariates.gamma(shape: -1, using: &generator).isNaN)
    }

    @Test func streamsAreReproducible() {
        var a = Xoshiro256StarStar(seed: 7)
        var b = Xoshiro256StarStar(seed: 7)
        var c = Xoshiro256StarStar(seed: 8)
        var differs = false
        for _ in 0..<1000 {
            let x = RandomVariates.standardNormal(using: &a)
            #expect(x == RandomVariates.standardNormal(using: &b))
            if x != RandomVariates.standardNormal(using: &c) { differs = true }
        }
        #expect(differs)
    }
}
