import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import SPC

/// M/M^(a,b)/1 in closed form against the oracle rows (../shared/oracles/README.md, queue/) and against
/// a truncated Markov chain solved through LAPACK.
@Suite struct BulkServiceQueueTests {
    /// M/M/1 (lambda 0.5, mu 1): Lq 0.5, Wq 1.0; lambda 1, mu 0.5, b 4: a = 1 Lq = Wq = 2.5368661182,
    /// a = 4 Lq = Wq = 2.3650466486; to 1e-9.
    @Test(arguments: [(0.5, 1.0, 1, 1, 0.5, 1.0), (1.0, 0.5, 1, 4, 2.5368661182, 2.5368661182), (1.0, 0.5, 4, 4, 2.3650466486, 2.3650466486)])
    func oracleRows(lambda: Double, mu: Double, a: Int, b: Int, lq: Double, wq: Double) throws {
        let q = try BulkServiceQueue(arrivalRate: lambda, serviceRate: mu, minimumBatch: a, capacity: b)
        #expect(abs(q.lotsWaiting - lq) < 1e-9, "Lq \(q.lotsWaiting)")
        #expect(abs(q.meanWait - wq) < 1e-9, "Wq \(q.meanWait)")
        // Probabilities sum to 1 and the batch size lies between a and b.
        var total = 0.0
        for n in 0..<a { total += q.idleProbability(n) }
        for n in 0..<10_000 { total += q.busyProbability(n) }
        #expect(abs(total - 1) < 1e-12)
        #expect(q.meanBatch >= Double(a) - 1e-12 && q.meanBatch <= Double(b) + 1e-12)
    }

    /// The closed form equals the truncated chain for other capacities, minimum batches and loads, in
    /// Lq, the utilisation and every state probability near the head. The chain is truncated where the
    /// closed form's tail r^N falls below 1e-15 (N = 1,900 waiting at load 0.95 with b = 5).
    @Test(arguments: [(2, 1, 0.5), (3, 2, 0.8), (5, 3, 0.95), (6, 6, 0.7), (8, 2, 0.9), (4, 4, 0.3)])
    func closedFormEqualsMarkovChain(b: Int, a: Int, load: Double) throws {
        let mu = 0.25, lambda = load * Double(b) * mu
        let exact = try BulkServiceQueue(arrivalRate: lambda, serviceRate: mu, minimumBatch: a, capacity: b)
        let truncation = max(100, Int((log(1e-15) / log(exact.root)).rounded(.up)) + b)
        let chain = try BulkServiceChain(arrivalRate: lambda, serviceRate: mu, minimumBatch: a, capacity: b, maximumWaiting: truncation)
        #expect(abs(exact.lotsWaiting - chain.lotsWaiting) < 1e-8 * max(1, chain.lotsWaiting), "Lq \(exact.lotsWaiting) chain \(chain.lotsWaiting)")
        #expect(abs(exact.utilization - chain.busy.reduce(0, +)) < 1e-10)
        for n in 0..<a { #expect(abs(exact.idleProbability(n) - chain.idle[n]) < 1e-10) }
        for n in 0..<20 { #expect(abs(exact.busyProbability(n) - chain.busy[n]) < 1e-10) }
    }

    /// Unstable or impossible designs are refused.
    @Test func refused() {
        #expect(throws: SPCError.self) { try BulkServiceQueue(arrivalRate: 2, serviceRate: 0.5, minimumBatch: 1, capacity: 4) }
        #expect(throws: SPCError.self) { try BulkServiceQueue(arrivalRate: 1, serviceRate: 1, minimumBatch: 5, capacity: 4) }
        #expect(throws: SPCError.self) { try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: 1, serviceMean: 1, serviceSecondMoment: 2) }
    }

    /// Pollaczek-Khinchine reduces to M/M/1 for exponential service (s2 = 2 m^2) and to M/D/1 half of it.
    @Test func pollaczekKhinchine() throws {
        let mm1 = try BulkServiceQueue(arrivalRate: 0.8, serviceRate: 1, minimumBatch: 1, capacity: 1)
        #expect(abs(try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: 0.8, serviceMean: 1, serviceSecondMoment: 2) - mm1.meanWait) < 1e-12)
        #expect(abs(try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: 0.8, serviceMean: 1, serviceSecondMoment: 1) - mm1.meanWait / 2) < 1e-12)
    }
}
