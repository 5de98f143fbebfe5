import Testing
@testable import RelmodelNumerics

@Suite struct ParallelTests {
    /// Results come back in index order and equal a serial loop, including per-index seeded randomness.
    @Test func mapKeepsOrderAndMatchesASerialLoop() {
        @Sendable func work(_ i: Int) -> Double {
            var generator = Xoshiro256StarStar(seed: UInt64(i))
            return (0..<100).reduce(0) { sum, _ in sum + RandomVariates.uniform01(using: &generator) }
        }
        let parallel = Parallel.map(1000) { work($0) }
        #expect(parallel == (0..<1000).map(work))
        #expect(Parallel.map(0) { $0 }.isEmpty)
    }
}
