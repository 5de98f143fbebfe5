/// An impossible input to a qualification calculation, reported instead of a number.
///
/// The message names the argument and the value, in words a command-line user can act on; the CLI
/// prints it as a usage error (exit code 64).
public struct QualificationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Throws unless `confidence` lies strictly between 0 and 1.
    static func checkConfidence(_ confidence: Double, name: String = "confidence") throws(QualificationError) {
        guard confidence > 0, confidence < 1 else {
            throw QualificationError("\(name) must be strictly between 0 and 1, got \(confidence)")
        }
    }

    /// Throws unless `value` is finite and > 0.
    static func checkPositive(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite, value > 0 else { throw QualificationError("\(name) must be a positive number, got \(value)") }
    }

    /// Throws unless `value` is finite and >= 0.
    static func checkNonNegative(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite, value >= 0 else { throw QualificationError("\(name) must be a non-negative number, got \(value)") }
    }

    /// Throws unless `value` is finite (any sign).
    static func checkFinite(_ value: Double, _ name: String) throws(QualificationError) {
        guard value.isFinite else { throw QualificationError("\(name) must be a finite number, got \(value)") }
    }
}
