#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An n-point Gauss-Legendre rule on [-1, 1], used for the smooth integrals behind d2 and d3.
///
/// Nodes are the roots of P_n found by Newton's method from Chebyshev-like starting points
/// (converged to machine precision in a few steps); weights 2 / ((1 - x²) P_n'(x)²). A composite rule
/// of 16 points on panels of unit width integrates the normal-order-statistic integrands, which are
/// analytic, to about 1e-15. - Complexity: O(n²) to build.
struct GaussLegendreRule: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(points n: Int) {
        precondition(n >= 2, "a Gauss-Legendre rule needs at least 2 points")
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<(n + 1) / 2 {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var previous = 1.0, current = x   // P_0 and P_1
                for k in 2...n {
                    let next = ((2 * Double(k) - 1) * x * current - (Double(k) - 1) * previous) / Double(k)
                    previous = current
                    current = next
                }
                derivative = Double(n) * (x * current - previous) / (x * x - 1)
                let step = current / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = -x
            nodes[n - 1 - i] = x
            let w = 2 / ((1 - x * x) * derivative * derivative)
            weights[i] = w
            weights[n - 1 - i] = w
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// The composite rule over [a, b] split into `panels` equal panels.
    /// - Complexity: O(panels · points) evaluations of `f`.
    func integrate(_ a: Double, _ b: Double, panels: Int, _ f: (Double) -> Double) -> Double {
        let width = (b - a) / Double(panels)
        var total = 0.0
        for panel in 0..<panels {
            let mid = a + (Double(panel) + 0.5) * width
            var sum = 0.0
            for (x, w) in zip(nodes, weights) { sum += w * f(mid + 0.5 * width * x) }
            total += 0.5 * width * sum
        }
        return total
    }
}
