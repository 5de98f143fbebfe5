import Testing
import LinearAlgebra

@Suite("dpotrf/dpotri: Cholesky, SPD inverse, definiteness")
struct SymmetricPositiveDefiniteTests {
    @Test func inverseOfTwoByTwo() throws {
        // [4 2; 2 3]⁻¹ = 1/(4·3 − 2·2) · [3 −2; −2 4] = (1/8) [3 −2; −2 4]
        let inverse = try Matrix([[4, 2], [2, 3]]).symmetricPositiveDefiniteInverse()
        let expected = Matrix([[3.0 / 8, -2.0 / 8], [-2.0 / 8, 4.0 / 8]])
        #expect(maxAbsDifference(inverse, expected) < 1e-15)
    }

    @Test func inverseOfRandomFiveByFive() throws {
        let a = randomSPD(5, seed: 20_240_601)
        let inverse = try a.symmetricPositiveDefiniteInverse()
        #expect(try maxAbsDifference(a * inverse, Matrix.identity(5)) < 1e-12)
        #expect(try maxAbsDifference(inverse * a, Matrix.identity(5)) < 1e-12)
        // Both triangles filled, exactly symmetric.
        #expect(inverse == inverse.transposed)
        // Agrees with the general (LU) inverse.
        #expect(maxAbsDifference(inverse, try a.inverse()) < 1e-12)
    }

    @Test func choleskyOfKnownMatrix() throws {
        // Textbook example: [4 12 −16; 12 37 −43; −16 −43 98] = L Lᵀ with L = [2 0 0; 6 1 0; −8 5 3]
        // (check: 6·6 + 1 = 37, −8·6 + 5·1 = −43, 64 + 25 + 9 = 98).
        let a = Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try a.cholesky()
        #expect(maxAbsDifference(l, Matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])) < 1e-14)
        #expect(try maxAbsDifference(l * l.transposed, a) < 1e-13)
    }

    @Test func choleskyOfRandomSPDReconstructs() throws {
        let a = randomSPD(6, seed: 7)
        let l = try a.cholesky()
        #expect(try maxAbsDifference(l * l.transposed, a) < 1e-12)
        for j in 0..<6 {
            #expect(l[j, j] > 0)
            for i in 0..<j { #expect(l[i, j] == 0) }
        }
    }

    @Test func definiteness() {
        #expect(Matrix([[4, 2], [2, 3]]).isPositiveDefinite())
        #expect(randomSPD(5, seed: 1).isPositiveDefinite())
        #expect(!Matrix([[-1, 0], [0, -1]]).isPositiveDefinite())
        #expect(!Matrix([[1, 2], [2, 1]]).isPositiveDefinite())
        #expect(!Matrix([[1, 1], [1, 1]]).isPositiveDefinite())  // positive semidefinite only
        #expect(!Matrix([[1, 2, 3], [4, 5, 6]]).isPositiveDefinite())
        #expect(!Matrix([[.nan, 0], [0, 1]]).isPositiveDefinite())
    }

    @Test func notPositiveDefiniteThrows() {
        // Negative definite: the first leading minor, −1, already fails.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 1)) {
            try Matrix([[-1, 0], [0, -1]]).symmetricPositiveDefiniteInverse()
        }
        // Indefinite: first minor 1 > 0, second minor 1·1 − 2·2 = −3 < 0.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Matrix([[1, 2], [2, 1]]).symmetricPositiveDefiniteInverse()
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Matrix([[1, 2], [2, 1]]).cholesky()
        }
    }

    @Test func shapeAndFinitenessChecked() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).cholesky() }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[4, 2], [2, .infinity]]).symmetricPositiveDefiniteInverse()
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try Matrix([[.nan]]).cholesky() }
    }
}
