import Testing
@testable import SPC

/// How often the simulation's 95% intervals hold the exact mean wait, over 30 seeds: M/M^(2,4)/1 at
/// loads 0.5, 0.8 and 0.95 (closed form), and M/D/1 and M/G/1 with gamma(2) batch times at load 0.7
/// (Pollaczek-Khinchine). Ten replications per seed; lots per replication grow with the load (the wait
/// is more autocorrelated near saturation). Required: at least 85% coverage (nominal 95%; the binomial
/// standard error over 30 seeds is 4%); the test prints how often. Release builds only (scripts/test.sh).
@Suite(.enabled(if: isReleaseBuild, "a simulation study: run in release builds (scripts/test.sh)"))
struct BatchToolCoverageTests {
    static let seeds = 30

    func coverage(_ exact: Double, lots: Int, _ simulate: (UInt64) throws -> BatchToolSimulation.Result) throws -> Double {
        var covered = 0
        for seed in 1...UInt64(Self.seeds) {
            let r = try simulate(seed)
            if r.meanWait.lower <= exact && exact <= r.meanWait.upper { covered += 1 }
        }
        return Double(covered) / Double(Self.seeds)
    }

    @Test(arguments: [(0.5, 50_000), (0.8, 100_000), (0.95, 400_000)])
    func closedForm(load: Double, lots: Int) throws {
        let mu = 0.5, b = 4, lambda = load * Double(b) * mu
        let exact = try BulkServiceQueue(arrivalRate: lambda, serviceRate: mu, minimumBatch: 2, capacity: b).meanWait
        let rate = try coverage(exact, lots: lots) { seed in
            try BatchToolSimulation.run(arrivalRate: lambda, service: .exponential(mean: 1 / mu), capacity: b,
                                        policy: .init(minimumBatch: 2), lots: lots, replications: 10, seed: seed)
        }
        print("load-size coverage: M/M^(2,4)/1 at load \(load): \(rate) of \(Self.seeds) seeds (95% nominal)")
        #expect(rate >= 0.85, "\(rate)")
    }

    @Test(arguments: [BatchToolSimulation.Service.deterministic(1), .gamma(shape: 2, mean: 1)])
    func pollaczekKhinchine(service: BatchToolSimulation.Service) throws {
        let lambda = 0.7
        let exact = try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: lambda, serviceMean: service.mean, serviceSecondMoment: service.secondMoment)
        let rate = try coverage(exact, lots: 100_000) { seed in
            try BatchToolSimulation.run(arrivalRate: lambda, service: service, capacity: 1, policy: .init(minimumBatch: 1),
                                        lots: 100_000, replications: 10, seed: seed)
        }
        print("load-size coverage: Pollaczek-Khinchine, \(service) at load 0.7: \(rate) of \(Self.seeds) seeds (95% nominal)")
        #expect(rate >= 0.85, "\(rate)")
    }
}
