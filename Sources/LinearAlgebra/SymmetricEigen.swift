import CLAPACK

extension Matrix {
    /// Eigenvalues in ascending order and, if `vectors` is true, orthonormal eigenvectors (column j
    /// belongs to value j) of a symmetric matrix, by LAPACK `dsyev` (UPLO = 'L') after a workspace
    /// query (`LWORK = -1`).
    ///
    /// Only the lower triangle is read; symmetry is not checked. The sign of each eigenvector is
    /// whatever LAPACK returns. `vectors` is `nil` when `vectors` is false.
    /// Complexity: O(n³).
    /// - Throws:
    ///   - `.dimensionMismatch` if the matrix is not square or too large for LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if it contains NaN or ±infinity;
    ///   - `.lapackFailure(routine: "dsyev", info:)` if the QR iteration fails to converge
    ///     (`info > 0`) or for any other non-zero `info`.
    public func symmetricEigen(vectors: Bool = true) throws(LinearAlgebraError) -> (values: [Double], vectors: Matrix?) {
        try requireSquare("symmetricEigen")
        try requireFinite(storage)
        if rows == 0 { return ([], vectors ? self : nil) }

        var jobz = fortranCharacter(vectors ? "V" : "N")
        var uplo = fortranCharacter("L")
        var n = try lapackInteger(rows, "order of the matrix")
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var a = storage  // dsyev overwrites A with the eigenvectors (or destroys it)
        var values = [Double](repeating: 0, count: rows)
        var info: Int32 = 0

        var query = [0.0]
        var lwork: Int32 = -1
        dsyev_(&jobz, &uplo, &n, &a, &lda, &values, &query, &lwork, &info,
               fortranCharacterLength, fortranCharacterLength)
        try checkInfo(info, routine: "dsyev")
        // Documented minimum: max(1, 3N - 1).
        lwork = try workspaceSize(query[0], minimum: max(1, 3 * rows - 1), routine: "dsyev")
        var work = [Double](repeating: 0, count: Int(lwork))

        dsyev_(&jobz, &uplo, &n, &a, &lda, &values, &work, &lwork, &info,
               fortranCharacterLength, fortranCharacterLength)
        try checkInfo(info, routine: "dsyev")
        return (values, vectors ? Matrix(rows: rows, columns: columns, columnMajor: a) : nil)
    }
}
