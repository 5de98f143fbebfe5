import RelmodelNumerics

/// How full to load a batch tool: the minimum-batch policies a = 1 ... b of a tool of capacity b (each
/// optionally with a maximum wait W) compared by mean and 95th-percentile wait, fill rate, mean batch,
/// utilisation, throughput and lots waiting, and the best policy by mean wait.
///
/// Exact where exact exists: exponential batch times without a maximum wait are Neuts' M/M^(a,b)/1
/// (`BulkServiceQueue`), and a tool of capacity 1 with any batch time and no maximum wait is M/G/1
/// (Pollaczek-Khinchine, the mean wait and what follows from it). The 95th-percentile wait has no
/// closed form here: exact rows take it from the simulation of the same policy, with its interval
/// (`waitP95FromSimulation`). Everything else (a maximum wait, other batch
/// times, several product families that may not share a batch), or everything with `simulate`, is the
/// seeded simulation (`BatchToolSimulation`), each figure with its interval.
public struct LoadSizeStudy: Sendable {
    /// A figure: its value and, from the simulation, its confidence interval.
    public struct Figure: Sendable, Equatable {
        public let value: Double
        public let lower: Double?
        public let upper: Double?

        init(_ value: Double) { self.value = value; lower = nil; upper = nil }
        init(_ e: BatchToolSimulation.Estimate) { value = e.value; lower = e.lower; upper = e.upper }
    }

    /// How a row was obtained.
    public enum Method: String, Sendable, Equatable { case exact, pollaczekKhinchine = "pollaczek-khinchine", simulation }

    /// One policy's figures.
    public struct Row: Sendable, Equatable {
        public let policy: BatchToolSimulation.Policy
        public let method: Method
        public let meanWait: Figure
        /// From the simulation in every row (exact rows: `waitP95FromSimulation`).
        public let waitP95: Figure
        /// True for an exact row: its 95th-percentile wait is simulated, its other figures are exact.
        public var waitP95FromSimulation: Bool { method != .simulation }
        public let lotsWaiting: Figure
        public let utilization: Figure
        public let meanBatch: Figure
        public let fillRate: Figure
        public let throughput: Figure
    }

    public let arrivalRate: Double
    public let service: BatchToolSimulation.Service
    public let capacity: Int
    public let rows: [Row]
    /// Lots simulated in all.
    public let lotsSimulated: Int

    /// The row with the least mean wait (the first of equals).
    public var best: Row { rows.min { $0.meanWait.value < $1.meanWait.value }! }

    /// The study: closed-form rows where they exist, simulated ones otherwise.
    /// - Parameters:
    ///   - lambda: the lots' arrival rate (Poisson), per unit time.
    ///   - service: the batch time's distribution, whatever the batch's size.
    ///   - b: the tool's capacity in lots.
    ///   - minimumBatches: the policies' a values (each 1 ... b); default every a.
    ///   - maximumWait: W, the longest the oldest waiting lot may wait before the tool starts; nil for none.
    ///   - simulate: simulate even where a closed form exists.
    ///   - lots: lots per simulated replication.
    ///   - replications: simulated replications (their spread gives the intervals).
    ///   - families: the product families' shares of the arrivals (lots of different families never share
    ///     a batch); one family by default.
    ///   - seed: the simulation's seed (each replication's generator derives from it and its index).
    ///   - progress: counts simulated replications as they finish (nil: no one is watching).
    /// - Throws: `.invalidParameter` for bad rates, capacities or policies; an unstable tool
    ///   (lambda >= b / mean batch time) is refused whatever the method, since no policy can keep up.
    public init(arrivalRate lambda: Double, service: BatchToolSimulation.Service, capacity b: Int,
                minimumBatches: [Int]? = nil, maximumWait: Double? = nil, simulate: Bool = false,
                lots: Int = 200_000, replications: Int = 10, families: [Double] = [1], seed: UInt64 = 1,
                progress: ProgressReporter? = nil) throws(SPCError) {
        guard b >= 1 else { throw .invalidParameter("the capacity must be at least 1 lot") }
        guard lambda > 0, lambda.isFinite, service.mean > 0, service.mean.isFinite else {
            throw .invalidParameter("the arrival rate and the mean batch time must be positive")
        }
        guard lambda * service.mean < Double(b) else {
            throw .invalidParameter("unstable: lots arrive at \(lambda) per unit time and full batches leave at most at \(Double(b) / service.mean): no policy keeps up")
        }
        let policies = (minimumBatches ?? Array(1...b)).map { BatchToolSimulation.Policy(minimumBatch: $0, maximumWait: maximumWait) }
        guard !policies.isEmpty, policies.allSatisfy({ $0.minimumBatch >= 1 && $0.minimumBatch <= b }) else {
            throw .invalidParameter("minimum batches must be between 1 and the capacity \(b)")
        }
        var exponential = false
        if case .exponential = service { exponential = true }
        var rows: [Row] = [], simulated = 0
        for policy in policies {
            let exactMeans = !simulate && maximumWait == nil && families.count == 1 && (exponential || b == 1)
            // The simulation gives every figure of a simulated row and the 95th-percentile wait of an exact one.
            let r = try BatchToolSimulation.run(arrivalRate: lambda, service: service, capacity: b, policy: policy, lots: lots,
                                                replications: replications, families: families, seed: seed, progress: progress)
            simulated += r.lotsSimulated
            if exactMeans, exponential {
                let q = try BulkServiceQueue(arrivalRate: lambda, serviceRate: 1 / service.mean, minimumBatch: policy.minimumBatch, capacity: b)
                rows.append(Row(policy: policy, method: .exact, meanWait: Figure(q.meanWait), waitP95: Figure(r.waitP95), lotsWaiting: Figure(q.lotsWaiting),
                                utilization: Figure(q.utilization), meanBatch: Figure(q.meanBatch), fillRate: Figure(q.fillRate),
                                throughput: Figure(q.throughput)))
            } else if exactMeans {
                let wait = try BulkServiceQueue.pollaczekKhinchineWait(arrivalRate: lambda, serviceMean: service.mean,
                                                                        serviceSecondMoment: service.secondMoment)
                rows.append(Row(policy: policy, method: .pollaczekKhinchine, meanWait: Figure(wait), waitP95: Figure(r.waitP95),
                                lotsWaiting: Figure(lambda * wait), utilization: Figure(lambda * service.mean), meanBatch: Figure(1),
                                fillRate: Figure(1), throughput: Figure(lambda)))
            } else {
                rows.append(Row(policy: policy, method: .simulation, meanWait: Figure(r.meanWait), waitP95: Figure(r.waitP95),
                                lotsWaiting: Figure(r.lotsWaiting), utilization: Figure(r.utilization), meanBatch: Figure(r.meanBatch),
                                fillRate: Figure(r.fillRate), throughput: Figure(r.throughput)))
            }
        }
        arrivalRate = lambda
        self.service = service
        capacity = b
        self.rows = rows
        lotsSimulated = simulated
    }
}
