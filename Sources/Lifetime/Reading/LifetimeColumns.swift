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

    /// Columns present in the file on purpose that no reader uses: they are neither read nor checked
    /// for being a misspelling of a column the reader looks for.
    public var ignored: [String]
    /// Columns the caller reads itself (a grouping, stress or mode column): used, so never reported as
    /// a misspelling.
    public var extra: [String]

    public init(time: String = "time", start: String = "start", end: String = "end",
                event: String = "event", count: String = "count", ignored: [String] = [], extra: [String] = []) {
        self.time = time
        self.start = start
        self.end = end
        self.event = event
        self.count = count
        self.ignored = ignored
        self.extra = extra
    }

    /// The roles a lifetime file's columns play, by the names used in `--columns ROLE=NAME`.
    public static let roles = ["time", "start", "end", "event", "count"]

    /// Maps `role` (one of `roles`) to the header name `name`.
    /// - Throws: `LifetimeColumnsError.unknownRole` for a role not in `roles`.
    public mutating func map(_ role: String, to name: String) throws(LifetimeColumnsError) {
        switch role.lowercased() {
        case "time": time = name
        case "start": start = name
        case "end": end = name
        case "event": event = name
        case "count": count = name
        default: throw .unknownRole(role)
        }
    }

    /// The columns described by a list such as `time=hours,event=status`.
    /// - Throws: `LifetimeColumnsError` for an entry without `=`, an empty name or an unknown role.
    public init(mapping: String, ignored: [String] = [], extra: [String] = []) throws(LifetimeColumnsError) {
        self.init(ignored: ignored, extra: extra)
        var seen: Set<String> = []
        for entry in mapping.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformed(String(entry)) }
            guard seen.insert(parts[0].lowercased()).inserted else { throw .repeatedRole(parts[0]) }
            try map(parts[0], to: parts[1])
        }
    }
}

/// A column mapping that cannot be used.
public enum LifetimeColumnsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRole(String)
    case malformed(String)
    case repeatedRole(String)

    public var description: String {
        switch self {
        case let .unknownRole(role):
            "unknown column role '\(role)'; expected one of \(LifetimeColumns.roles.joined(separator: ", "))"
        case let .malformed(entry):
            "expected ROLE=NAME (for example time=hours), found '\(entry)'"
        case let .repeatedRole(role):
            "the role '\(role)' is mapped twice"
        }
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
    /// - Throws: `LifetimeDataError` when a time or count breaks the data's invariants.
    public mutating func add(_ observation: LifetimeObservation) throws(LifetimeDataError) {
        switch observation {
        case let .failure(time, count): try addFailure(at: time, count: count)
        case let .suspension(time, count): try addSuspension(at: time, count: count)
        case let .leftCensored(time, count): try addLeftCensored(before: time, count: count)
        case let .interval(lower, upper, count): try addInterval(from: lower, to: upper, count: count)
        }
    }
}

/// Lifetime data read from a CSV table, with the number of data rows it came from.
public struct LifetimeInput: Sendable, Equatable {
    public let data: LifetimeData
    /// Data rows read (each row may stand for several units through its count).
    public let rows: Int
    /// The header names read, each with its role (`time: hours`), in the order of the header.
    public let usedColumns: [(role: String, name: String)]
    /// Header columns in the file that were not read, as written.
    public let unusedColumns: [String]

    public init(data: LifetimeData, rows: Int, usedColumns: [(role: String, name: String)] = [], unusedColumns: [String] = []) {
        self.data = data
        self.rows = rows
        self.usedColumns = usedColumns
        self.unusedColumns = unusedColumns
    }

    public static func == (a: LifetimeInput, b: LifetimeInput) -> Bool {
        a.data == b.data && a.rows == b.rows && a.unusedColumns == b.unusedColumns
            && a.usedColumns.elementsEqual(b.usedColumns, by: { $0 == $1 })
    }
}
