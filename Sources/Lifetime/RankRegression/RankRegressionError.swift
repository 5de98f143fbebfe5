/// Why a rank-regression estimate cannot be computed for the data, reported instead of a number.
public enum RankRegressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Rank regression needs plotting positions, which are defined for exact failures and
    /// right-censored units only (fit inspection data by maximum likelihood).
    case censoringNotSupported(leftCensored: Double, intervalCensored: Double)
    /// A failure count that is not a whole number: ranks are given to units.
    case nonIntegerCount(Double)
    /// No failures: there is no point to regress on.
    case noFailures
    /// Fewer distinct failure times than the line needs (one for the exponential through the origin,
    /// two for a two-parameter family).
    case tooFewDistinctFailures(found: Int, required: Int)
    /// A failure at time 0 has no place on a log-time axis (and no density under these families).
    case failureAtTimeZero(family: LifetimeFamily)
    /// A plotting position of 1 (Kaplan-Meier when the last unit at risk fails) has no linearised value.
    case probabilityOne(time: Double)
    /// A family without a rank-regression line here (see `RankRegression.supportedFamilies`).
    case unsupportedFamily(LifetimeFamily)
    /// An estimation method that is not rank regression (`.mle`).
    case unsupportedMethod(EstimationMethod)
    /// More failed units than rank regression expands one by one.
    case tooManyUnits(Double)

    public var description: String {
        switch self {
        case let .unsupportedMethod(method):
            "rank regression is .rrx or .rry, not \(method.rawValue)"
        case let .tooManyUnits(count):
            "\(NonparametricError.count(count)) failed units: rank regression ranks at most 10^7 units one by one (use maximum likelihood)"
        case let .censoringNotSupported(left, interval):
            "rank regression needs exact failures and right-censored units; the data hold "
                + "\(NonparametricError.count(left)) left-censored and \(NonparametricError.count(interval)) "
                + "interval-censored unit\(left + interval == 1 ? "" : "s") (use maximum likelihood)"
        case let .nonIntegerCount(count):
            "count \(count) is not a whole number: rank regression ranks whole units"
        case .noFailures:
            "no failures: rank regression has no point to fit"
        case let .tooFewDistinctFailures(found, required):
            "\(found) distinct failure time\(found == 1 ? "" : "s"), \(required) needed for rank regression"
        case let .failureAtTimeZero(family):
            "a failure at time 0 cannot be placed on the probability plot of \(family.rawValue)"
        case let .probabilityOne(time):
            "the plotting position at \(time) is F = 1, which has no place on probability paper (use Benard or exact median ranks)"
        case let .unsupportedFamily(family):
            "rank regression is available for weibull2p, lognormal2p and exponential1p, not \(family.rawValue)"
        }
    }
}
