import Testing
import LinearAlgebra

@Suite("dgels: least squares")
struct LeastSquaresTests {
    /// Design matrix [1, x, x², …] with `degree + 1` columns.
    func design(_ x: [Double], degree: Int) -> Matrix {
        Matrix(x.map { xi in (0...degree).map { power in (0..<power).reduce(1.0) { product, _ in product * xi } } })
    }

    @Test func exactLineIsRecovered() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let y = x.map { 2 + 3 * $0 }
        let coefficients = try design(x, degree: 1).leastSquares(y)
        #expect(maxAbsDifference(coefficients, [2, 3]) < 1e-13)
    }

    @Test func overdeterminedLineMatchesNormalEquations() throws {
        // Points (0, 1), (1, 2), (2, 2), (3, 4). Normal equations by hand:
        //   XᵀX = [n Σx; Σx Σx²] = [4 6; 6 14],  Xᵀy = [Σy, Σxy] = [9, 0 + 2 + 4 + 12] = [9, 18],
        //   det = 4·14 − 6·6 = 20, intercept = (14·9 − 6·18)/20 = 0.9, slope = (4·18 − 6·9)/20 = 0.9.
        let coefficients = try design([0, 1, 2, 3], degree: 1).leastSquares([1, 2, 2, 4])
        #expect(maxAbsDifference(coefficients, [0.9, 0.9]) < 1e-14)
    }

    @Test func overdeterminedQuadraticMatchesNormalEquationsByCramer() throws {
        let x: [Double] = [-2, -1, 0, 1, 2, 3]
        let y: [Double] = [5.1, 1.9, 1.2, 2.2, 4.8, 10.3]
        // Normal equations XᵀX c = Xᵀy built from power sums and solved by Cramer's rule, all in
        // plain Swift (no LAPACK).
        func s(_ p: Int) -> Double { x.reduce(0) { $0 + pow($1, p) } }
        func t(_ p: Int) -> Double { zip(x, y).reduce(0) { $0 + pow($1.0, p) * $1.1 } }
        func pow(_ base: Double, _ p: Int) -> Double { (0..<p).reduce(1) { r, _ in r * base } }
        let n: [[Double]] = [[s(0), s(1), s(2)], [s(1), s(2), s(3)], [s(2), s(3), s(4)]]
        let r = [t(0), t(1), t(2)]
        func det(_ m: [[Double]]) -> Double {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        let d = det(n)
        let expected = (0..<3).map { column in
            det(n.enumerated().map { i, row in row.enumerated().map { j, v in j == column ? r[i] : v } }) / d
        }
        let coefficients = try design(x, degree: 2).leastSquares(y)
        #expect(maxAbsDifference(coefficients, expected) < 1e-12)
    }

    @Test func squareSystemIsSolvedExactly() throws {
        let x = try Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]).leastSquares([8, -11, -3])
        #expect(maxAbsDifference(x, [2, 3, -1]) < 1e-13)
    }

    @Test func rankDeficientThrows() {
        // Two identical columns: the Householder reflection maps both to the same vector, so the
        // second diagonal element of R is exactly zero.
        #expect(throws: LinearAlgebraError.rankDeficient) {
            try Matrix([[1, 1], [1, 1], [1, 1]]).leastSquares([1, 2, 3])
        }
        #expect(throws: LinearAlgebraError.rankDeficient) {
            try Matrix([[1, 0], [2, 0], [3, 0]]).leastSquares([1, 2, 3])
        }
    }

    @Test func shapeAndFinitenessChecked() {
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).leastSquares([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2], [3, 4], [5, 6]]).leastSquares([1, 2]) }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[1, 2], [3, 4], [5, 6]]).leastSquares([1, .nan, 3])
        }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try Matrix([[1, 2], [3, -.infinity], [5, 6]]).leastSquares([1, 2, 3])
        }
    }
}
