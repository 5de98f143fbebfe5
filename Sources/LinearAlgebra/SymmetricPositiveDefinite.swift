import CLAPACK

// Cholesky factorisation, definiteness and the inverse of symmetric positive definite matrices.
// All three reference only the LOWER triangle (diagonal included) of the matrix, as LAPACK does
// with UPLO = 'L': the strict upper triangle is ignored and symmetry is not checked.

extension Matrix {
    /// The lower-triangular Cholesky factor `L` with `self = L · Lᵀ` (strict upper triangle zero),
    /// by LAPACK `dpotrf` (UPLO = 'L').
    ///
    /// Only the lower triangle of `self` is read; the caller is responsible for symmetry.
    /// Complexity: O(n³/3).
    /// - Throws:
    ///   - `.dimensionMismatch` if the matrix is not square or too large for LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if it contains NaN or ±infinity;
    ///   - `.notPositiveDefinite(leadingMinor:)` if `dpotrf` reports `info > 0`: the leading minor
    ///     of that order (1-based) is not positive definite;
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func cholesky() throws(LinearAlgebraError) -> Matrix {
        var factor = try lowerCholeskyFactor(operation: "cholesky")
        for j in 0..<columns {
            for i in 0..<j {
                factor[i + j * rows] = 0  // dpotrf leaves the strict upper triangle untouched
            }
        }
        return Matrix(rows: rows, columns: columns, columnMajor: factor)
    }

    /// Whether the matrix is symmetric positive definite as judged by LAPACK `dpotrf` (UPLO = 'L'):
    /// true when the Cholesky factorisation of its lower triangle succeeds.
    ///
    /// Only the lower triangle is read; symmetry is not checked. Complexity: O(n³/3).
    /// Never throws: a non-square matrix, non-finite input or any LAPACK failure gives `false`.
    /// A 0 × 0 matrix is (vacuously) positive definite.
    public func isPositiveDefinite() -> Bool {
        do {
            _ = try lowerCholeskyFactor(operation: "isPositiveDefinite")
            return true
        } catch {
            return false
        }
    }

    /// The inverse of a symmetric positive definite matrix, by LAPACK `dpotrf` (Cholesky, UPLO = 'L')
    /// followed by `dpotri`; the result is exactly symmetric, with both triangles filled.
    ///
    /// Only the lower triangle of `self` is read; symmetry is not checked. Complexity: O(n³).
    /// - Throws:
    ///   - `.dimensionMismatch` if the matrix is not square or too large for LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if it contains NaN or ±infinity;
    ///   - `.notPositiveDefinite(leadingMinor:)` if `dpotrf` reports `info > 0` (the matrix is not
    ///     positive definite: indefinite, negative definite or singular);
    ///   - `.singular(pivot:)` if `dpotri` reports `info > 0` (a zero diagonal element of the factor;
    ///     not expected after a successful `dpotrf`);
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func symmetricPositiveDefiniteInverse() throws(LinearAlgebraError) -> Matrix {
        var a = try lowerCholeskyFactor(operation: "symmetricPositiveDefiniteInverse")
        if rows == 0 { return self }
        var uplo = fortranCharacter("L")
        var n = try lapackInteger(rows, "order of the matrix")
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var info: Int32 = 0
        dpotri_(&uplo, &n, &a, &lda, &info, fortranCharacterLength)
        if info > 0 { throw .singular(pivot: Int(info)) }
        try checkInfo(info, routine: "dpotri")
        for j in 0..<columns {
            for i in 0..<j {
                a[i + j * rows] = a[j + i * rows]  // mirror the lower triangle into the upper one
            }
        }
        return Matrix(rows: rows, columns: columns, columnMajor: a)
    }

    /// A copy of `storage` whose lower triangle holds the Cholesky factor from `dpotrf` (UPLO = 'L');
    /// the strict upper triangle is the input's.
    private func lowerCholeskyFactor(operation: String) throws(LinearAlgebraError) -> [Double] {
        try requireSquare(operation)
        try requireFinite(storage)
        var a = storage  // dpotrf overwrites the lower triangle with L
        if rows == 0 { return a }
        var uplo = fortranCharacter("L")
        var n = try lapackInteger(rows, "order of the matrix")
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var info: Int32 = 0
        dpotrf_(&uplo, &n, &a, &lda, &info, fortranCharacterLength)
        if info > 0 { throw .notPositiveDefinite(leadingMinor: Int(info)) }
        try checkInfo(info, routine: "dpotrf")
        return a
    }
}
