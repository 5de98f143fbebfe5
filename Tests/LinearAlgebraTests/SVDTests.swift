import Testing
import LinearAlgebra

@Suite("dgesdd: thin singular value decomposition")
struct SVDTests {
    func reconstruct(_ svd: (u: Matrix, singularValues: [Double], vt: Matrix)) -> Matrix {
        var sigma = Matrix(rows: svd.singularValues.count, columns: svd.singularValues.count)
        for (i, s) in svd.singularValues.enumerated() { sigma[i, i] = s }
        return try! svd.u * sigma * svd.vt   // conformable by construction
    }

    @Test(arguments: [(5, 3), (3, 5), (4, 4), (1, 6)])
    func reconstructsRandomMatrix(rows: Int, columns: Int) throws {
        var generator = LCG(seed: UInt64(17 * rows + columns))
        let a = generator.matrix(rows: rows, columns: columns)
        let svd = try a.singularValueDecomposition()
        let k = min(rows, columns)
        #expect(svd.u.rows == rows && svd.u.columns == k)
        #expect(svd.vt.rows == k && svd.vt.columns == columns)
        #expect(svd.singularValues.count == k)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(maxAbsDifference(reconstruct(svd), a) < 1e-12)
        #expect(try maxAbsDifference(svd.u.transposed * svd.u, Matrix.identity(k)) < 1e-12)
        #expect(try maxAbsDifference(svd.vt * svd.vt.transposed, Matrix.identity(k)) < 1e-12)
    }

    @Test func diagonalMatrix() throws {
        // Singular values of a diagonal matrix are the absolute diagonal, sorted descending.
        let svd = try Matrix([[1, 0, 0], [0, -3, 0], [0, 0, 2]]).singularValueDecomposition()
        #expect(maxAbsDifference(svd.singularValues, [3, 2, 1]) < 1e-14)
    }

    @Test func rotationTimesDiagonal() throws {
        // Q = [0.6 −0.8; 0.8 0.6] is a rotation, so Q · diag(5, 2) = [3 −1.6; 4 1.2] has singular
        // values 5 and 2 (and Q's columns as left singular vectors, up to sign).
        let svd = try Matrix([[3, -1.6], [4, 1.2]]).singularValueDecomposition()
        #expect(maxAbsDifference(svd.singularValues, [5, 2]) < 1e-14)
        #expect(abs(abs(svd.u[0, 0]) - 0.6) < 1e-14 && abs(abs(svd.u[1, 0]) - 0.8) < 1e-14)
    }

    @Test func rankOneMatrix() throws {
        // [1 2; 2 4; 3 6] = (1, 2, 3)ᵀ (1, 2): one singular value √14 · √5 = √70, the other 0.
        let svd = try Matrix([[1, 2], [2, 4], [3, 6]]).singularValueDecomposition()
        #expect(abs(svd.singularValues[0] - 70.0.squareRoot()) < 1e-13)
        #expect(abs(svd.singularValues[1]) < 1e-14)
    }

    @Test func nonFiniteInputRejected() {
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[1, 2], [3, .infinity]]).singularValueDecomposition()
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[.nan, 2, 3]]).singularValueDecomposition()
        }
    }
}
