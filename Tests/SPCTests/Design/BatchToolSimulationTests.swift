import Testing
import RelmodelNumerics
@testable import SPC

/// The batch-tool simulation against the exact results, its determinism, and its quantile estimator.
@Suite struct BatchToolSimulationTests {
    /// Exponential batch times, b = 4, a = 2, load 0.8: the simulation's interval holds the closed form's
    /// mean wait, lots waiting, utilisation and mean batch (one seed; the release-build study counts
    /// coverage over many).
    @Test func agreesWithTheClosedForm() throws {
        let mu = 0.5, b = 4, lambda = 0.8 * 4 * 0.5
        let exact = try BulkServiceQueue(arrivalRate: lambda, serviceRate: mu, minimumBatch: 2, capacity: b)
        let sim = try BatchToolSimulation.run(arrivalRate: lambda, service: .exponential(mean: 1 / mu), capacity: b,
                                              policy: .init(minimumBatch: 2), lots: 100_000, replications: 8, seed: 11)
        for (name, e, x) in [("meanWait", sim.meanWait, exact.meanWait), ("lotsWaiting", sim.lotsWaiting, exact.lotsWaiting),
                             ("utilization", sim.utilization, exact.utilization), ("meanBatch", sim.meanBatch, exact.meanBatch)] {
            #expect(e.lower <= x && x <= e.upper, "\(name): exact \(x), simulated \(e.value) [\(e.lower), \(e.upper)]")
        }
        #expect(abs(sim.throughput.value - lambda) < 0.02 * lambda)
    }

    /// a = b = 1 with deterministic and gamma batch times: Pollaczek-Khinchine's mean wait.
    @Test(arguments: [BatchToolSimulation.Service.deterministic(1), .gamma(shape: 2, mean: 1)])
    func pollaczekKhinchine(service: BatchToolSimulation.Service) throws {
        let lambda = 0.7
        let exact = try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: lambda, serviceMean: service.mean, serviceSecondMoment: service.secondMoment)
        let sim = try BatchToolSimulation.run(arrivalRate: lambda, service: service, capacity: 1, policy: .init(minimumBatch: 1),
                                              lots: 100_000, replications: 8, seed: 5)
        #expect(sim.meanWait.lower <= exact && exact <= sim.meanWait.upper, "exact \(exact), simulated \(sim.meanWait)")
    }

    /// The same seed gives the same numbers; another seed others.
    @Test func deterministic() throws {
        func run(_ seed: UInt64) throws -> BatchToolSimulation.Result {
            try BatchToolSimulation.run(arrivalRate: 1, service: .gamma(shape: 3, mean: 2), capacity: 4,
                                        policy: .init(minimumBatch: 3, maximumWait: 1.5), lots: 5_000, replications: 4, seed: seed)
        }
        #expect(try run(7) == run(7))
        #expect(try run(7) != run(8))
    }

    /// With a maximum wait and a nearly idle tool, a lot never waits much beyond W: the 95th percentile
    /// is at most W.
    @Test func maximumWaitCapsTheWait() throws {
        let sim = try BatchToolSimulation.run(arrivalRate: 0.05, service: .deterministic(1), capacity: 8,
                                              policy: .init(minimumBatch: 8, maximumWait: 4), lots: 20_000, replications: 4, seed: 3)
        #expect(sim.waitP95.value <= 4 + 1e-9)
        #expect(sim.meanBatch.value < 2)
    }

    /// Product families that may not share a batch: with a capacity of one lot the families cannot
    /// matter (every batch is one lot), so M/M/1's mean wait holds; with b = a = 4 every batch is full
    /// and of one family, and the lots wait longer than when the families may mix.
    @Test func productFamilies() throws {
        let single = try BulkServiceQueue(arrivalRate: 0.6, serviceRate: 1, minimumBatch: 1, capacity: 1)
        let split = try BatchToolSimulation.run(arrivalRate: 0.6, service: .exponential(mean: 1), capacity: 1, policy: .init(minimumBatch: 1),
                                                lots: 100_000, replications: 8, families: [0.5, 0.3, 0.2], seed: 4)
        #expect(split.meanWait.lower <= single.meanWait && single.meanWait <= split.meanWait.upper, "\(split.meanWait) vs \(single.meanWait)")
        let mixed = try BatchToolSimulation.run(arrivalRate: 1, service: .exponential(mean: 2), capacity: 4, policy: .init(minimumBatch: 4),
                                                lots: 50_000, replications: 4, seed: 4)
        let apart = try BatchToolSimulation.run(arrivalRate: 1, service: .exponential(mean: 2), capacity: 4, policy: .init(minimumBatch: 4),
                                                lots: 50_000, replications: 4, families: [1, 1], seed: 4)
        #expect(apart.meanBatch.value == 4)
        #expect(apart.meanWait.lower > mixed.meanWait.upper)
        #expect(throws: SPCError.self) {
            try BatchToolSimulation.run(arrivalRate: 1, service: .exponential(mean: 2), capacity: 4, policy: .init(minimumBatch: 4),
                                        lots: 5_000, replications: 2, families: [1, -1], seed: 4)
        }
    }

    /// P-square's 95th percentile of 200,000 exponential values is within 1% of the sample quantile.
    @Test func pSquareQuantile() {
        var g = Xoshiro256StarStar(seed: 1)
        var estimator = PSquareQuantile(0.95)
        var values: [Double] = []
        for _ in 0..<200_000 {
            let x = RandomVariates.exponential(using: &g)
            values.append(x)
            estimator.add(x)
        }
        values.sort()
        let sample = values[Int(0.95 * Double(values.count))]
        #expect(abs(estimator.value - sample) < 0.01 * sample, "\(estimator.value) vs \(sample)")
    }

    @Test func refused() {
        #expect(throws: SPCError.self) {
            try BatchToolSimulation.run(arrivalRate: 1, service: .empirical([]), capacity: 2, policy: .init(minimumBatch: 1), lots: 1000, replications: 2, seed: 1)
        }
        #expect(throws: SPCError.self) {
            try BatchToolSimulation.run(arrivalRate: 1, service: .deterministic(1), capacity: 2, policy: .init(minimumBatch: 3), lots: 1000, replications: 2, seed: 1)
        }
    }
}
