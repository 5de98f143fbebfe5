#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// A log-likelihood term (or a weighted sum of them) of a two-parameter family with its gradient
/// (g0, g1) and Hessian (h00, h01, h11) in the unconstrained parameters u = (u0, u1): what a family's
/// one-pass derivatives (`ParametricFamily.logLikelihoodDerivatives`) accumulate entry by entry.
struct LogTermPartials {
    var value = 0.0, g0 = 0.0, g1 = 0.0, h00 = 0.0, h01 = 0.0, h11 = 0.0

    static var zero: LogTermPartials { LogTermPartials() }

    init() {}

    /// A term l(z) of one variable z(u), from l's first and second derivatives and z's:
    /// g_i = l' z_i, H_ij = l'' z_i z_j + l' z_ij.
    init(value: Double, first l1: Double, second l2: Double,
         z0: Double, z1: Double, z00: Double, z01: Double, z11: Double) {
        self.value = value
        g0 = l1 * z0
        g1 = l1 * z1
        h00 = l2 * z0 * z0 + l1 * z00
        h01 = l2 * z0 * z1 + l1 * z01
        h11 = l2 * z1 * z1 + l1 * z11
    }

    /// ln(T - T') for this term ln T and a smaller one ln T' (two survival probabilities, or two CDF
    /// values): ln T + ln(1 - e^d), d = ln T' - ln T, whose derivatives are -s d_i and
    /// -s d_ij - s (1 + s) d_i d_j with s = 1 / (e^-d - 1). Accurate when T' is close to T.
    func minusLog1mexp(of other: LogTermPartials) -> LogTermPartials {
        let d = other.value - value
        let s = 1 / expm1(-d), c = s * (1 + s)
        let d0 = other.g0 - g0, d1 = other.g1 - g1
        var result = LogTermPartials()
        result.value = value + log(-expm1(d))
        result.g0 = g0 - s * d0
        result.g1 = g1 - s * d1
        result.h00 = h00 - s * (other.h00 - h00) - c * d0 * d0
        result.h01 = h01 - s * (other.h01 - h01) - c * d0 * d1
        result.h11 = h11 - s * (other.h11 - h11) - c * d1 * d1
        return result
    }

    mutating func add(_ other: LogTermPartials, weight w: Double) {
        value += w * other.value
        g0 += w * other.g0
        g1 += w * other.g1
        h00 += w * other.h00
        h01 += w * other.h01
        h11 += w * other.h11
    }

    /// As the maximiser takes them.
    var derivatives: LikelihoodDerivatives {
        var hessian = Matrix(rows: 2, columns: 2)
        hessian[0, 0] = h00
        hessian[0, 1] = h01
        hessian[1, 0] = h01
        hessian[1, 1] = h11
        return LikelihoodDerivatives(value: value, gradient: [g0, g1], hessian: hessian)
    }
}
