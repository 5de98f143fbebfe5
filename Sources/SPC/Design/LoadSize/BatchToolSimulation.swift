#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A seeded discrete-event simulation of a batch tool: Poisson lot arrivals, one tool of capacity b,
/// a batch time from a given distribution whatever the batch's size, and a start rule: when idle, the
/// tool starts as soon as at least a lots wait, or (with a maximum wait W) when the oldest waiting lot
/// has waited W; it takes up to b lots, oldest first. With several product families (`families`: their
/// shares of the arrivals) a batch holds lots of one family only; of the families allowed to start,
/// the one whose oldest lot came first goes.
///
/// Each replication has its own generator (xoshiro256** seeded from the seed and the replication's
/// index), so results are identical for one seed whatever the number of cores; replications run in
/// parallel. Per replication the first `warmUpFraction` of the lots are discarded (their waits and the
/// time before the first kept lot arrives), and every figure is measured over the rest: mean wait,
/// 95th-percentile wait (P-square estimator of Jain and Chlamtac, 1985, without storing the waits),
/// lots waiting (time average), utilisation, mean batch, fill rate and throughput. The reported value
/// is the mean over replications, with a t interval from their spread.
/// - Complexity: O(lots) per replication (a ring buffer of waiting lots, one random arrival gap per lot,
///   one batch time per batch); memory O(largest queue).
public enum BatchToolSimulation {
    /// The batch time's distribution.
    public enum Service: Sendable, Equatable {
        case exponential(mean: Double)
        case deterministic(Double)
        /// Gamma with shape k and the given mean.
        case gamma(shape: Double, mean: Double)
        /// Resampled from observed batch times.
        case empirical([Double])

        public var mean: Double {
            switch self {
            case let .exponential(m), let .deterministic(m), let .gamma(_, m): m
            case let .empirical(times): times.reduce(0, +) / Double(times.count)
            }
        }

        /// E[S^2].
        public var secondMoment: Double {
            switch self {
            case let .exponential(m): 2 * m * m
            case let .deterministic(m): m * m
            case let .gamma(k, m): m * m * (1 + 1 / k)
            case let .empirical(times): times.reduce(0) { $0 + $1 * $1 } / Double(times.count)
            }
        }

        func sample<G: RandomNumberGenerator>(_ g: inout G) -> Double {
            switch self {
            case let .exponential(m): m * RandomVariates.exponential(using: &g)
            case let .deterministic(m): m
            case let .gamma(k, m): m / k * RandomVariates.gamma(shape: k, using: &g)
            case let .empirical(times): times[Int(RandomVariates.uniform01(using: &g) * Double(times.count))]
            }
        }
    }

    /// The start rule.
    public struct Policy: Sendable, Equatable, Hashable {
        public let minimumBatch: Int
        /// Start with fewer than `minimumBatch` lots when the oldest has waited this long (nil: never).
        public let maximumWait: Double?

        public init(minimumBatch: Int, maximumWait: Double? = nil) {
            self.minimumBatch = minimumBatch
            self.maximumWait = maximumWait
        }
    }

