import Testing
@testable import SPC

/// Contributions of variables and time points to a batch's SPE and T² (`BatchContributions`).
@Suite struct BatchContributionsTests {
    /// A faulty batch as in `MultiwayPCATests.faultyBatch` (a drift in the second half, here on each
    /// variable in turn, its size in proportion to the variable's spread, which grows with its index):
    /// the faulty variable leads the SPE contributions, the contributions add up to SPE and T², and the
    /// second half of the time points carries more of the SPE than the first.
    @Test func faultyVariableLeads() throws {
        let faulty = 37
        for (variable, seed) in [(1, UInt64(2024)), (0, 7), (2, 99)] {
            let nested = MultiwayPCATests.simulate(batches: 53, variables: 3, times: 100, seed: seed, faulty: faulty,
                                                   driftVariable: variable, drift: 2.5 * Double(variable + 1))
            let normal = nested.indices.filter { $0 != faulty }.map { nested[$0] }
            let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: normal), components: 2)
            let data = try BatchTrajectoryData(trajectories: [nested[faulty]])
            let c = try model.contributions(of: data, batch: 0)
            let stats = try model.project(data)[0]
            #expect(abs(c.speByVariable.reduce(0, +) - stats.spe) < 1e-9 * stats.spe)
            #expect(abs(c.speByTime.reduce(0, +) - stats.spe) < 1e-9 * stats.spe)
            #expect(abs(c.t2ByVariable.reduce(0, +) - stats.t2) < 1e-9 * max(stats.t2, 1))
            #expect(abs(c.t2ByTime.reduce(0, +) - stats.t2) < 1e-9 * max(stats.t2, 1))
            let leader = c.speByVariable.indices.max { c.speByVariable[$0] < c.speByVariable[$1] }!
            #expect(leader == variable, "seed \(seed): SPE contributions \(c.speByVariable)")
            #expect(c.speByTime[50...].reduce(0, +) > c.speByTime[..<50].reduce(0, +))
            #expect(c.speByVariable.allSatisfy { $0 >= 0 })
        }
    }

    /// Model and data must agree on variables and time points.
    @Test func mismatchedBatches() throws {
        let nested = MultiwayPCATests.simulate(batches: 10, variables: 3, times: 8, seed: 1)
        let model = try MultiwayPCA(reference: BatchTrajectoryData(trajectories: nested), components: 2)
        let other = try BatchTrajectoryData(trajectories: MultiwayPCATests.simulate(batches: 2, variables: 2, times: 8, seed: 2))
        #expect(throws: SPCError.self) { try model.contributions(of: other, batch: 0) }
    }
}
