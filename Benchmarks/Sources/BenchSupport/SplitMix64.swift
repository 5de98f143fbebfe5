/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference constants): a tiny, fast, seeded
/// generator, enough to make benchmark data deterministic. Not for statistics in the library, which
/// takes an injected `Xoshiro256StarStar` from RelmodelNumerics.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on the open interval (0, 1): the top 53 bits, offset by half a unit so 0 never occurs.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}
