#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics

/// A log-likelihood term (or a weighted sum of them) with its gradient (g0, g1, g2) and Hessian
/// (h00 ... h22) in up to three unconstrained parameters u = (u0, u1, u2): what a family's one-pass
/// derivatives (`ParametricFamily.logLikelihoodDerivatives`, two parameters) and a threshold family's
/// joint derivatives (`ThresholdLikelihood`, the third parameter the threshold) accumulate entry by
/// entry. A two-parameter term leaves the third parameter's entries at 0 (a few additions per entry,
/// against the term's `exp` and `log`).
struct LogTermPartials {
    var value = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0
    var h00 = 0.0, h01 = 0.0, h02 = 0.0, h11 = 0.0, h12 = 0.0, h22 = 0.0

    static var zero: LogTermPartials { LogTermPartials() }

    init() {}

    /// A term l(z) of one variable z(u), from l's first and second derivatives and z's:
    /// g_i = l' z_i, H_ij = l'' z_i z_j + l' z_ij.
    init(value: Double, first l1: Double, second l2: Double,
         z0: Double, z1: Double, z00: Double, z01: Double, z11: Double,
         z2: Double = 0, z02: Double = 0, z12: Double = 0, z22: Double = 0) {
        self.value = value
        g0 = l1 * z0
        g1 = l1 * z1
        g2 = l1 * z2
        h00 = l2 * z0 * z0 + l1 * z00
        h01 = l2 * z0 * z1 + l1 * z01
        h11 = l2 * z1 * z1 + l1 * z11
        h02 = l2 * z0 * z2 + l1 * z02
        h12 = l2 * z1 * z2 + l1 * z12
        h22 = l2 * z2 * z2 + l1 * z22
    }

    /// ln(T - T') for this term ln T and a smaller one ln T' (two survival probabilities, or two CDF
    /// values): ln T + ln(1 - e^d), d = ln T' - ln T, whose derivatives are -s d_i and
    /// -s d_ij - s (1 + s) d_i d_j with s = 1 / (e^-d - 1). Accurate when T' is close to T.
    func minusLog1mexp(of other: LogTermPartials) -> LogTermPartials {
        let d = other.value - value
        let s = 1 / expm1(-d), c = s * (1 + s)
        let d0 = other.g0 - g0, d1 = other.g1 - g1, d2 = other.g2 - g2
        var result = LogTermPartials()
        result.value = value + log(-expm1(d))
        result.g0 = g0 - s * d0
        result.g1 = g1 - s * d1
        result.g2 = g2 - s * d2
        result.h00 = h00 - s * (other.h00 - h00) - c * d0 * d0
        result.h01 = h01 - s * (other.h01 - h01) - c * d0 * d1
        result.h11 = h11 - s * (other.h11 - h11) - c * d1 * d1
        result.h02 = h02 - s * (other.h02 - h02) - c * d0 * d2
        result.h12 = h12 - s * (other.h12 - h12) - c * d1 * d2
        result.h22 = h22 - s * (other.h22 - h22) - c * d2 * d2
        return result
    }

    mutating func add(_ other: LogTermPartials, weight w: Double) {
        value += w * other.value
        g0 += w * other.g0
        g1 += w * other.g1
        g2 += w * other.g2
        h00 += w * other.h00
        h01 += w * other.h01
        h11 += w * other.h11
        h02 += w * other.h02
        h12 += w * other.h12
        h22 += w * other.h22
    }

    /// As the maximiser takes them, in the first two parameters.
    var derivatives: LikelihoodDerivatives { derivatives(of: [0, 1]) }

    /// As the maximiser takes them, in the parameters `indices` (of 0, 1, 2), in that order: a
    /// family with a fixed scale drops parameter 1.
    func derivatives(of indices: [Int]) -> LikelihoodDerivatives {
        let g = [g0, g1, g2]
        let h = [[h00, h01, h02], [h01, h11, h12], [h02, h12, h22]]
        var hessian = Matrix(rows: indices.count, columns: indices.count)
        for (a, i) in indices.enumerated() {
            for (b, j) in indices.enumerated() { hessian[a, b] = h[i][j] }
        }
        return LikelihoodDerivatives(value: value, gradient: indices.map { g[$0] }, hessian: hessian)
    }
}
