#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fixed-order Gauss-Legendre quadrature.
public enum GaussLegendre: Sendable {
    /// Nodes (ascending) and weights of the n-point rule on [-1, 1], exact for polynomials of degree
    /// <= 2n - 1.
    ///
    /// Each positive node is found by Newton's method on the three-term recurrence for P_n, from the
    /// asymptotic start cos(pi (i + 3/4) / (n + 1/2)), and mirrored; weights are 2 / ((1 - x^2) P_n'(x)^2)
    /// with 1 - x^2 formed as (1 - x)(1 + x). Nodes and weights are accurate to ~1e-16 for n up to a few
    /// hundred (the recurrence's rounding grows slowly with n). The 64-point rule is computed once and
    /// cached. Cost: O(n^2).
    /// An order below 1 gives the empty rule (no nodes: every integral is 0).
    public static func rule(order n: Int) -> (nodes: [Double], weights: [Double]) {
        guard n >= 1 else { return ([], []) }
        if n == 64 { return rule64 }
        return computeRule(n)
    }

    /// Integral of f over the finite interval [a, b] with the n-point rule (default 64: exact for
    /// polynomials of degree 127, and to double precision for functions analytic in a neighbourhood of
    /// [a, b] that is not too thin). No error estimate; use `AdaptiveQuadrature` when f is not smooth.
    /// Returns NaN for infinite or NaN limits. Cost: `order` evaluations of f.
    public static func integrate(_ a: Double, _ b: Double, order: Int = 64,
                                 _ f: (Double) -> Double) -> Double {
        guard a.isFinite, b.isFinite else { return .nan }
        if a == b { return 0 }
        let (nodes, weights) = rule(order: order)
        let half = 0.5 * (b - a)
        let mid = 0.5 * (a + b)
        var sum = 0.0
        for i in nodes.indices {
            sum += weights[i] * f(mid + half * nodes[i])
        }
        return sum * half
    }

    private static let rule64 = computeRule(64)

    /// P_n(z) and P_n'(z) by the three-term recurrence (the derivative from P_n and P_(n-1)).
    private static func legendre(_ n: Int, at z: Double) -> (value: Double, derivative: Double) {
        var p1 = 1.0
        var p2 = 0.0
        for j in 1...n {
            let p3 = p2
            p2 = p1
            let jd = Double(j)
            p1 = ((2 * jd - 1) * z * p2 - (jd - 1) * p3) / jd
        }
        return (p1, Double(n) * (z * p1 - p2) / ((z - 1) * (z + 1)))
    }

    private static func computeRule(_ n: Int) -> (nodes: [Double], weights: [Double]) {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        let nd = Double(n)
        for i in 0..<(n + 1) / 2 {
            // Newton's method on P_n from the asymptotic estimate of the i-th root.
            var z = cos(Double.pi * (Double(i) + 0.75) / (nd + 0.5))
            for _ in 0..<100 {
                let p = legendre(n, at: z)
                let dz = p.value / p.derivative
                z -= dz
                if abs(dz) <= 1e-17 { break }
            }
            // The derivative at the final node gives the weight.
            let derivative = legendre(n, at: z).derivative
            let w = 2 / ((1 - z) * (1 + z) * derivative * derivative)
            if 2 * i + 1 == n { z = 0 }   // the middle node of an odd rule is exactly 0
            nodes[i] = -z
            nodes[n - 1 - i] = z
            weights[i] = w
            weights[n - 1 - i] = w
        }
        return (nodes, weights)
    }
}

/// Globally adaptive Gauss-Kronrod quadrature (the QUADPACK QAG scheme with the 7/15-point pair), with
/// infinite limits mapped to finite ones.
public enum AdaptiveQuadrature: Sendable {
    /// Integral of f over [a, b]; either limit may be infinite (a > b gives the negated integral).
    ///
    /// The interval with the largest error estimate is bisected until the summed estimate is at most
    /// `tolerance` times |integral| (relative), or below the rounding floor 50 eps * integral of |f|, or
    /// 2000 subintervals are in use. Error estimates follow QUADPACK's QK15 (the Gauss-Kronrod difference
    /// scaled by (200 err / resasc)^1.5), which is conservative for smooth integrands. Infinite ranges use
    /// x = a + t/(1 - t), x = b - (1 - t)/t or x = t/(1 - t^2); the Kronrod nodes never touch the ends, so
    /// f is never evaluated at infinity. Integrable end-point singularities are handled by the subdivision.
    /// Returns NaN for NaN limits. Cost: 15 evaluations per subinterval, typically 2-20 subintervals.
    public static func integrate(_ a: Double, _ b: Double, tolerance: Double = 1e-12,
                                 _ f: (Double) -> Double) -> Double {
        integrateWithErrorEstimate(a, b, tolerance: tolerance, f).value
    }

