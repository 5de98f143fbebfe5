import CLAPACK

extension Matrix {
    /// Solves `self · x = b` for a square `self`, by LAPACK `dgesv` (LU with partial pivoting).
    ///
    /// Complexity: O(n³) for the factorisation plus O(n²) for the solve.
    /// - Throws:
    ///   - `.dimensionMismatch` if `self` is not square or `b.count != rows`, or a dimension does not
    ///     fit LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if `self` or `b` contains NaN or ±infinity;
    ///   - `.singular(pivot:)` if the LU factorisation meets an exactly zero pivot (`info > 0`).
    ///     A nearly singular matrix is not detected and gives an inaccurate solution;
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == rows else {
            throw .dimensionMismatch("solve needs a right-hand side of \(rows) elements, got \(b.count)")
        }
        return try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// Solves `self · X = B` for a square `self` and every column of `B` at once, by LAPACK `dgesv`
    /// (LU with partial pivoting).
    ///
    /// Complexity: O(n³ + n²·k) for an n × n `self` and k right-hand sides.
    /// - Throws:
    ///   - `.dimensionMismatch` if `self` is not square or `b.rows != rows`, or a dimension does not
    ///     fit LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if `self` or `b` contains NaN or ±infinity;
    ///   - `.singular(pivot:)` if the LU factorisation meets an exactly zero pivot (`info > 0`).
    ///     A nearly singular matrix is not detected and gives an inaccurate solution;
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try requireSquare("solve")
        guard b.rows == rows else {
            throw .dimensionMismatch("solve needs a right-hand side with \(rows) rows, got \(b.rows)")
        }
        try requireFinite(storage)
        try requireFinite(b.storage)
        if rows == 0 || b.columns == 0 { return b }

        var n = try lapackInteger(rows, "order of the matrix")
        var nrhs = try lapackInteger(b.columns, "number of right-hand sides")
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var ldb = try lapackLeadingDimension(rows: b.rows, columns: b.columns, "the right-hand side")
        var a = storage  // dgesv overwrites A with its LU factors
        var x = b.storage  // and B with the solution
        var pivots = [Int32](repeating: 0, count: rows)
        var info: Int32 = 0
        dgesv_(&n, &nrhs, &a, &lda, &pivots, &x, &ldb, &info)
        if info > 0 { throw .singular(pivot: Int(info)) }
        try checkInfo(info, routine: "dgesv")
        return Matrix(rows: b.rows, columns: b.columns, columnMajor: x)
    }

    /// The inverse of a square matrix, by LAPACK `dgesv` with the identity as right-hand side.
    /// For a symmetric positive definite matrix prefer `symmetricPositiveDefiniteInverse()`.
    ///
    /// Complexity: O(n³).
    /// - Throws:
    ///   - `.dimensionMismatch` if the matrix is not square or too large for LAPACK's 32-bit `INTEGER`;
    ///   - `.nonFiniteInput` if it contains NaN or ±infinity;
    ///   - `.singular(pivot:)` if the LU factorisation meets an exactly zero pivot. A nearly
    ///     singular matrix is not detected and gives an inaccurate inverse;
    ///   - `.lapackFailure` for any other non-zero `info`.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        try requireSquare("inverse")
        return try solve(Matrix.identity(rows))
    }
}