    /// A figure's mean over replications and its confidence interval.
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        public let lower: Double
        public let upper: Double
    }

    /// The figures of one policy.
    public struct Result: Sendable, Equatable {
        public let policy: Policy
        public let meanWait: Estimate
        public let waitP95: Estimate
        public let lotsWaiting: Estimate
        public let utilization: Estimate
        public let meanBatch: Estimate
        public let fillRate: Estimate
        public let throughput: Estimate
        public let replications: Int
        public let lotsPerReplication: Int
        /// Lots simulated in all (warm-up included).
        public var lotsSimulated: Int { replications * lotsPerReplication }
    }

    /// One replication's figures.
    struct Replication {
        var meanWait = 0.0, waitP95 = 0.0, lotsWaiting = 0.0, utilization = 0.0, meanBatch = 0.0, throughput = 0.0
    }

    /// Runs `replications` replications of `lots` lots each.
    /// - Throws: `.invalidParameter` for a rate or mean that is not positive, 1 <= a <= b violated, a
    ///   maximum wait that is negative, an empty empirical sample, fewer than 2 replications, or too few
    ///   lots to keep after the warm-up.
    public static func run(arrivalRate lambda: Double, service: Service, capacity b: Int, policy: Policy,
                           lots: Int, replications: Int, warmUpFraction: Double = 0.1, confidence: Double = 0.95,
                           families: [Double] = [1], seed: UInt64, progress: ProgressReporter? = nil) throws(SPCError) -> Result {
        guard !families.isEmpty, families.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .invalidParameter("the product families' shares of the arrivals must be positive numbers")
        }
        guard lambda > 0, lambda.isFinite else { throw .invalidParameter("the arrival rate must be positive") }
        if case let .empirical(times) = service {
            guard !times.isEmpty, times.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw .invalidParameter("the observed batch times must be a non-empty list of non-negative numbers")
            }
        }
        guard service.mean > 0, service.mean.isFinite else { throw .invalidParameter("the mean batch time must be positive") }
        if case let .gamma(k, _) = service, !(k > 0 && k.isFinite) { throw .invalidParameter("the gamma shape must be positive") }
        guard policy.minimumBatch >= 1, policy.minimumBatch <= b else {
            throw .invalidParameter("the minimum batch must be between 1 and the capacity \(b), got \(policy.minimumBatch)")
        }
        if let w = policy.maximumWait, !(w >= 0 && w.isFinite) { throw .invalidParameter("the maximum wait must be a non-negative number") }
        guard replications >= 2 else { throw .invalidParameter("at least 2 replications are needed for an interval") }
        guard warmUpFraction >= 0, warmUpFraction < 1 else { throw .invalidParameter("the warm-up fraction must be in [0, 1)") }
        let kept = lots - Int(Double(lots) * warmUpFraction)
        guard kept >= 100 else { throw .invalidParameter("too few lots per replication after the warm-up (\(kept)); at least 100") }
        progress?.expect(replications)
        let runs = Parallel.map(replications) { r -> Replication in
            var generator = Xoshiro256StarStar(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(r + 1))
            let result = replicate(lambda: lambda, service: service, capacity: b, policy: policy, lots: lots,
                                   warmUp: lots - kept, families: families, generator: &generator)
            progress?.advance()
            return result
        }
        let t = StudentT.quantile(0.5 + confidence / 2, degreesOfFreedom: Double(replications - 1))
        func estimate(_ value: (Replication) -> Double) -> Estimate {
            let xs = runs.map(value)
            let mean = xs.reduce(0, +) / Double(xs.count)
            let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)
            let half = t * (variance / Double(xs.count)).squareRoot()
            return Estimate(value: mean, lower: mean - half, upper: mean + half)
        }
        return Result(policy: policy, meanWait: estimate(\.meanWait), waitP95: estimate(\.waitP95), lotsWaiting: estimate(\.lotsWaiting),
                      utilization: estimate(\.utilization), meanBatch: estimate(\.meanBatch),
                      fillRate: estimate { $0.meanBatch / Double(b) }, throughput: estimate(\.throughput),
                      replications: replications, lotsPerReplication: lots)
    }

    /// One replication: `lots` lots arrive; the first `warmUp` are not measured.
    static func replicate<G: RandomNumberGenerator>(lambda: Double, service: Service, capacity b: Int, policy: Policy, lots: Int,
                                                    warmUp: Int, families shares: [Double] = [1], generator g: inout G) -> Replication {
        let a = policy.minimumBatch, maxWait = policy.maximumWait ?? .infinity
        let meanGap = 1 / lambda
        // Product families that may not share a batch: one queue each; an arrival's family is drawn in
        // proportion to the shares (a superposition of Poisson streams is one Poisson stream).
        let familyCount = shares.count
        var cumulative: [Double] = []
        var total = 0.0
        for w in shares { total += w; cumulative.append(total) }
        var queues = [WaitingLots](repeating: WaitingLots(), count: familyCount)
        var waiting = 0
        var nextArrival = meanGap * RandomVariates.exponential(using: &g)
        var arrived = 0
        var busyUntil = -Double.infinity, busy = false
        // Measurement window: from the arrival of lot `warmUp` on.
        var measuring = warmUp == 0, windowStart = 0.0, now = 0.0, lastChange = 0.0
        var waitSum = 0.0, waits = 0, queueArea = 0.0, busyTime = 0.0, batches = 0, batchLots = 0
        var p95 = PSquareQuantile(0.95)
        func changeQueue(at time: Double) {
            if measuring { queueArea += Double(waiting) * (time - lastChange) }
            lastChange = time
        }
        /// The family to start at `time`, if any may: of those with at least a lots waiting or whose
        /// oldest lot has waited the maximum, the one whose oldest lot came first.
        func ready(at time: Double) -> Int? {
            var chosen: Int?
            for f in 0..<familyCount where !queues[f].isEmpty && (queues[f].count >= a || time >= queues[f].oldest + maxWait) {
                if chosen == nil || queues[f].oldest < queues[chosen!].oldest { chosen = f }
            }
            return chosen
        }
        func start(_ family: Int, at time: Double) {
            changeQueue(at: time)
            let k = min(b, queues[family].count)
            for _ in 0..<k {
                let (arrival, index) = queues[family].pop()
                if index >= warmUp {
                    let wait = time - arrival
                    waitSum += wait
                    waits += 1
                    p95.add(wait)
                }
            }
            waiting -= k
            let duration = service.sample(&g)
            busy = true
            busyUntil = time + duration
            if measuring {
                batches += 1
                batchLots += k
                busyTime += duration
            }
        }
        while arrived < lots || waiting > 0 {
            var timeout = Double.infinity
            if !busy { for f in 0..<familyCount where !queues[f].isEmpty { timeout = min(timeout, queues[f].oldest + maxWait) } }
            let arrivalTime = arrived < lots ? nextArrival : Double.infinity
            if busy && busyUntil <= min(arrivalTime, timeout) {
                now = busyUntil
                busy = false
                if let f = ready(at: now) { start(f, at: now) }
            } else if arrived < lots && arrivalTime <= timeout {
                now = arrivalTime
                if arrived == warmUp && !measuring {
                    measuring = true
                    windowStart = now
                    lastChange = now
                }
                changeQueue(at: now)
                var family = 0
                if familyCount > 1 {
                    let u = RandomVariates.uniform01(using: &g) * total
                    while family < familyCount - 1 && u >= cumulative[family] { family += 1 }
                }
                queues[family].push(now, index: arrived)
                waiting += 1
                arrived += 1
                nextArrival = now + meanGap * RandomVariates.exponential(using: &g)
                if !busy, queues[family].count >= a, let f = ready(at: now) { start(f, at: now) }
            } else if timeout.isFinite {
                now = timeout
                if let f = ready(at: now) { start(f, at: now) }
            } else {
                // No arrivals left, tool idle, fewer than a lots of every family and no maximum wait:
                // the rest would wait for ever; they are the end of the replication (not counted).
                break
            }
        }
        // The window ends when the last measured batch starts or ends, whichever is later.
        let end = max(now, busy ? busyUntil : now)
        changeQueue(at: end)
        let length = max(end - windowStart, .leastNonzeroMagnitude)
        var r = Replication()
        r.meanWait = waits > 0 ? waitSum / Double(waits) : 0
        r.waitP95 = p95.value
        r.lotsWaiting = queueArea / length
        r.utilization = min(busyTime / length, 1)
        r.meanBatch = batches > 0 ? Double(batchLots) / Double(batches) : 0
        r.throughput = Double(waits) / length
        return r
    }
}

