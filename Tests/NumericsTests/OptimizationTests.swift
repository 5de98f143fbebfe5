import Testing
@testable import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct RootFindingTests {
    @Test func knownRoots() throws {
        // The Dottie number, cos x = x: 0.7390851332151607 (mpmath findroot, 50 digits:
        // 0.73908513321516064165531208767387340401341...).
        let dottie = try #require(RootFinding.brent(0, 1) { cos($0) - $0 })
        expectAbsolute(dottie, 0.7390851332151607, 1e-12)
        // 2^(1/3) with the tolerances tightened to the last bits.
        let cubeRoot = try #require(RootFinding.brent(0, 2, absoluteTolerance: 0, relativeTolerance: 0) { $0 * $0 * $0 - 2 })
        expectRelative(cubeRoot, 1.2599210498948732, 4.5e-16)
        // Ends in either order; a root at an end is returned as is.
        let reversed = try #require(RootFinding.brent(2, 0) { $0 * $0 * $0 - 2 })
        expectAbsolute(reversed, 1.2599210498948732, 1e-12)
        #expect(RootFinding.brent(1, 3) { $0 - 1 } == 1)
        // A discontinuous sign change (1/x around 0 has no root, but Brent still converges to the jump,
        // which is what a bracketing method guarantees).
        let jump = try #require(RootFinding.brent(-1, 2) { $0 < 0.3 ? -1 : 1 })
        expectAbsolute(jump, 0.3, 1e-11)
    }

    @Test func failureCases() {
        #expect(RootFinding.brent(2, 3) { $0 * $0 - 1 } == nil)          // not bracketed
        #expect(RootFinding.brent(0, 1) { _ in .nan } == nil)           // NaN
        #expect(RootFinding.brent(0, 4, maxIterations: 2) { $0 * $0 - 2 } == nil)   // budget too small
    }

    @Test func toleranceIsHonoured() throws {
        // With a loose absolute tolerance the answer is within it, and fewer evaluations are spent.
        var evaluations = 0
        let root = try #require(RootFinding.brent(0, 10, absoluteTolerance: 1e-3, relativeTolerance: 0) { x in
            evaluations += 1
            return exp(x) - 5
        })
        expectAbsolute(root, log(5), 1e-3)
        #expect(evaluations < 15)
    }
}

@Suite struct MinimizationTests {
    @Test func brentOnKnownMinima() {
        let parabola = Minimization.brent(0, 5) { ($0 - 2) * ($0 - 2) + 1 }
        #expect(parabola.converged)
        expectAbsolute(parabola.x, 2, 1e-8)
        expectAbsolute(parabola.value, 1, 1e-15)
        let cosine = Minimization.brent(3, 4) { cos($0) }
        #expect(cosine.converged)
        expectAbsolute(cosine.x, Double.pi, 2e-8)
        expectAbsolute(cosine.value, -1, 1e-15)
        // Minimum at an end of the interval: converges to within the tolerance of the end.
        let edge = Minimization.brent(1, 3) { $0 }
        #expect(edge.converged)
        expectAbsolute(edge.x, 1, 1e-7)
        // Non-finite values are avoided rather than returned.
        let guarded = Minimization.brent(-1, 1) { $0 < -0.5 ? .nan : ($0 - 0.25) * ($0 - 0.25) }
        expectAbsolute(guarded.x, 0.25, 1e-8)
        // Not enough iterations: reported.
        #expect(!Minimization.brent(0, 5, maxIterations: 3) { ($0 - 2) * ($0 - 2) }.converged)
    }

    @Test func nelderMeadRosenbrock() {
        // Rosenbrock's banana from the classic start (-1.2, 1); minimum 0 at (1, 1).
        let result = Minimization.nelderMead(start: [-1.2, 1], step: [0.1, 0.1]) { v in
            let a = 1 - v[0]
            let b = v[1] - v[0] * v[0]
            return a * a + 100 * b * b
        }
        #expect(result.converged)
        expectAbsolute(result.x[0], 1, 1e-6)
        expectAbsolute(result.x[1], 1, 1e-6)
        #expect(result.value < 1e-12)
        #expect(result.evaluations < 20_000)
    }

    @Test func nelderMeadHigherDimension() {
        // An ill-conditioned 4-D quadratic with minimum 3 at (1, -2, 0.5, 4): the adaptive coefficients apply.
        let centre = [1.0, -2.0, 0.5, 4.0]
        let scales = [1.0, 10.0, 0.1, 3.0]
        let result = Minimization.nelderMead(start: [0, 0, 0, 0], step: [1, 1, 1, 1]) { v in
            var s = 3.0
            for i in 0..<4 { s += scales[i] * (v[i] - centre[i]) * (v[i] - centre[i]) }
            return s
        }
        #expect(result.converged)
        for i in 0..<4 { expectAbsolute(result.x[i], centre[i], 1e-4 / scales[i].squareRoot()) }
        expectAbsolute(result.value, 3, 1e-10)
    }

    @Test func nelderMeadReportsFailure() {
        // f = x has no minimum: the simplex runs away until the budget (or -infinity) stops it.
        let unbounded = Minimization.nelderMead(start: [0], step: [1]) { $0[0] }
        #expect(!unbounded.converged)
        #expect(unbounded.value < -1e6)
        // Budget exhausted before convergence.
        let starved = Minimization.nelderMead(start: [-1.2, 1], step: [0.1, 0.1], maxEvaluations: 30) { v in
            let a = 1 - v[0]
            let b = v[1] - v[0] * v[0]
            return a * a + 100 * b * b
        }
        #expect(!starved.converged)
        #expect(starved.evaluations <= 32)
    }

    @Test func nelderMeadRejectsNaNRegions() {
        // A likelihood-like function defined only for positive scale: NaN outside is treated as +infinity.
        let result = Minimization.nelderMead(start: [3, 3], step: [1, 1]) { v in
            guard v[1] > 0 else { return .nan }
            let z = (1.5 - v[0]) / v[1]
            return -log(v[1]) + 0.5 * z * z + 0.5 * v[1] * v[1]
        }
        #expect(result.converged)
        expectAbsolute(result.x[0], 1.5, 1e-5)
        expectAbsolute(result.x[1], 1, 1e-5)   // d/ds (-log s + s^2/2) = 0 at s = 1
    }
}
