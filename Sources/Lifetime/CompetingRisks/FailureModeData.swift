/// Lifetime data in which every failure carries its failure mode: competing risks with known modes.
///
/// Each mode is fitted on its own (`data(forMode:)`): its failures are failures, and every other
/// mode's failures and every survivor are suspensions at their times (a unit that failed of mode B at
/// t was still free of mode A at t). This is the model of independent competing risks, whose
/// likelihood is the product of the modes' likelihoods (Meeker & Escobar 1998, section 15.3;
/// Weibull++ "competing failure modes" with known modes).
///
/// Failures are exact times: a failure known only to lie in an interval cannot be split into the
/// modes' suspensions (the unit's time free of the other modes is unknown).
public struct FailureModeData: Sendable, Equatable {
    /// Failure modes, in order of first appearance.
    public private(set) var modes: [String] = []
    /// Exact failure times, with their unit counts and the index of their mode in `modes`.
    public private(set) var failureTimes: [Double] = []
    public private(set) var failureCounts: [Double] = []
    public private(set) var failureModes: [Int] = []
    /// Right-censored units (survivors), with their counts.
    public private(set) var suspensionTimes: [Double] = []
    public private(set) var suspensionCounts: [Double] = []

    public init() {}

    /// Records `count` units failed of `mode` at `time`.
    /// - Throws: `LifetimeDataError` for a negative or non-finite time or a count that is not a finite
    ///   positive number (the same rules as `LifetimeData`).
    public mutating func addFailure(at time: Double, count: Double = 1, mode: String) throws(LifetimeDataError) {
        guard time.isFinite && time >= 0 else { throw .invalidTime(.failure, time) }
        guard count.isFinite && count > 0 else { throw .invalidCount(count) }
        let index: Int
        if let existing = modes.firstIndex(of: mode) {
            index = existing
        } else {
            index = modes.count
            modes.append(mode)
        }
        failureTimes.append(time)
        failureCounts.append(count)
        failureModes.append(index)
    }

    /// Records `count` units still running at `time`.
    public mutating func addSuspension(at time: Double, count: Double = 1) throws(LifetimeDataError) {
        guard time.isFinite && time >= 0 else { throw .invalidTime(.suspension, time) }
        guard count.isFinite && count > 0 else { throw .invalidCount(count) }
        suspensionTimes.append(time)
        suspensionCounts.append(count)
    }

    /// The data `mode` is fitted to: its failures as failures; every other mode's failures and all
    /// survivors as suspensions. Empty of failures for a mode not in `modes`.
    public func data(forMode mode: String) -> LifetimeData {
        let index = modes.firstIndex(of: mode)
        var data = LifetimeData()
        // The times and counts were checked when recorded: these additions cannot fail.
        for k in failureTimes.indices {
            if failureModes[k] == index {
                try? data.addFailure(at: failureTimes[k], count: failureCounts[k])
            } else {
                try? data.addSuspension(at: failureTimes[k], count: failureCounts[k])
            }
        }
        for k in suspensionTimes.indices { try? data.addSuspension(at: suspensionTimes[k], count: suspensionCounts[k]) }
        return data
    }

    /// Every failure as a failure, whatever its mode (the data without the mode column).
    public var allModes: LifetimeData {
        var data = LifetimeData()
        for k in failureTimes.indices { try? data.addFailure(at: failureTimes[k], count: failureCounts[k]) }
        for k in suspensionTimes.indices { try? data.addSuspension(at: suspensionTimes[k], count: suspensionCounts[k]) }
        return data
    }

    /// Units failed of mode `index` (counting counts).
    public func failureCount(mode index: Int) -> Double {
        failureTimes.indices.reduce(0.0) { $0 + (failureModes[$1] == index ? failureCounts[$1] : 0) }
    }
}

/// Failure-mode data read from a CSV table (see `LifetimeReader.readFailureModes`).
public struct FailureModeInput: Sendable, Equatable {
    public let data: FailureModeData
    /// Data rows read.
    public let rows: Int
    /// The header names read, with their roles, in header order (the mode column's role is `mode`).
    public let usedColumns: [(role: String, name: String)]
    public let unusedColumns: [String]

    public init(data: FailureModeData, rows: Int, usedColumns: [(role: String, name: String)] = [], unusedColumns: [String] = []) {
        self.data = data
        self.rows = rows
        self.usedColumns = usedColumns
        self.unusedColumns = unusedColumns
    }

    public static func == (a: FailureModeInput, b: FailureModeInput) -> Bool {
        a.data == b.data && a.rows == b.rows && a.unusedColumns == b.unusedColumns
            && a.usedColumns.elementsEqual(b.usedColumns, by: { $0 == $1 })
    }

    /// The input as plain lifetime data (modes dropped), for reports of the rows and columns read.
    public var lifetimeInput: LifetimeInput {
        LifetimeInput(data: data.allModes, rows: rows, usedColumns: usedColumns, unusedColumns: unusedColumns)
    }
}
