import Testing
@testable import Lifetime
import RelmodelNumerics

@Suite struct TimeSortTests {
    /// The radix sort agrees with the standard library's stable sort, ties keeping their input order.
    @Test(arguments: [10, 1000, 50_000])
    func radixSortMatchesStableSort(count: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(count))
        var times: [Double] = [], counts: [Double] = []
        for i in 0..<count {
            let u = RandomVariates.uniform01(using: &generator)
            // Many ties (rounded values), zeros, and a wide range of magnitudes.
            times.append(i % 7 == 0 ? 0 : (u < 0.5 ? (u * 100).rounded() : u * 1e9 * u))
            counts.append(Double(i))
        }
        let sorted = TimeSort.sortedPairs(times, counts)
        let reference = zip(times, counts).map { (time: $0.0, count: $0.1) }.sorted { $0.time < $1.time }
        #expect(sorted.map(\.time) == reference.map(\.time))
        #expect(sorted.map(\.count) == reference.map(\.count))   // stable: ties in input order
    }

    @Test func negativeTimesFallBackToComparisonSort() {
        let sorted = TimeSort.sortedPairs((0..<100).map { Double(50 - $0) }, Array(repeating: 1, count: 100))
        #expect(sorted.first?.time == -49 && sorted.last?.time == 50)
    }
}
