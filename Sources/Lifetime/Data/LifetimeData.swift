/// Lifetime observations: exact failures, right-censored units (suspensions), left-censored units
/// (failed before an inspection time) and interval-censored units (failed between two inspections),
/// each with a count.
///
/// Stored as a structure of arrays, one pair (or triple) of arrays per kind of observation, because
/// every likelihood loops over one kind at a time and needs only its times and counts. Counts are
/// `Double` so that weighted sums in the hot loops need no conversion; the CSV reader only produces
/// positive whole counts.
///
/// Times are on the original scale (hours, cycles, km). Invariants, checked by preconditions in the
/// mutating methods (the CSV reader reports violations with file, line and column before they get here):
/// - every time is finite; exact and right-censored times are >= 0, left-censoring times are > 0;
/// - an interval satisfies 0 <= lower < upper < infinity;
/// - every count is finite and > 0.
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
    public mutating func addFailure(at time: Double, count: Double = 1) {
        precondition(time.isFinite && time >= 0, "failure time must be finite and >= 0")
        precondition(count.isFinite && count > 0, "count must be finite and > 0")
        failureTimes.append(time)
        failureCounts.append(count)
        exactFailureTotal += count
    }

    /// Records `count` units still running (not failed) at `time`.
    public mutating func addSuspension(at time: Double, count: Double = 1) {
        precondition(time.isFinite && time >= 0, "suspension time must be finite and >= 0")
        precondition(count.isFinite && count > 0, "count must be finite and > 0")
        suspensionTimes.append(time)
        suspensionCounts.append(count)
        suspensionTotal += count
    }

    /// Records `count` units found failed at their first inspection at `time`: failed in (0, time].
    public mutating func addLeftCensored(before time: Double, count: Double = 1) {
        precondition(time.isFinite && time > 0, "left-censoring time must be finite and > 0")
        precondition(count.isFinite && count > 0, "count must be finite and > 0")
        leftCensoredTimes.append(time)
        leftCensoredCounts.append(count)
        censoredFailureTotal += count
    }

    /// Records `count` units that failed in (lower, upper]. A lower bound of 0 is left censoring and is
    /// stored as such, so that each observation has exactly one representation.
    public mutating func addInterval(from lower: Double, to upper: Double, count: Double = 1) {
        precondition(lower.isFinite && upper.isFinite && lower >= 0 && lower < upper,
                     "interval must satisfy 0 <= lower < upper < infinity")
        precondition(count.isFinite && count > 0, "count must be finite and > 0")
        if lower == 0 {
            addLeftCensored(before: upper, count: count)
            return
        }
        intervalLowerTimes.append(lower)
        intervalUpperTimes.append(upper)
        intervalCounts.append(count)
        censoredFailureTotal += count
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
