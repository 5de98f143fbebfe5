/// The header names the lifetime reader looks for (matched ignoring case and surrounding spaces).
/// CLI options may override each of them.
public struct LifetimeColumns: Sendable, Equatable {
    /// Exact failure or suspension time (with `event`).
    public var time: String
    /// Interval data: last time the unit was seen working (empty or 0: left-censored).
    public var start: String
    /// Interval data: first time the unit was seen failed (empty: right-censored at `start`).
    public var end: String
    /// Failure or suspension code; absent means every row is a failure.
    public var event: String
    /// Number of identical units in the row; absent means 1.
    public var count: String

    public init(time: String = "time", start: String = "start", end: String = "end",
                event: String = "event", count: String = "count") {
        self.time = time
        self.start = start
        self.end = end
        self.event = event
        self.count = count
    }
}

/// What one CSV row says about its units.
public enum LifetimeObservation: Sendable, Equatable {
    /// `count` units failed at exactly `time`.
    case failure(time: Double, count: Double)
    /// `count` units were still running at `time` (right-censored).
    case suspension(time: Double, count: Double)
    /// `count` units had failed by `time` (failed in (0, time]).
    case leftCensored(time: Double, count: Double)
    /// `count` units failed in (lower, upper], 0 < lower < upper.
    case interval(lower: Double, upper: Double, count: Double)
}

extension LifetimeData {
    /// Records one row's observation.
    public mutating func add(_ observation: LifetimeObservation) {
        switch observation {
        case let .failure(time, count): addFailure(at: time, count: count)
        case let .suspension(time, count): addSuspension(at: time, count: count)
        case let .leftCensored(time, count): addLeftCensored(before: time, count: count)
        case let .interval(lower, upper, count): addInterval(from: lower, to: upper, count: count)
        }
    }
}

/// Lifetime data read from a CSV table, with the number of data rows it came from.
public struct LifetimeInput: Sendable, Equatable {
    public let data: LifetimeData
    /// Data rows read (each row may stand for several units through its count).
    public let rows: Int

    public init(data: LifetimeData, rows: Int) {
        self.data = data
        self.rows = rows
    }
}