/// The lots waiting, oldest first: a ring buffer of (arrival time, lot index).
struct WaitingLots {
    private var times = [Double](repeating: 0, count: 64)
    private var indices = [Int](repeating: 0, count: 64)
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var oldest: Double { times[head] }

    mutating func push(_ time: Double, index: Int) {
        if count == times.count {
            // Double the buffer, unrolling it so that the oldest lot is at 0.
            times = Array(times[head...] + times[..<head]) + [Double](repeating: 0, count: count)
            indices = Array(indices[head...] + indices[..<head]) + [Int](repeating: 0, count: count)
            head = 0
        }
        let slot = (head + count) & (times.count - 1)
        times[slot] = time
        indices[slot] = index
        count += 1
    }

    mutating func pop() -> (time: Double, index: Int) {
        let result = (times[head], indices[head])
        head = (head + 1) & (times.count - 1)
        count -= 1
        return result
    }
}

/// The P-square estimator of one quantile (Jain and Chlamtac, Communications of the ACM 28, 1985):
/// five markers whose heights follow the quantile by piecewise-parabolic prediction, O(1) per value
/// and no stored sample. Exact for the first five values; within a fraction of a percent of the
/// sample quantile on long runs of continuous data.
struct PSquareQuantile {
    let p: Double
    private var heights: [Double] = []
    private var positions: [Double] = [1, 2, 3, 4, 5]
    private var desired: [Double]
    private let increments: [Double]

    init(_ p: Double) {
        self.p = p
        desired = [1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]
        increments = [0, p / 2, p, (1 + p) / 2, 1]
    }

    mutating func add(_ x: Double) {
        if heights.count < 5 {
            heights.append(x)
            if heights.count == 5 { heights.sort() }
            return
        }
        let k: Int
        if x < heights[0] {
            heights[0] = x
            k = 0
        } else if x >= heights[4] {
            heights[4] = x
            k = 3
        } else {
            var i = 0
            while x >= heights[i + 1] { i += 1 }
            k = i
        }
        for i in (k + 1)..<5 { positions[i] += 1 }
        for i in 0..<5 { desired[i] += increments[i] }
        for i in 1...3 {
            let d = desired[i] - positions[i]
            if (d >= 1 && positions[i + 1] - positions[i] > 1) || (d <= -1 && positions[i - 1] - positions[i] < -1) {
                let s = d >= 0 ? 1.0 : -1.0
                let q = parabolic(i, s)
                heights[i] = heights[i - 1] < q && q < heights[i + 1] ? q : linear(i, s)
                positions[i] += s
            }
        }
    }

    private func parabolic(_ i: Int, _ s: Double) -> Double {
        let (n0, n1, n2) = (positions[i - 1], positions[i], positions[i + 1])
        let (q0, q1, q2) = (heights[i - 1], heights[i], heights[i + 1])
        return q1 + s / (n2 - n0) * ((n1 - n0 + s) * (q2 - q1) / (n2 - n1) + (n2 - n1 - s) * (q1 - q0) / (n1 - n0))
    }

    private func linear(_ i: Int, _ s: Double) -> Double {
        let j = i + Int(s)
        return heights[i] + s * (heights[j] - heights[i]) / (positions[j] - positions[i])
    }

    /// The estimate (the sample quantile of the values seen when there are five or fewer).
    var value: Double {
        guard heights.count >= 5 else {
            guard !heights.isEmpty else { return 0 }
            let sorted = heights.sorted()
            return sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        return heights[2]
    }
}
