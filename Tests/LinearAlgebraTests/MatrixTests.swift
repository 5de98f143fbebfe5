import Testing
import LinearAlgebra

@Suite("Matrix storage and BLAS products")
struct MatrixTests {
    @Test func rowLiteralIsStoredColumnMajor() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6 && m[0, 1] == 2)
        #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
        #expect(m == Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6]))
    }

    @Test func repeatingInitAndSubscriptSet() {
        var m = Matrix(rows: 2, columns: 2, repeating: 7)
        #expect(m.storage == [7, 7, 7, 7])
        m[0, 1] = -1
        #expect(m.rowArrays == [[7, -1], [7, 7]])
        #expect(Matrix(rows: 3, columns: 1).storage == [0, 0, 0])
    }

    @Test func emptyLiteralIsZeroByZero() {
        let m = Matrix([])
        #expect(m.rows == 0 && m.columns == 0 && m.storage.isEmpty)
    }

    @Test func transposeSwapsIndices() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(m.transposed.transposed == m)
    }

    @Test func identityAndDiagonal() {
        #expect(Matrix.identity(3).rowArrays == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(Matrix([[1, 2, 3], [4, 5, 6]]).diagonal == [1, 5])
        #expect(Matrix([[1, 2], [3, 4], [5, 6]]).diagonal == [1, 4])
    }

    @Test func productOfKnownMatrices() throws {
        // Hand computation: [1 2 3; 4 5 6] · [7 8; 9 10; 11 12]
        //   row 1: 1·7 + 2·9 + 3·11 = 58,   1·8 + 2·10 + 3·12 = 64
        //   row 2: 4·7 + 5·9 + 6·11 = 139,  4·8 + 5·10 + 6·12 = 154
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(try a * b == Matrix([[58, 64], [139, 154]]))
        // and the other way round (3 × 3): e.g. (1,1) = 7·1 + 8·4 = 39.
        #expect(try b * a == Matrix([[39, 54, 69], [49, 68, 87], [59, 82, 105]]))
    }

    @Test func productWithIdentityAndEmptyInnerDimension() throws {
        let a = Matrix([[1.5, -2], [0.25, 4]])
        #expect(try a * Matrix.identity(2) == a)
        #expect(try Matrix.identity(2) * a == a)
        let zeroInner = try Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3)
        #expect(zeroInner == Matrix(rows: 2, columns: 3))
    }

    @Test func matrixVectorProduct() throws {
        // [1 2; 3 4] · [5, 6] = [1·5 + 2·6, 3·5 + 4·6] = [17, 39]
        #expect(try Matrix([[1, 2], [3, 4]]).multiply([5, 6]) == [17, 39])
        #expect(try Matrix([[1, 2, 3]]).multiply([1, 1, 1]) == [6])
    }
}

extension MatrixTests {
    /// Shapes that do not fit throw instead of trapping (issue 10, item 10).
    @Test func mismatchedProductsThrow() {
        #expect(throws: LinearAlgebraError.self) { _ = try Matrix(rows: 2, columns: 3) * Matrix(rows: 2, columns: 3) }
        #expect(throws: LinearAlgebraError.self) { _ = try Matrix([[1, 2]]).multiply([1, 2, 3]) }
    }
}
