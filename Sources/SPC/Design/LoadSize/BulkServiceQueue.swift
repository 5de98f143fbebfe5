#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Neuts' general bulk-service queue M/M^(a,b)/1, solved in closed form: a batch tool of capacity b
/// lots, Poisson lot arrivals of rate lambda, an exponential batch time of rate mu whatever the batch's
/// size, and the rule that the tool starts when at least a lots wait and then takes up to b of them.
///
/// With r the root in (0, 1) of mu z^(b+1) - (lambda + mu) z + lambda = 0 (it exists iff lambda < b mu),
/// the stationary probabilities are (Medhi, Stochastic Models in Queueing Theory, 2nd ed., ch. 6)
///
///     busy with n waiting:        p(1, n) = C r^n,                            n >= 0
///     idle with n < a waiting:    p(0, n) = (mu / lambda) C (1 - r^(n+1)) / (1 - r)
///
/// with C from the normalisation. From them: lots waiting Lq = C r / (1 - r)^2 + sum_{n<a} n p(0, n),
/// the mean wait Wq = Lq / lambda (Little), the utilisation (fraction of time busy) U = C / (1 - r), the
/// mean batch size lambda / (mu U) (batches end at rate mu U and carry all the lots), and the fill rate
/// mean batch / b. Tested against a truncated Markov chain solved by LAPACK (`BulkServiceChain`) and
/// against the oracle rows (M/M/1; lambda 1, mu 0.5, b 4, a 1 and 4).
public struct BulkServiceQueue: Sendable, Equatable {
    public let arrivalRate: Double
    public let serviceRate: Double
    public let minimumBatch: Int
    public let capacity: Int
    /// The root r in (0, 1).
    public let root: Double
    /// The normalising constant C.
    public let constant: Double

    /// - Throws: `.invalidParameter` for rates that are not positive and finite, 1 <= a <= b violated,
    ///   or an unstable queue (lambda >= b mu: lots arrive faster than full batches leave).
    public init(arrivalRate lambda: Double, serviceRate mu: Double, minimumBatch a: Int, capacity b: Int) throws(SPCError) {
        guard lambda > 0, lambda.isFinite, mu > 0, mu.isFinite else { throw .invalidParameter("the arrival and service rates must be positive") }
        guard a >= 1, a <= b else { throw .invalidParameter("the minimum batch must be between 1 and the capacity \(b), got \(a)") }
        guard lambda < Double(b) * mu else {
            throw .invalidParameter("unstable: lots arrive at \(lambda) per unit time, full batches leave at most at \(Double(b) * mu)")
        }
        // f(z) = mu z^(b+1) - (lambda + mu) z + lambda: f(0) = lambda > 0, f(1) = 0 with f'(1) = (b+1) mu - lambda - mu > 0
        // when stable, so f < 0 just below 1 and the root in (0, 1) is bracketed by [0, 1 - eps].
        func f(_ z: Double) -> Double { mu * pow(z, Double(b + 1)) - (lambda + mu) * z + lambda }
        var upper = 1 - 1e-9
        while f(upper) >= 0 && upper > 0.5 { upper = 1 - (1 - upper) * 16 }
        guard let r = RootFinding.brent(0, upper, absoluteTolerance: 1e-16, relativeTolerance: 1e-15, f), r > 0, r < 1 else {
            throw .degenerate("no root of the characteristic equation in (0, 1)")
        }
        var idle = 0.0
        for n in 0..<a { idle += (1 - pow(r, Double(n + 1))) / (1 - r) }
        let c = 1 / (mu / lambda * idle + 1 / (1 - r))
        arrivalRate = lambda
        serviceRate = mu
        minimumBatch = a
        capacity = b
        root = r
        constant = c
    }

    /// p(0, n): idle with n < a lots waiting.
    public func idleProbability(_ n: Int) -> Double {
        guard n >= 0, n < minimumBatch else { return 0 }
        return serviceRate / arrivalRate * constant * (1 - pow(root, Double(n + 1))) / (1 - root)
    }

    /// p(1, n): busy with n lots waiting.
    public func busyProbability(_ n: Int) -> Double { n >= 0 ? constant * pow(root, Double(n)) : 0 }

    /// Mean number of lots waiting, Lq.
    public var lotsWaiting: Double {
        var idle = 0.0
        for n in 0..<minimumBatch { idle += Double(n) * idleProbability(n) }
        return constant * root / ((1 - root) * (1 - root)) + idle
    }

    /// Mean wait of a lot before its batch starts, Wq = Lq / lambda.
    public var meanWait: Double { lotsWaiting / arrivalRate }
    /// Fraction of time the tool is busy.
    public var utilization: Double { constant / (1 - root) }
    /// Mean number of lots in a batch.
    public var meanBatch: Double { arrivalRate / (serviceRate * utilization) }
    /// Mean batch / capacity.
    public var fillRate: Double { meanBatch / Double(capacity) }
    /// Lots processed per unit time (all of them, when stable).
    public var throughput: Double { arrivalRate }

    /// The Pollaczek-Khinchine mean wait of M/G/1 (a = b = 1, any service time with mean m and
    /// second moment s2): Wq = lambda s2 / (2 (1 - lambda m)).
    /// - Throws: `.invalidParameter` when lambda m >= 1 (unstable) or a moment is not positive.
    public static func pollaczekKhinchineWait(arrivalRate lambda: Double, serviceMean m: Double, serviceSecondMoment s2: Double) throws(SPCError) -> Double {
        guard lambda > 0, m > 0, s2 >= m * m else { throw .invalidParameter("the moments of the service time are not those of a positive variable") }
        guard lambda * m < 1 else { throw .invalidParameter("unstable: utilisation lambda m = \(lambda * m) >= 1") }
        return lambda * s2 / (2 * (1 - lambda * m))
    }
}
