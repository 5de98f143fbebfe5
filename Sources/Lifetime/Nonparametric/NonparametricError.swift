/// Why a nonparametric estimate cannot be computed for the data, reported instead of a number.
public enum NonparametricError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The estimator handles exact failures and right-censored units only; the data hold left- or
    /// interval-censored units (Turnbull's estimator handles those).
    case censoringNotSupported(method: String, leftCensored: Double, intervalCensored: Double)
    /// No units at all.
    case noUnits
    /// A rank-based method expands each row into `count` units, so counts must be whole numbers.
    case nonIntegerCount(Double)
    /// A confidence level outside (0, 1).
    case invalidConfidence(Double)
    /// A setting of the method outside its domain (the text names it).
    case invalidParameter(String)
    /// More failed units than a rank-based method expands one by one (`PlottingPositions.maximumRankedUnits`).
    case tooManyUnits(Double)
    /// The computation broke an invariant it relies on (a bug, exit 70 at the CLI).
    case numericalFailure(String)

    public var description: String {
        switch self {
        case let .censoringNotSupported(method, left, interval):
            "\(method) needs exact failures and right-censored units; the data hold "
                + "\(Self.count(left)) left-censored and \(Self.count(interval)) interval-censored "
                + "unit\(left + interval == 1 ? "" : "s") (use Turnbull's estimator for inspection data)"
        case .noUnits:
            "no units: nothing to estimate"
        case let .nonIntegerCount(count):
            "count \(count) is not a whole number: rank-based plotting positions need whole units"
        case let .invalidConfidence(level):
            "confidence level must be in (0, 1), got \(level)"
        case let .invalidParameter(message):
            message
        case let .numericalFailure(message):
            "numerical failure: \(message)"
        case let .tooManyUnits(count):
            "\(Self.count(count)) failed units: rank-based plotting positions rank at most 10^7 units one by one (fit by maximum likelihood)"
        }
    }

    static func count(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : x.description
    }

    /// Throws `.censoringNotSupported` unless every failure in `data` is exact.
    static func requireExactOrRightCensored(_ data: LifetimeData, method: String) throws(NonparametricError) {
        guard data.hasOnlyExactFailures else {
            throw .censoringNotSupported(method: method,
                                         leftCensored: data.leftCensoredCounts.reduce(0, +),
                                         intervalCensored: data.intervalCounts.reduce(0, +))
        }
    }
}
