/// A dense matrix of `Double`s stored in column-major order, the layout LAPACK and BLAS use.
///
/// `Matrix` is a value type: the LAPACK-backed operations copy `storage` before LAPACK overwrites
/// it, so no operation ever changes its receiver or arguments. Construction, indexing, transpose,
/// identity, diagonal and row extraction are plain Swift (no LAPACK, no failure modes other than the
/// preconditions stated); every numerical operation goes through BLAS or LAPACK.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in column-major order: element (i, j) is `storage[i + j * rows]`.
    /// Its count must stay `rows * columns` (checked by a precondition on every assignment).
    public var storage: [Double] {
        didSet {
            precondition(storage.count == rows * columns, "Matrix storage must keep rows * columns elements")
        }
    }

    /// A `rows` × `columns` matrix with every element equal to `value`. O(rows·columns).
    /// Traps if a dimension is negative.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A `rows` × `columns` matrix from elements in column-major order. O(1) (the array is shared).
    /// Traps if a dimension is negative or `columnMajor.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(columnMajor.count == rows * columns, "columnMajor must hold rows * columns elements")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from its rows, written as a row-major literal: `Matrix([[1, 2], [3, 4]])`.
    /// O(rows·columns). An empty array gives a 0 × 0 matrix. Traps if the rows differ in length.
    public init(_ rowsOfValues: [[Double]]) {
        let rowCount = rowsOfValues.count
        let columnCount = rowsOfValues.first?.count ?? 0
        var values = [Double](repeating: 0, count: rowCount * columnCount)
        for (i, row) in rowsOfValues.enumerated() {
            precondition(row.count == columnCount, "All rows of a matrix literal must have the same length")
            for (j, value) in row.enumerated() {
                values[i + j * rowCount] = value
            }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: values)
    }

    /// The `n` × `n` identity matrix. O(n²). Traps if `n` is negative.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            result.storage[i + i * n] = 1
        }
        return result
    }

    /// The element in row `row` and column `column` (both 0-based). O(1). Traps when out of range.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// The transpose, a `columns` × `rows` matrix. O(rows·columns), plain Swift (a copy, no LAPACK).
    public var transposed: Matrix {
        var values = [Double](repeating: 0, count: storage.count)
        for j in 0..<columns {
            for i in 0..<rows {
                values[j + i * columns] = storage[i + j * rows]
            }
        }
        return Matrix(rows: columns, columns: rows, columnMajor: values)
    }

    /// The main diagonal, `min(rows, columns)` elements. O(min(rows, columns)).
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// The rows as arrays (row-major), e.g. for JSON output. O(rows·columns).
    public var rowArrays: [[Double]] {
        (0..<rows).map { i in (0..<columns).map { j in storage[i + j * rows] } }
    }

    /// Whether the matrix is square.
    var isSquare: Bool { rows == columns }
}
