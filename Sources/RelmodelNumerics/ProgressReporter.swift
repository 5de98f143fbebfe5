import Synchronization

/// Progress of a long computation (bootstrap replicates, likelihood-ratio profiles, simulation
/// replicates), counted in units of work and handed to an observer, for example a line on a terminal.
///
/// The computation announces the work it will do (`expect`) and counts it as it goes (`advance`),
/// from any thread; the observer is called with the units done and expected after each advance and
/// must be cheap and thread-safe (the CLI's terminal line redraws at most ten times a second). A
/// computation given no reporter pays nothing: every call site takes an optional.
/// - Complexity: O(1) per call, two atomic operations, plus the observer.
public final class ProgressReporter: Sendable {
    private let done = Atomic<Int>(0)
    private let expected = Atomic<Int>(0)
    private let observer: @Sendable (_ label: String, _ done: Int, _ expected: Int) -> Void
    /// What the work is, shown beside the count ("bootstrap weibull2p").
    public let label: String

    public init(label: String, observer: @escaping @Sendable (_ label: String, _ done: Int, _ expected: Int) -> Void) {
        self.label = label
        self.observer = observer
    }

    /// Adds `units` to the work expected.
    public func expect(_ units: Int) {
        expected.wrappingAdd(max(units, 0), ordering: .relaxed)
    }

    /// Counts `units` of work as done.
    public func advance(_ units: Int = 1) {
        let now = done.wrappingAdd(max(units, 0), ordering: .relaxed).newValue
        observer(label, now, expected.load(ordering: .relaxed))
    }

    /// Units done so far and units expected.
    public var state: (done: Int, expected: Int) { (done.load(ordering: .relaxed), expected.load(ordering: .relaxed)) }
}
