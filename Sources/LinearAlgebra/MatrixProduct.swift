import CLAPACK

extension Matrix {
    /// The matrix product `a · b`, computed by BLAS `dgemm`.
    ///
    /// Complexity: O(m·n·k) for an m × k times k × n product.
    /// Failure modes: throws `LinearAlgebraError.dimensionMismatch` if `a.columns != b.rows` or if a
    /// dimension does not fit BLAS's 32-bit `INTEGER`. Non-finite elements propagate by IEEE rules
    /// (BLAS does not loop on them).
    public static func * (a: Matrix, b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard a.columns == b.rows else {
            throw .dimensionMismatch("a matrix product needs a.columns == b.rows, got \(a.rows) x \(a.columns) times \(b.rows) x \(b.columns)")
        }
        // Empty result, or empty inner dimension (the zero matrix): nothing for BLAS to do.
        if a.rows == 0 || b.columns == 0 || a.columns == 0 {
            return Matrix(rows: a.rows, columns: b.columns)
        }
        return try gemm(a, b)
    }

    /// The matrix-vector product `self · v`, computed by BLAS `dgemm` with one column.
    ///
    /// Complexity: O(rows·columns).
    /// Failure modes: throws `LinearAlgebraError.dimensionMismatch` if `v.count != columns` or if a
    /// dimension does not fit BLAS's 32-bit `INTEGER`. Non-finite elements propagate by IEEE rules.
    public func multiply(_ v: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard v.count == columns else {
            throw .dimensionMismatch("a matrix-vector product needs v.count == columns, got \(v.count) and \(columns)")
        }
        return try (self * Matrix(rows: v.count, columns: 1, columnMajor: v)).storage
    }
}

/// `a · b` through `dgemm_`; all three dimensions are at least 1.
private func gemm(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
    var transA = fortranCharacter("N")
    var transB = fortranCharacter("N")
    var m = try lapackInteger(a.rows, "rows of a")
    var n = try lapackInteger(b.columns, "columns of b")
    var k = try lapackInteger(a.columns, "columns of a")
    var lda = try lapackLeadingDimension(rows: a.rows, columns: a.columns, "a")
    var ldb = try lapackLeadingDimension(rows: b.rows, columns: b.columns, "b")
    var ldc = try lapackLeadingDimension(rows: a.rows, columns: b.columns, "the product")
    var c = [Double](repeating: 0, count: a.rows * b.columns)
    var alpha = 1.0
    var beta = 0.0
    dgemm_(&transA, &transB, &m, &n, &k, &alpha, a.storage, &lda, b.storage, &ldb,
           &beta, &c, &ldc, fortranCharacterLength, fortranCharacterLength)
    return Matrix(rows: a.rows, columns: b.columns, columnMajor: c)
}
