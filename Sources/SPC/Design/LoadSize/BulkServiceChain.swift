import LinearAlgebra

/// The M/M^(a,b)/1 batch tool as a continuous-time Markov chain truncated at `maximumWaiting` lots
/// waiting, solved for its stationary distribution through LAPACK: an independent check of the closed
/// form (`BulkServiceQueue`), and the general method when a model has no closed form.
///
/// States: idle with n < a waiting, and busy with n = 0 ... N waiting. Transitions: an arrival adds a
/// lot (idle with a - 1 waiting goes busy with 0: the batch starts at once; at the truncation N the
/// arrival is lost); a batch end takes min(n, b) lots when n >= a (busy with n - min(n, b)), else the
/// tool goes idle with n waiting. pi Q = 0, sum pi = 1 is solved by replacing one balance equation with
/// the normalisation (LU through `Matrix.solve`).
/// - Complexity: O(S^3) with S = a + N + 1 states.
public struct BulkServiceChain: Sendable {
    public let idle: [Double]
    public let busy: [Double]
    public let arrivalRate: Double

    public init(arrivalRate lambda: Double, serviceRate mu: Double, minimumBatch a: Int, capacity b: Int,
                maximumWaiting n: Int) throws(SPCError) {
        guard a >= 1, a <= b, n >= b, lambda > 0, mu > 0 else { throw .invalidParameter("need 1 <= a <= b <= N and positive rates") }
        let states = a + n + 1
        func idleState(_ k: Int) -> Int { k }
        func busyState(_ k: Int) -> Int { a + k }
        // Q as rows = from, columns = to; the solve is on Q^T.
        var q = Matrix(rows: states, columns: states)
        func add(_ from: Int, _ to: Int, _ rate: Double) {
            q[from, to] += rate
            q[from, from] -= rate
        }
        for k in 0..<a { add(idleState(k), k + 1 == a ? busyState(0) : idleState(k + 1), lambda) }
        for k in 0...n {
            if k < n { add(busyState(k), busyState(k + 1), lambda) }
            if k >= a { add(busyState(k), busyState(k - min(k, b)), mu) } else { add(busyState(k), idleState(k), mu) }
        }
        var system = Matrix(rows: states, columns: states)
        for i in 0..<states { for j in 0..<states { system[i, j] = q[j, i] } }
        for j in 0..<states { system[states - 1, j] = 1 }
        var rhs = [Double](repeating: 0, count: states)
        rhs[states - 1] = 1
        let pi: [Double]
        do { pi = try system.solve(rhs) } catch { throw .degenerate("the Markov chain could not be solved: \(error)") }
        idle = Array(pi[0..<a])
        busy = Array(pi[a...])
        arrivalRate = lambda
    }

    /// Mean number of lots waiting.
    public var lotsWaiting: Double {
        idle.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } + busy.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }
}
