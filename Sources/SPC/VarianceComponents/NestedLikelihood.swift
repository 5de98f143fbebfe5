#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The Gaussian log-likelihood (REML or ML) of a fully nested random design y = mu + a_lot + b_wafer +
/// ... + e, evaluated over the tree of groups without forming the n x n covariance V.
///
/// V is block diagonal by top-level group, and each group's block is sigma_l^2 J + diag(children's
/// blocks). With B = diag(children), the Sherman-Morrison identity gives, for the four numbers that the
/// likelihood needs (s = 1'V^-1 1, t = 1'V^-1 y, q = y'V^-1 y, ld = ln det V):
///
///     d = 1 + sigma^2 s_B,  s = s_B / d,  t = t_B / d,  q = q_B - sigma^2 t_B^2 / d,  ld = ld_B + ln d,
///
/// where the B-quantities are the sums over the children. A cell (innermost group) of m observations
/// with residual variance sigma_e^2 starts from s_B = m / sigma_e^2, t_B = m ybar / sigma_e^2,
/// q_B = (SS + m ybar^2) / sigma_e^2, ld_B = m ln sigma_e^2. With S, T, Q, LD the sums over the top
/// groups and mu-hat = T / S (the generalised least-squares mean):
///
///     -2 ln L_REML = LD + ln S + (Q - T^2 / S) + (N - 1) ln(2 pi)     (lme4's REML criterion)
///     -2 ln L_ML   = LD +         (Q - T^2 / S) + N ln(2 pi)           (the ML deviance)
///
/// The same code runs in `Double` and in hyper-dual numbers (`LikelihoodScalar`), so derivatives in the
/// variances are exact: k(k+1)/2 passes over the tree give the Hessian of k components.
/// - Complexity: O(G) per evaluation, G the number of groups (cells included).
public struct NestedLikelihood: Sendable {
    public let sample: NestedSample
    /// REML (true) or ML (false).
    public let restricted: Bool

    public init(_ sample: NestedSample, restricted: Bool) {
        self.sample = sample
        self.restricted = restricted
    }

    /// The four sums (S, T, Q, LD) over the top-level groups at variances `v` (one per level, the
    /// residual last, each >= 0; the residual > 0).
    @inlinable
    func sums<T: LikelihoodScalar>(_ v: [T]) -> (s: T, t: T, q: T, ld: T) {
        let k = sample.groupingLevels
        let residual = v[k]
        let logResidual = T.log(residual)
        // The cells, each finished with its own level's variance.
        var s: [T] = [], t: [T] = [], q: [T] = [], ld: [T] = []
        let cells = sample.groupCount(k - 1)
        s.reserveCapacity(cells); t.reserveCapacity(cells); q.reserveCapacity(cells); ld.reserveCapacity(cells)
        let sigma = v[k - 1]
        for c in 0..<cells {
            let m = Double(sample.sizes[k - 1][c]), ybar = sample.cellMeans[c]
            let sB = T(m) / residual, tB = T(m * ybar) / residual
            let qB = T(sample.cellSumsOfSquares[c] + m * ybar * ybar) / residual, ldB = T(m) * logResidual
            let d = 1 + sigma * sB
            s.append(sB / d); t.append(tB / d); q.append(qB - sigma * tB * tB / d); ld.append(ldB + T.log(d))
        }
        // Up the tree: sum the children into their parents, then the parent's own variance.
        for l in stride(from: k - 2, through: 0, by: -1) {
            let groups = sample.groupCount(l), sigma = v[l]
            var sP = [T](repeating: 0, count: groups), tP = [T](repeating: 0, count: groups)
            var qP = [T](repeating: 0, count: groups), ldP = [T](repeating: 0, count: groups)
            for (child, parent) in sample.parents[l + 1].enumerated() {
                sP[parent] = sP[parent] + s[child]; tP[parent] = tP[parent] + t[child]
                qP[parent] = qP[parent] + q[child]; ldP[parent] = ldP[parent] + ld[child]
            }
            for g in 0..<groups {
                let d = 1 + sigma * sP[g]
                qP[g] = qP[g] - sigma * tP[g] * tP[g] / d
                sP[g] = sP[g] / d
                tP[g] = tP[g] / d
                ldP[g] = ldP[g] + T.log(d)
            }
            s = sP; t = tP; q = qP; ld = ldP
        }
        var total = (s: T(0), t: T(0), q: T(0), ld: T(0))
        for g in s.indices {
            total.s = total.s + s[g]; total.t = total.t + t[g]; total.q = total.q + q[g]; total.ld = total.ld + ld[g]
        }
        return total
    }

    /// -2 ln L (REML criterion or ML deviance) at variances v; +infinity outside the parameter space.
    @inlinable
    public func criterion<T: LikelihoodScalar>(_ v: [T]) -> T {
        guard v.allSatisfy({ $0.value >= 0 && $0.value.isFinite }), v[v.count - 1].value > 0 else { return T(.infinity) }
        let (s, t, q, ld) = sums(v)
        let n = Double(sample.count)
        let quadratic = q - t * t / s
        return restricted
            ? ld + T.log(s) + quadratic + T((n - 1) * log(2 * Double.pi))
            : ld + quadratic + T(n * log(2 * Double.pi))
    }

    /// The generalised least-squares mean mu-hat = T / S (on the data's scale) and its standard error
    /// 1 / sqrt(S), at variances v.
    public func mean(_ v: [Double]) -> (estimate: Double, standardError: Double) {
        let (s, t, _, _) = sums(v)
        return (sample.mean + t / s, 1 / s.squareRoot())
    }

    /// Value, gradient and Hessian of -2 ln L in the variances, by hyper-dual passes; only the entries
    /// of the components in `free` (all when nil) are computed, the others left 0.
    /// - Complexity: f(f+1)/2 passes of O(G), f the number of free components.
    public func derivatives(_ v: [Double], free: [Int]? = nil) -> (value: Double, gradient: [Double], hessian: [[Double]]) {
        let k = v.count
        var gradient = [Double](repeating: 0, count: k)
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        let free = free ?? Array(0..<k)
        var value = free.isEmpty ? criterion(v) : .infinity
        for (a, i) in free.enumerated() {
            for j in free[a...] {
                let seeded = v.indices.map { HyperDual(v[$0], e1: $0 == i ? 1 : 0, e2: $0 == j ? 1 : 0) }
                let c = criterion(seeded)
                value = c.value
                hessian[i][j] = c.e12
                hessian[j][i] = c.e12
                if i == j { gradient[i] = c.e1 }
            }
        }
        return (value, gradient, hessian)
    }
}
