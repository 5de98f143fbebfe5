import LinearAlgebra

/// Run-length design of control charts: average run lengths (ARL) of Shewhart charts with run
/// rules, EWMA and tabular CUSUM charts, and the critical values that give a target in-control ARL.
///
/// Conventions shared by every function here:
/// - the plotted statistic is normal with known in-control mean and standard deviation (the
///   "known parameters" case of the published tables); the shift `delta` is the out-of-control
///   mean minus the in-control mean in standard deviations **of the plotted statistic** (for an
///   Xbar chart of subgroups of n that is the shift in process sigmas times sqrt(n));
/// - run lengths are counted in samples and include the signalling sample (ARL >= 1);
/// - zero-state ARLs: the chart starts at its in-control value (or at the stated head start).
public enum ARL {}

/// Why a run-length or OC computation cannot give a number.
public enum ARLError: Error, Sendable, Equatable {
    /// A parameter is outside its domain (the text names it and the domain).
    case invalidParameter(String)
    /// The Markov chain of the selected run rules would have more transient states than the dense
    /// solver is allowed to handle (the count found so far and the limit).
    case tooManyStates(found: Int, limit: Int)
    /// The linear system of the Markov chain or of the integral equation could not be solved.
    case linearSystem(LinearAlgebraError)
    /// The quadrature of an integral equation did not settle to the requested relative accuracy
    /// with the largest order tried (the last two values are reported).
    case notConverged(previous: Double, last: Double, order: Int)
    /// No critical value gives the target ARL in the searched range (the text says why).
    case noCriticalValue(String)
    /// A simulation spent its time budget before its replicates were done (the text says how far it got).
    case budgetSpent(String)
}
