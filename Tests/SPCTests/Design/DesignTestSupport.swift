import Foundation

/// Independent numerics for the ARL/OC tests: closed forms from libm, plain Gaussian elimination,
/// nothing from RelmodelNumerics or LinearAlgebra.
enum DesignTestSupport {
    static func phi(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Solves A x = b by Gaussian elimination with partial pivoting (A row-major, n × n).
    static func gaussianSolve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var a = a, b = b
        let n = b.count
        for col in 0..<n {
            var pivot = col
            for row in col..<n where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in (col + 1)..<n where a[row][col] != 0 {
                let factor = a[row][col] / a[col][col]
                for j in col..<n { a[row][j] -= factor * a[col][j] }
                b[row] -= factor * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for j in (row + 1)..<n { sum -= a[row][j] * x[j] }
            x[row] = sum / a[row][row]
        }
        return x
    }

    /// ARL from a transient transition matrix Q: solves (I - Q) x = 1 and returns x[start].
    static func arl(transitions q: [[Double]], start: Int = 0) -> Double {
        let n = q.count
        let system = (0..<n).map { i in (0..<n).map { j in (i == j ? 1 : 0) - q[i][j] } }
        return gaussianSolve(system, [Double](repeating: 1, count: n))[start]
    }

    /// Binomial pmf by the log-gamma function of libm.
    static func binomialPMF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let logChoose = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
        return exp(logChoose + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }

    /// Poisson pmf by recursion from exp(-mean).
    static func poissonPMFs(upTo k: Int, mean: Double) -> [Double] {
        var pmf = [exp(-mean)]
        for i in stride(from: 1, through: max(k, 0), by: 1) { pmf.append(pmf[i - 1] * mean / Double(i)) }
        return pmf
    }
}
