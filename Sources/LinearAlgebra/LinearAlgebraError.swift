/// Errors thrown by the LAPACK-backed operations on `Matrix`.
///
/// Every throwing operation validates its input in Swift before calling LAPACK (shapes, the
/// 32-bit LAPACK integer range, finiteness) and then checks the `info` result of every call.
public enum LinearAlgebraError: Error, Sendable, Equatable {
    /// The operands' shapes do not fit the operation (non-square matrix, wrong right-hand-side
    /// length, fewer rows than columns, or a dimension that does not fit LAPACK's 32-bit `INTEGER`).
    /// The string says what was expected.
    case dimensionMismatch(String)
    /// The LU factorisation (`dgesv`) found an exactly zero pivot `U(pivot, pivot)` (1-based), so the
    /// matrix is singular in floating point. Nearly singular matrices are not detected.
    case singular(pivot: Int)
    /// The Cholesky factorisation (`dpotrf`) failed because the leading minor of this order
    /// (1-based) is not positive definite.
    case notPositiveDefinite(leadingMinor: Int)
    /// The least-squares matrix does not have full column rank (`dgels` found an exactly zero
    /// diagonal element of the triangular factor).
    case rankDeficient
    /// A LAPACK routine returned an unexpected `info`: negative for an illegal argument (a bug in
    /// this module), positive for a failure to converge (`dsyev`, `dgesdd`).
    case lapackFailure(routine: String, info: Int32)
    /// An input contains NaN or ±infinity; LAPACK is not called on such input.
    case nonFiniteInput
}
