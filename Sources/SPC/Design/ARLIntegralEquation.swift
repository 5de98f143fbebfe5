import LinearAlgebra
import RelmodelNumerics

extension ARL {
    /// An ARL computed from an integral equation by the Nyström method.
    public struct IntegralEquationARL: Sendable, Equatable {
        /// The average run length at the largest quadrature order used.
        public let averageRunLength: Double
        /// Gauss-Legendre order (number of nodes) of that value.
        public let order: Int
        /// |ARL(order) - ARL(order / 2)|: an estimate of the discretisation error.
        public let estimatedError: Double
    }

    /// Quadrature orders tried in turn until two successive ARLs agree (see `nystromRelativeTolerance`).
    static let nystromOrders = [50, 100, 200, 400, 800]
    /// Relative agreement between successive orders that stops the refinement: 1e-7, loosened to
    /// 1e-14 × ARL for huge ARLs, whose linear systems have a condition number of the order of the
    /// ARL itself, so that rounding alone perturbs them by about ARL × 1e-16 relative.
    static func nystromRelativeTolerance(_ arl: Double) -> Double { max(1e-7, 1e-14 * abs(arl)) }

    /// Runs `solve(order)` at increasing Gauss-Legendre orders until two successive values agree
    /// to `nystromRelativeTolerance`; the Nyström solution of a smooth kernel converges
    /// geometrically, so the last difference bounds the error of the previous value generously.
    /// - Throws: `.notConverged` if the orders run out, and whatever `solve` throws.
    /// - Complexity: O(order³) per order tried (usually two: 50 and 100).
    static func refine(_ solve: (Int) throws(ARLError) -> Double) throws(ARLError) -> IntegralEquationARL {
        var previous = try solve(nystromOrders[0])
        var last = previous
        for order in nystromOrders.dropFirst() {
            last = try solve(order)
            let change = abs(last - previous)
            if change <= nystromRelativeTolerance(last) * abs(last) {
                return IntegralEquationARL(averageRunLength: last, order: order, estimatedError: change)
            }
            if order != nystromOrders.last { previous = last }
        }
        throw .notConverged(previous: previous, last: last, order: nystromOrders.last!)
    }

    /// Gauss-Legendre nodes and weights on [a, b].
    static func legendreNodes(_ a: Double, _ b: Double, order: Int) -> (nodes: [Double], weights: [Double]) {
        let (x, w) = GaussLegendre.rule(order: order)
        let half = 0.5 * (b - a), middle = 0.5 * (a + b)
        return (x.map { middle + half * $0 }, w.map { half * $0 })
    }

    /// Solves (I - K) x = 1 with LAPACK, mapping its error.
    static func solveResolvent(_ system: Matrix) throws(ARLError) -> [Double] {
        do {
            return try system.solve([Double](repeating: 1, count: system.rows))
        } catch {
            throw .linearSystem(error)
        }
    }
}
