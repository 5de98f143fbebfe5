#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A limit on the work of an iterative computation (a likelihood-ratio profile, a bootstrap, a threshold
/// search, a simulation), so that no input makes it run for ever.
///
/// The computation charges its units of work (usually objective evaluations) as it goes and stops when
/// `charge` returns false; its result then says that it was not computed and why (`reason`), instead of
/// a number, and the caller carries on. A budget limits evaluations, wall-clock seconds from its
/// creation, or both. It is safe to share between threads: the evaluation count is atomic, so parallel
/// replicates can draw on one budget.
///
/// - Complexity: `charge` is O(1): an atomic add and, with a time limit, one monotonic clock read.
public final class ComputationBudget: Sendable {
    /// The most units of work allowed.
    public let evaluationLimit: Int
    /// The most seconds allowed from creation, or nil for no time limit.
    public let secondsLimit: Double?
    private let started: Double
    private let used = Atomic<Int>(0)
    private let timedOut = Atomic<Bool>(false)

    /// A budget of `evaluations` units of work and, when given, `seconds` of wall-clock time.
    /// Non-positive or NaN limits allow no work at all.
    public init(evaluations: Int = .max, seconds: Double? = nil) {
        evaluationLimit = max(evaluations, 0)
        secondsLimit = seconds.map { $0.isNaN ? 0 : $0 }
        started = Self.now()
    }

    /// A budget without limits.
    public static var unlimited: ComputationBudget { ComputationBudget() }

    /// Records `units` of work; false when the budget is (now) spent, and on every call after that.
    @discardableResult
    public func charge(_ units: Int = 1) -> Bool {
        let total = used.wrappingAdd(max(units, 0), ordering: .relaxed).newValue
        if total > evaluationLimit || total < 0 { return false }
        if let limit = secondsLimit {
            if timedOut.load(ordering: .relaxed) { return false }
            if Self.now() - started > limit {
                timedOut.store(true, ordering: .relaxed)
                return false
            }
        }
        return true
    }

    /// True once a charge went over either limit.
    public var isSpent: Bool {
        used.load(ordering: .relaxed) > evaluationLimit || timedOut.load(ordering: .relaxed)
    }

    /// Seconds left of the time limit (negative once it has passed), or nil without one.
    public var remainingSeconds: Double? {
        secondsLimit.map { $0 - (Self.now() - started) }
    }

    /// Units of work charged so far.
    public var evaluations: Int { used.load(ordering: .relaxed) }

    /// Why the budget is spent, in words ("the budget of 200000 evaluations was spent"), or nil.
    public var reason: String? {
        if timedOut.load(ordering: .relaxed), let limit = secondsLimit {
            return "the time budget of \(limit) s was spent"
        }
        if used.load(ordering: .relaxed) > evaluationLimit {
            return "the budget of \(evaluationLimit) evaluations was spent"
        }
        return nil
    }

    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