    /// As `integrate`, also returning the final error estimate and whether the tolerance (or the rounding
    /// floor) was met before the subdivision limit.
    public static func integrateWithErrorEstimate(_ a: Double, _ b: Double, tolerance: Double = 1e-12,
                                                  _ f: (Double) -> Double)
        -> (value: Double, errorEstimate: Double, converged: Bool) {
        if a.isNaN || b.isNaN { return (.nan, .nan, false) }
        if a == b { return (0, 0, true) }
        if a > b {
            let r = integrateWithErrorEstimate(b, a, tolerance: tolerance, f)
            return (-r.value, r.errorEstimate, r.converged)
        }
        switch (a.isFinite, b.isFinite) {
        case (true, true):
            return adapt(a, b, tolerance, f)
        case (true, false):
            return adapt(0, 1, tolerance) { t in
                let s = 1 - t
                return f(a + t / s) / (s * s)
            }
        case (false, true):
            return adapt(0, 1, tolerance) { t in
                f(b - (1 - t) / t) / (t * t)
            }
        case (false, false):
            return adapt(-1, 1, tolerance) { t in
                let s = (1 - t) * (1 + t)
                return f(t / s) * (1 + t * t) / (s * s)
            }
        }
    }

    private struct Piece {
        var a: Double
        var b: Double
        var value: Double
        var error: Double
        var absolute: Double
    }

    private static func adapt(_ a: Double, _ b: Double, _ tolerance: Double,
                              _ f: (Double) -> Double) -> (value: Double, errorEstimate: Double, converged: Bool) {
        var pieces = [kronrod15(a, b, f)]
        let maxPieces = 2000
        while true {
            var value = 0.0
            var error = 0.0
            var absolute = 0.0
            var worst = 0
            for (i, piece) in pieces.enumerated() {
                value += piece.value
                error += piece.error
                absolute += piece.absolute
                if piece.error > pieces[worst].error { worst = i }
            }
            if !value.isFinite { return (value, .infinity, false) }
            if error <= max(tolerance * abs(value), 50 * Double.ulpOfOne * absolute) {
                return (value, error, true)
            }
            let piece = pieces[worst]
            let mid = 0.5 * (piece.a + piece.b)
            if pieces.count >= maxPieces || !(mid > piece.a && mid < piece.b) {
                return (value, error, false)
            }
            pieces[worst] = kronrod15(piece.a, mid, f)
            pieces.append(kronrod15(mid, piece.b, f))
        }
    }

    // QUADPACK qk15 abscissae (descending, last = centre) and weights.
    private static let kronrodNodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0,
    ]
    private static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// Weights of the embedded 7-point Gauss rule at kronrodNodes[1], [3], [5] and the centre.
    private static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    private static func kronrod15(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Piece {
        let centre = 0.5 * (a + b)
        let half = 0.5 * (b - a)
        let fc = f(centre)
        var resultGauss = fc * gaussWeights[3]
        var resultKronrod = fc * kronrodWeights[7]
        var resultAbs = abs(resultKronrod)
        var f1 = [Double](repeating: 0, count: 7)
        var f2 = [Double](repeating: 0, count: 7)
        for j in 0..<7 {
            let x = half * kronrodNodes[j]
            let v1 = f(centre - x)
            let v2 = f(centre + x)
            f1[j] = v1
            f2[j] = v2
            resultKronrod += kronrodWeights[j] * (v1 + v2)
            resultAbs += kronrodWeights[j] * (abs(v1) + abs(v2))
            if j % 2 == 1 { resultGauss += gaussWeights[j / 2] * (v1 + v2) }
        }
        let mean = 0.5 * resultKronrod
        var resultAsc = kronrodWeights[7] * abs(fc - mean)
        for j in 0..<7 {
            resultAsc += kronrodWeights[j] * (abs(f1[j] - mean) + abs(f2[j] - mean))
        }
        let scale = abs(half)
        let value = resultKronrod * half
        resultAbs *= scale
        resultAsc *= scale
        var error = abs((resultKronrod - resultGauss) * half)
        if resultAsc != 0 && error != 0 {
            error = resultAsc * min(1, pow(200 * error / resultAsc, 1.5))
        }
        if resultAbs > Double.leastNormalMagnitude / (50 * Double.ulpOfOne) {
            error = max(50 * Double.ulpOfOne * resultAbs, error)
        }
        return Piece(a: a, b: b, value: value, error: error, absolute: resultAbs)
    }
}
