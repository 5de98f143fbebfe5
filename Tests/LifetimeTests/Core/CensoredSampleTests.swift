import Testing
@testable import Lifetime

/// The sample the general likelihood reads, and its shift to a threshold.
@Suite struct CensoredSampleTests {
    /// Exact failures, suspensions on both sides of the threshold, left-censored units and intervals
    /// starting below, at and above it, with ties.
    static func data() throws -> LifetimeData {
        var data = LifetimeData()
        for t in [12.0, 35, 35, 47, 61, 88] { try data.addFailure(at: t) }
        for t in [2.0, 3.0, 70, 70, 130] { try data.addSuspension(at: t, count: 2) }
        for t in [20.0, 55] { try data.addLeftCensored(before: t) }
        for (a, b) in [(1.0, 8.0), (3.0, 9.0), (5.0, 9.0), (30, 60), (30, 60), (90, 120)] { try data.addInterval(from: a, to: b) }
        return data
    }

    /// Shifting one merged sample to a threshold gives the sample built from the data at that threshold:
    /// suspensions at or below it dropped, intervals starting at or below it left-censored at their end
    /// (and merged with a left-censored entry at the same time), every time moved down by it.
    @Test(arguments: [0.0, -4.5, 3.0, 4.0, 11.5])
    func shiftingEqualsBuildingAtTheThreshold(threshold: Double) throws {
        let data = try Self.data()
        let shifted = CensoredSample(data).shifted(by: threshold)
        let built = CensoredSample(data, threshold: threshold)
        #expect(shifted == built)
        if threshold == 4.0 {
            // (1, 8] and (3, 9] become left-censored at 4 and 5; the suspensions at 2 and 3 drop out.
            #expect(built.left.map(\.time) == [4, 5, 16, 51])
            #expect(built.right.map(\.weight).reduce(0, +) == 6)
        }
    }
}
