/// Lifetime observations: exact failures, right-censored units (suspensions), left-censored units
/// (failed before an inspection time) and interval-censored units (failed between two inspections),
/// each with a count.
///
/// Stored as a structure of arrays, one pair (or triple) of arrays per kind of observation, because
/// every likelihood loops over one kind at a time and needs only its times and counts. Counts are
/// `Double` so that weighted sums in the hot loops need no conversion; the CSV reader only produces
/// positive whole counts.
///
/// Times are on the original scale (hours, cycles, km). Invariants, checked by the mutating methods,
/// which throw `LifetimeDataError` and leave the data unchanged when a value breaks them (the CSV reader
/// reports violations with file, line and column before they get here):
/// - every time is finite; exact and right-censored times are >= 0, left-censoring times are > 0;
/// - an interval satisfies 0 <= lower < upper < infinity;
/// - every count is finite and > 0.
/// The one exception is a sample simulated from a fitted model whose support reaches below 0 (a normal
/// or Gumbel model, or a threshold model with a negative threshold): a parametric bootstrap replicate
/// keeps the times the model drew, below 0 too, because the refit must see the model's own law.
public struct LifetimeData: Sendable, Equatable {
    /// Exact failure times and their counts.
    public private(set) var failureTimes: [Double] = []
    public private(set) var failureCounts: [Double] = []
    /// Right-censoring times (the unit survived at least this long) and their counts.
    public private(set) var suspensionTimes: [Double] = []
    public private(set) var suspensionCounts: [Double] = []
    /// Left-censoring times (the unit had failed by this time) and their counts.
    public private(set) var leftCensoredTimes: [Double] = []
    public private(set) var leftCensoredCounts: [Double] = []
    /// Interval-censored observations: failed in (lower, upper].
    public private(set) var intervalLowerTimes: [Double] = []
    public private(set) var intervalUpperTimes: [Double] = []
    public private(set) var intervalCounts: [Double] = []

    /// Running totals of the counts, kept by the `add` methods so that the totals below cost nothing
    /// (a fit asks for them several times, and summing 10^6 counts each time showed in profiles).
    private var exactFailureTotal = 0.0
    private var censoredFailureTotal = 0.0
    private var suspensionTotal = 0.0

    public init() {}

    /// Exact failures and suspensions of one unit each, in bulk (what a time,event file holds).
    /// - Precondition: every time is finite and >= 0 (checked by the caller, the CSV reader).
    init(failureTimes: [Double], suspensionTimes: [Double]) {
        self.failureTimes = failureTimes
        self.suspensionTimes = suspensionTimes
        failureCounts = [Double](repeating: 1, count: failureTimes.count)
        suspensionCounts = [Double](repeating: 1, count: suspensionTimes.count)
        exactFailureTotal = Double(failureTimes.count)
        suspensionTotal = Double(suspensionTimes.count)
    }

    /// Records `count` units that failed at exactly `time`.
    /// - Throws: `LifetimeDataError` when `time` is negative or not finite, or `count` is not a finite
    ///   positive number; the data are then unchanged.
    public mutating func addFailure(at time: Double, count: Double = 1) throws(LifetimeDataError) {
        guard time.isFinite && time >= 0 else { throw .invalidTime(.failure, time) }
        try Self.check(count)
        appendFailure(time, count)
    }

    /// Records `count` units still running (not failed) at `time`.
    /// - Throws: `LifetimeDataError` as `addFailure`.
    public mutating func addSuspension(at time: Double, count: Double = 1) throws(LifetimeDataError) {
        guard time.isFinite && time >= 0 else { throw .invalidTime(.suspension, time) }
        try Self.check(count)
        appendSuspension(time, count)
    }

    /// Records `count` units found failed at their first inspection at `time`: failed in (0, time].
    /// - Throws: `LifetimeDataError` when `time` is not finite and > 0, or the count is invalid.
    public mutating func addLeftCensored(before time: Double, count: Double = 1) throws(LifetimeDataError) {
        guard time.isFinite && time > 0 else { throw .invalidTime(.leftCensored, time) }
        try Self.check(count)
        leftCensoredTimes.append(time)
        leftCensoredCounts.append(count)
        censoredFailureTotal += count
    }

