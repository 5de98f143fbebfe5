import CLAPACK

extension Matrix {
    /// The least-squares solution `x` minimising ‖self · x − b‖₂ for a matrix with at least as many
    /// rows as columns and full column rank, by LAPACK `dgels` (Householder QR, TRANS = 'N') after a
    /// workspace query (`LWORK = -1`).
    ///
    /// Complexity: O(m·n²) for an m × n matrix.
    /// - Throws:
    ///   - `.dimensionMismatch` if `rows < columns`, `b.count != rows`, or a dimension does not fit
    ///     LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if the matrix or `b` contains NaN or ±infinity;
    ///   - `.rankDeficient` if `dgels` reports `info > 0` (an exactly zero diagonal element of R).
    ///     A nearly rank-deficient matrix is not detected and gives an inaccurate solution;
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func leastSquares(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard rows >= columns else {
            throw .dimensionMismatch("leastSquares needs rows >= columns, got \(rows) x \(columns)")
        }
        guard b.count == rows else {
            throw .dimensionMismatch("leastSquares needs a right-hand side of \(rows) elements, got \(b.count)")
        }
        try requireFinite(storage)
        try requireFinite(b)
        if columns == 0 { return [] }

        var trans = fortranCharacter("N")
        var m = try lapackInteger(rows, "rows of the matrix")
        var n = try lapackInteger(columns, "columns of the matrix")
        var nrhs: Int32 = 1
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var ldb = try lapackLeadingDimension(rows: rows, columns: 1, "the right-hand side")  // rows >= columns
        var a = storage  // dgels overwrites A with its QR factorisation
        var x = b  // and B with the solution (first n elements) and residual information
        var info: Int32 = 0

        var query = [0.0]
        var lwork: Int32 = -1
        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &x, &ldb, &query, &lwork, &info, fortranCharacterLength)
        try checkInfo(info, routine: "dgels")
        // Documented minimum: max(1, MN + max(MN, NRHS)) with MN = min(M, N).
        lwork = try workspaceSize(query[0], minimum: max(1, columns + max(columns, 1)), routine: "dgels")
        var work = [Double](repeating: 0, count: Int(lwork))

        dgels_(&trans, &m, &n, &nrhs, &a, &lda, &x, &ldb, &work, &lwork, &info, fortranCharacterLength)
        if info > 0 { throw .rankDeficient }
        try checkInfo(info, routine: "dgels")
        return Array(x[0..<columns])
    }
}
