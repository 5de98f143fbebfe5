#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The censored log-likelihood of a location-scale model whose location is linear in covariates,
/// y_i = mu_i + sigma Z with mu_i = o_i + sum_j x_ij beta_j (x_i0 = 1 for an intercept), and its
/// gradient and Hessian in theta = (beta_0..beta_{p-1}, s = log sigma).
///
/// This is `LocationScaleLikelihood` with mu replaced by a linear predictor, and it uses the same
/// derivative triples of Z. With z = (y - mu)/sigma, dz/dbeta_j = -x_j/sigma and dz/ds = -z, so a term
/// l(z) contributes g_j = -l' x_j / sigma, g_s = -l' z, H_jk = l'' x_j x_k / sigma^2,
/// H_js = (l'' z + l') x_j / sigma, H_ss = l'' z^2 + l' z. Exact failures add -s (and the constant
/// Jacobian -y), so the value is the log-likelihood of the time-scale density, as in the Lifetime
/// module. Interval terms l(z1, z2) = log(F(z2) - F(z1)) add their cross derivatives.
///
/// - Complexity: O(n p^2) per evaluation, one log-density or log-survival triple per observation.
public struct LinearLocationLikelihood<Z: StandardDistribution>: Sendable {
    public typealias Observation = LinearLocationObservation

    public let observations: [Observation]
    public let parameterCount: Int
    /// Sum over exact failures of -w y: the Jacobian from log time to time.
    let logJacobian: Double

    public init(_ observations: [Observation]) {
        self.observations = observations
        parameterCount = (observations.first?.x.count ?? 0) + 1
        var jacobian = 0.0
        for o in observations where o.kind == .exact { jacobian -= o.weight * o.y }
        logJacobian = jacobian
    }

    /// Log-likelihood with gradient and (row-major, symmetric) Hessian in (beta, s).
    public struct Evaluation: Sendable {
        public var value: Double
        public var gradient: [Double]
        public var hessian: [[Double]]
    }

    /// The same observations with coefficient `index` held at `value`: its column moves into the
    /// offsets (the building block of profile likelihoods).
    public func fixing(coefficient index: Int, at value: Double) -> LinearLocationLikelihood {
        LinearLocationLikelihood(observations.map { o in
            var copy = o
            copy.offset += value * o.x[index]
            copy.x.remove(at: index)
            return copy
        })
    }

    public func evaluate(_ theta: [Double]) -> Evaluation {
        let p = parameterCount - 1
        let s = theta[p], sigma = exp(s), inv = 1 / sigma
        var value = logJacobian
        var g = [Double](repeating: 0, count: p + 1)
        var h = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)

        /// Adds w * l(z) where z depends on one log time.
        func single(_ o: Observation, _ z: Double, _ t: (value: Double, first: Double, second: Double)) {
            let w = o.weight
            value += w * t.value
            let l1 = w * t.first, l2 = w * t.second
            for j in 0..<p {
                g[j] -= l1 * o.x[j] * inv
                for k in 0...j { h[j][k] += l2 * o.x[j] * o.x[k] * inv * inv }
                h[p][j] += (l2 * z + l1) * o.x[j] * inv
            }
            g[p] -= l1 * z
            h[p][p] += l2 * z * z + l1 * z
        }

        for o in observations {
            var mu = o.offset
            for j in 0..<p { mu += o.x[j] * theta[j] }
            let z = (o.y - mu) * inv
            switch o.kind {
            case .exact:
                single(o, z, Z.logDensity(z))
                value -= o.weight * s
                g[p] -= o.weight
            case .right: single(o, z, Z.logSurvivalDerivatives(z))
            case .left: single(o, z, Z.logCDFDerivatives(z))
            case .interval:
                let z2 = (o.yUpper - mu) * inv
                let prob = Z.probability(between: z, and: z2)
                let f1 = Z.logDensity(z), f2 = Z.logDensity(z2)
                let a1 = exp(f1.value) / prob, a2 = exp(f2.value) / prob
                let l1 = -a1, l2 = a2
                let l11 = -a1 * f1.first - a1 * a1, l22 = a2 * f2.first - a2 * a2, l12 = a1 * a2
                let w = o.weight
                value += w * log(prob)
                // d/dbeta_j = -(l1 + l2) x_j / sigma; d/ds = -(l1 z1 + l2 z2).
                let cBB = (l11 + 2 * l12 + l22) * inv * inv
                let cBS = ((l11 * z + l12 * (z + z2) + l22 * z2) + l1 + l2) * inv
                for j in 0..<p {
                    g[j] -= w * (l1 + l2) * o.x[j] * inv
                    for k in 0...j { h[j][k] += w * cBB * o.x[j] * o.x[k] }
                    h[p][j] += w * cBS * o.x[j]
                }
                g[p] -= w * (l1 * z + l2 * z2)
                h[p][p] += w * (l11 * z * z + 2 * l12 * z * z2 + l22 * z2 * z2 + l1 * z + l2 * z2)
            }
        }
        for j in 0...p { for k in 0..<j { h[k][j] = h[j][k] } }
        return Evaluation(value: value, gradient: g, hessian: h)
    }
}

/// One stored observation of a linear-location model: a group of `weight` identical units.
public struct LinearLocationObservation: Sendable {
    public enum Kind: Sendable { case exact, right, left, interval }

    public var kind: Kind
    /// log time (lower end for an interval).
    public var y: Double
    /// Upper log time of an interval; unused otherwise.
    public var yUpper: Double
    public var weight: Double
    /// Covariate row, starting with 1 for the intercept.
    public var x: [Double]
    public var offset: Double

    public init(kind: Kind, y: Double, yUpper: Double, weight: Double, x: [Double], offset: Double) {
        self.kind = kind
        self.y = y
        self.yUpper = yUpper
        self.weight = weight
        self.x = x
        self.offset = offset
    }
}
