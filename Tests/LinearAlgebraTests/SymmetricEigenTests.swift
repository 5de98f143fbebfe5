import Testing
import LinearAlgebra

@Suite("dsyev: symmetric eigendecomposition")
struct SymmetricEigenTests {
    @Test func twoByTwo() throws {
        // [2 1; 1 2]: characteristic polynomial (2 − λ)² − 1 = 0 → λ = 1, 3 with eigenvectors
        // (1, −1)/√2 and (1, 1)/√2.
        let (values, vectors) = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
        #expect(maxAbsDifference(values, [1, 3]) < 1e-14)
        let v = try #require(vectors)
        let h = 0.5.squareRoot()
        // Up to sign: normalise so the first component is positive.
        for (column, expected) in [(0, [h, -h]), (1, [h, h])] {
            let sign: Double = v[0, column] < 0 ? -1 : 1
            #expect(maxAbsDifference([sign * v[0, column], sign * v[1, column]], expected) < 1e-14)
        }
    }

    @Test func valuesOnlyLeavesVectorsNil() throws {
        let (values, vectors) = try Matrix([[2, 1], [1, 2]]).symmetricEigen(vectors: false)
        #expect(maxAbsDifference(values, [1, 3]) < 1e-14)
        #expect(vectors == nil)
    }

    @Test func traceDeterminantAndFrobeniusIdentitiesOnFourByFour() throws {
        // Tridiagonal [4 1 0 0; 1 3 1 0; 0 1 2 1; 0 0 1 1].
        //   trace = 4 + 3 + 2 + 1 = 10;
        //   determinant by the continuant recurrence f_k = a_k f_{k−1} − b_{k−1}² f_{k−2}:
        //     f1 = 4, f2 = 3·4 − 1 = 11, f3 = 2·11 − 4 = 18, f4 = 1·18 − 11 = 7;
        //   squared Frobenius norm = 16 + 9 + 4 + 1 + 2·(1 + 1 + 1) = 36 = Σ λ².
        let a = Matrix([[4, 1, 0, 0], [1, 3, 1, 0], [0, 1, 2, 1], [0, 0, 1, 1]])
        let (values, vectors) = try a.symmetricEigen()
        #expect(abs(values.reduce(0, +) - 10) < 1e-13)
        #expect(abs(values.reduce(1, *) - 7) < 1e-12)
        #expect(abs(values.reduce(0) { $0 + $1 * $1 } - 36) < 1e-12)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })  // ascending
        #expect(values.allSatisfy { $0 > 0 })  // all leading minors 4, 11, 18, 7 are positive

        let v = try #require(vectors)
        #expect(try maxAbsDifference(v.transposed * v, Matrix.identity(4)) < 1e-13)
        var lambda = Matrix(rows: 4, columns: 4)
        for i in 0..<4 { lambda[i, i] = values[i] }
        #expect(try maxAbsDifference(a * v, v * lambda) < 1e-12)
        #expect(try maxAbsDifference(v * lambda * v.transposed, a) < 1e-12)
    }

    @Test func eigenvaluesOfRandomSPDAgreeWithInverse() throws {
        // The eigenvalues of A⁻¹ are the reciprocals of those of A, in reverse order.
        let a = randomSPD(5, seed: 99)
        let values = try a.symmetricEigen(vectors: false).values
        let inverseValues = try a.symmetricPositiveDefiniteInverse().symmetricEigen(vectors: false).values
        #expect(maxAbsDifference(inverseValues, values.reversed().map { 1 / $0 }) < 1e-12)
    }

    @Test func shapeAndFinitenessChecked() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).symmetricEigen() }
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try Matrix([[1, .nan], [.nan, 1]]).symmetricEigen() }
    }
}