    /// Records `count` units that failed in (lower, upper]. A lower bound of 0 is left censoring and is
    /// stored as such, so that each observation has exactly one representation.
    /// - Throws: `LifetimeDataError` unless 0 <= lower < upper < infinity and the count is valid.
    public mutating func addInterval(from lower: Double, to upper: Double, count: Double = 1) throws(LifetimeDataError) {
        guard lower.isFinite && upper.isFinite && lower >= 0 && lower < upper else {
            throw .invalidInterval(lower: lower, upper: upper)
        }
        try Self.check(count)
        if lower == 0 {
            try addLeftCensored(before: upper, count: count)
            return
        }
        intervalLowerTimes.append(lower)
        intervalUpperTimes.append(upper)
        intervalCounts.append(count)
        censoredFailureTotal += count
    }

    private static func check(_ count: Double) throws(LifetimeDataError) {
        guard count.isFinite && count > 0 else { throw .invalidCount(count) }
    }

    /// Appends a failure without the checks: for data already validated (copies of other data) and for
    /// samples simulated from a fitted model, whose times may lie below 0 where the model's support does.
    mutating func appendFailure(_ time: Double, _ count: Double) {
        failureTimes.append(time)
        failureCounts.append(count)
        exactFailureTotal += count
    }

    /// Appends a suspension without the checks (see `appendFailure`).
    mutating func appendSuspension(_ time: Double, _ count: Double) {
        suspensionTimes.append(time)
        suspensionCounts.append(count)
        suspensionTotal += count
    }

    /// Appends every observation of `other` (already validated when it was built).
    public mutating func append(contentsOf other: LifetimeData) {
        for i in other.failureTimes.indices { appendFailure(other.failureTimes[i], other.failureCounts[i]) }
        for i in other.suspensionTimes.indices { appendSuspension(other.suspensionTimes[i], other.suspensionCounts[i]) }
        leftCensoredTimes += other.leftCensoredTimes
        leftCensoredCounts += other.leftCensoredCounts
        intervalLowerTimes += other.intervalLowerTimes
        intervalUpperTimes += other.intervalUpperTimes
        intervalCounts += other.intervalCounts
        censoredFailureTotal += other.censoredFailureTotal
    }

    /// The exact failures alone, with their counts (suspensions and censored failures left out).
    public var exactFailuresOnly: LifetimeData {
        var result = LifetimeData()
        for i in failureTimes.indices { result.appendFailure(failureTimes[i], failureCounts[i]) }
        return result
    }

    /// Units that failed, whether observed exactly or only known to lie in an interval.
    public var failureCount: Double { exactFailureTotal + censoredFailureTotal }

    /// Units that had not failed when last seen.
    public var suspensionCount: Double { suspensionTotal }

    /// All units, failed or not: the `n` of AICc and BIC.
    public var unitCount: Double { failureCount + suspensionCount }

    /// Number of distinct exact failure times (a 2-parameter fit to exact data needs at least two).
    public var distinctFailureTimeCount: Int { Set(failureTimes).count }

    /// True when every failure is observed exactly (no left- or interval-censored observations).
    public var hasOnlyExactFailures: Bool { leftCensoredTimes.isEmpty && intervalCounts.isEmpty }
}

/// Why a value cannot be added to `LifetimeData`.
public enum LifetimeDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which kind of observation a time was given for.
    public enum Kind: String, Sendable {
        case failure, suspension
        case leftCensored = "left-censoring"
    }

    /// A time that is not finite, or negative (not positive for a left-censoring time).
    case invalidTime(Kind, Double)
    /// An interval that does not satisfy 0 <= lower < upper < infinity.
    case invalidInterval(lower: Double, upper: Double)
    /// A count that is not a finite positive number.
    case invalidCount(Double)

    public var description: String {
        switch self {
        case let .invalidTime(kind, time):
            "\(kind.rawValue) time must be finite and \(kind == .leftCensored ? "> 0" : ">= 0"), got \(time)"
        case let .invalidInterval(lower, upper):
            "an interval must satisfy 0 <= lower < upper < infinity, got (\(lower), \(upper)]"
        case let .invalidCount(count):
            "a count must be finite and > 0, got \(count)"
        }
    }
}
