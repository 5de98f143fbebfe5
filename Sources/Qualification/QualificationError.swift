/// Why a qualification calculation gives no number, reported instead of one.
///
/// The message names the argument and the value, in words a command-line user can act on. The case
/// says whose problem it is: an impossible argument (the CLI prints a usage error, exit code 64),
/// or valid inputs for which the quantity does not exist, such as a burn-in target the model
/// cannot reach (a data error, exit code 65).
public enum QualificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An argument outside its domain (a confidence of 1.5, a negative number of hours, a plan
    /// with no tests).
    case invalidArgument(String)
    /// Every argument is valid, but the model or data give no answer (a hazard that does not
    /// decrease, a target no burn-in reaches).
    case noSolution(String)

    /// The message, naming the argument and the value.
    public var message: String {
        switch self {
        case let .invalidArgument(message), let .noSolution(message): message
        }
    }

    public var description: String { message }

    /// Throws unless `confidence` lies strictly between 0 and 1.
    static func checkConfidence(_ confidence: Double, name: String = "confidence") throws(QualificationError) {
        guard confidence > 0, confidence < 1 else {
            throw QualificationError.invalidArgument("\(name) must be strictly between 0 and 1, got \(confidence)")
        }
    }

    /// A factor from `LifeStressRelationship.accelerationFactor` (the one home of the laws), or an
    /// error when it does not exist (a stress outside the law's domain) or overflows.
    static func checkedFactor(_ factor: Double?) throws(QualificationError) -> Double {
        guard let factor, factor.isFinite, factor > 0 else {
            throw QualificationError.invalidArgument("the acceleration factor is not a finite positive number for these conditions")
        }
        return factor
    }

    /// Throws unless `value` is finite and > 0.
    static func checkPositive(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite, value > 0 else { throw QualificationError.invalidArgument("\(name) must be a positive number, got \(value)") }
    }

    /// Throws unless `value` is finite and >= 0.
    static func checkNonNegative(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite, value >= 0 else { throw QualificationError.invalidArgument("\(name) must be a non-negative number, got \(value)") }
    }

    /// Throws unless `value` is finite (any sign).
    static func checkFinite(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite else { throw QualificationError.invalidArgument("\(name) must be a finite number, got \(value)") }
    }
}
