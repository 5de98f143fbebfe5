import Testing
import LinearAlgebra

@Suite("dgesv: solve and inverse")
struct LinearSolveTests {
    // 2x + y - z = 8, -3x - y + 2z = -11, -2x + y + 2z = -3 has the exact solution (2, 3, -1):
    // 4 + 3 + 1 = 8, -6 - 3 - 2 = -11, -4 + 3 - 2 = -3.
    let a = Matrix([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])

    @Test func solvesKnownSystem() throws {
        let x = try a.solve([8, -11, -3])
        #expect(maxAbsDifference(x, [2, 3, -1]) < 1e-14)
    }

    @Test func solvesSeveralRightHandSides() throws {
        // Second column: the solution (1, 0, 0) gives the right-hand side = first column of a.
        let b = Matrix([[8, 2], [-11, -3], [-3, -2]])
        let x = try a.solve(b)
        #expect(maxAbsDifference(x, Matrix([[2, 1], [3, 0], [-1, 0]])) < 1e-14)
    }

    @Test func inverseOfKnownMatrix() throws {
        // [4 7; 2 6]⁻¹ = 1/(24 - 14) · [6 -7; -2 4]
        let inverse = try Matrix([[4, 7], [2, 6]]).inverse()
        #expect(maxAbsDifference(inverse, Matrix([[0.6, -0.7], [-0.2, 0.4]])) < 1e-15)
        let product = try a * (try a.inverse())
        #expect(maxAbsDifference(product, Matrix.identity(3)) < 1e-14)
    }

    @Test func inputIsNotModified() throws {
        let copy = a
        _ = try a.solve([8, -11, -3])
        _ = try a.inverse()
        #expect(a == copy)
    }

    @Test func singularMatrixThrows() {
        // Second row is exactly twice the first: elimination gives an exactly zero second pivot.
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) {
            try Matrix([[1, 2], [2, 4]]).solve([1, 2])
        }
        #expect(throws: LinearAlgebraError.singular(pivot: 3)) {
            try Matrix([[1, 0, 1], [0, 1, 1], [0, 0, 0]]).inverse()
        }
    }

    @Test func dimensionMismatchThrows() {
        #expect(throws: LinearAlgebraError.self) { try a.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).solve([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try a.solve(Matrix(rows: 2, columns: 1)) }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).inverse() }
        do {
            _ = try a.solve([1, 2])
            Issue.record("expected a throw")
        } catch {
            guard case .dimensionMismatch = error else {
                Issue.record("expected dimensionMismatch, got \(error)")
                return
            }
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteInputRejected(_ bad: Double) {
        var m = a
        m[1, 1] = bad
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try m.solve([8, -11, -3]) }
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try m.inverse() }
        #expect(throws: LinearAlgebraError.nonFiniteInput) { try a.solve([8, bad, -3]) }
    }

    @Test func emptySystem() throws {
        #expect(try Matrix([]).solve([]) == [])
        #expect(try Matrix([]).inverse() == Matrix([]))
    }
}
