import CLAPACK

extension Matrix {
    /// The thin singular value decomposition `self = U · diag(singularValues) · Vt` of an m × n
    /// matrix, by LAPACK `dgesdd` (divide and conquer, JOBZ = 'S') after a workspace query
    /// (`LWORK = -1`).
    ///
    /// With k = min(m, n): `u` is m × k with orthonormal columns, `singularValues` holds k values in
    /// descending order (all ≥ 0), and `vt` is k × n with orthonormal rows. Signs of singular vector
    /// pairs are whatever LAPACK returns.
    /// Complexity: O(m·n·min(m, n)).
    /// - Throws:
    ///   - `.dimensionMismatch` if a dimension or the workspace size does not fit LAPACK's 32-bit
    ///     `INTEGER`;
    ///   - `.nonFiniteInput` if the matrix contains NaN or ±infinity;
    ///   - `.lapackFailure(routine: "dgesdd", info:)` if the bidiagonal divide and conquer fails to
    ///     converge (`info > 0`) or for any other non-zero `info`.
    public func singularValueDecomposition() throws(LinearAlgebraError) -> (u: Matrix, singularValues: [Double], vt: Matrix) {
        try requireFinite(storage)
        let k = min(rows, columns)
        if k == 0 {
            return (Matrix(rows: rows, columns: 0), [], Matrix(rows: 0, columns: columns))
        }

        var jobz = fortranCharacter("S")
        var m = try lapackInteger(rows, "rows of the matrix")
        var n = try lapackInteger(columns, "columns of the matrix")
        var lda = try lapackLeadingDimension(rows: rows, columns: columns, "the matrix")
        var ldu = try lapackLeadingDimension(rows: rows, columns: k, "U")
        var ldvt = try lapackLeadingDimension(rows: k, columns: columns, "Vt")
        var a = storage  // dgesdd destroys A
        var singularValues = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: rows * k)
        var vt = [Double](repeating: 0, count: k * columns)
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0

        var query = [0.0]
        var lwork: Int32 = -1
        dgesdd_(&jobz, &m, &n, &a, &lda, &singularValues, &u, &ldu, &vt, &ldvt, &query, &lwork,
                &iwork, &info, fortranCharacterLength)
        try checkInfo(info, routine: "dgesdd")
        // Documented minimum for JOBZ = 'S': 3·k² + max(max(m, n), 4·k² + 4·k). No Int overflow:
        // k² <= rows·columns, which lapackLeadingDimension bounded by Int32.max.
        let minimum = 3 * k * k + max(max(rows, columns), 4 * k * k + 4 * k)
        lwork = try workspaceSize(query[0], minimum: minimum, routine: "dgesdd")
        var work = [Double](repeating: 0, count: Int(lwork))

        dgesdd_(&jobz, &m, &n, &a, &lda, &singularValues, &u, &ldu, &vt, &ldvt, &work, &lwork,
                &iwork, &info, fortranCharacterLength)
        try checkInfo(info, routine: "dgesdd")
        return (Matrix(rows: rows, columns: k, columnMajor: u), singularValues,
                Matrix(rows: k, columns: columns, columnMajor: vt))
    }
}
