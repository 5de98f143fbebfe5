// Helpers shared by the LAPACK wrappers: argument validation and Fortran calling conventions.

/// A Fortran `CHARACTER*1` argument such as `"N"` or `"L"`.
func fortranCharacter(_ ascii: Unicode.Scalar) -> CChar {
    CChar(truncatingIfNeeded: UInt8(ascii: ascii))
}

/// The hidden length argument gfortran appends for each `CHARACTER` argument.
let fortranCharacterLength = 1

/// Converts a dimension to LAPACK's 32-bit `INTEGER`.
/// - Throws: `.dimensionMismatch` if `value` does not fit.
func lapackInteger(_ value: Int, _ what: String) throws(LinearAlgebraError) -> Int32 {
    guard let converted = Int32(exactly: value) else {
        throw .dimensionMismatch("\(what) = \(value) does not fit LAPACK's 32-bit INTEGER")
    }
    return converted
}

/// A leading dimension for LAPACK (`LDA >= max(1, rows)`).
/// - Throws: `.dimensionMismatch` if it does not fit, or if the number of elements of the matrix
///   does not (reference LAPACK computes element offsets in 32-bit arithmetic).
func lapackLeadingDimension(rows: Int, columns: Int, _ what: String) throws(LinearAlgebraError) -> Int32 {
    let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow, count <= Int(Int32.max) else {
        throw .dimensionMismatch("\(what) has \(rows) x \(columns) elements, more than LAPACK's 32-bit INTEGER can index")
    }
    return try lapackInteger(max(1, rows), "leading dimension of \(what)")
}

/// - Throws: `.nonFiniteInput` if any element is NaN or infinite.
func requireFinite(_ values: [Double]) throws(LinearAlgebraError) {
    for value in values where !value.isFinite {
        throw .nonFiniteInput
    }
}

/// The workspace size to allocate: the optimal size a workspace query (`LWORK = -1`) reported in
/// `WORK(1)`, but at least the routine's documented `minimum`.
/// - Throws: `.dimensionMismatch` if the size does not fit LAPACK's 32-bit `INTEGER`;
///   `.lapackFailure(routine: "<routine> workspace query", info: 0)` if the reported value is not
///   a finite non-negative number.
func workspaceSize(_ reported: Double, minimum: Int, routine: String) throws(LinearAlgebraError) -> Int32 {
    guard reported.isFinite, reported >= 0 else {
        throw .lapackFailure(routine: "\(routine) workspace query", info: 0)
    }
    let size = max(Double(minimum), reported.rounded(.up))
    guard size <= Double(Int32.max) else {
        throw .dimensionMismatch("\(routine) needs a workspace of \(size) elements, more than LAPACK's 32-bit INTEGER allows")
    }
    return Int32(size)
}

/// Maps a non-zero `info` that has no specific meaning to `.lapackFailure`.
func checkInfo(_ info: Int32, routine: String) throws(LinearAlgebraError) {
    if info != 0 {
        throw .lapackFailure(routine: routine, info: info)
    }
}

extension Matrix {
    /// - Throws: `.dimensionMismatch` unless the matrix is square.
    func requireSquare(_ operation: String) throws(LinearAlgebraError) {
        guard isSquare else {
            throw .dimensionMismatch("\(operation) needs a square matrix, got \(rows) x \(columns)")
        }
    }
}
