import LinearAlgebra
import RelmodelNumerics

/// The censored log-likelihood of any `ParametricFamily`, written once:
///
///     LL = sum_exact w ln f(t) + sum_right w ln S(t) + sum_left w ln F(t) + sum_interval w ln(S(a) - S(b))
///
/// (the time-scale density: the NIST, Weibull++ and survreg convention), as a function of the
/// unconstrained parameters u (each natural parameter is its `ParameterTransform` of u).
///
/// Derivatives are exact: each Hessian entry (i, j) is one pass over the sample in hyper-dual numbers
/// seeded along u_i and u_j, which also gives gradient entries i and j; k(k+1)/2 passes give value,
/// gradient and Hessian of a k-parameter family. No step size, so no truncation error.
///
/// A term that is NaN or +infinity, or a total of -infinity, makes the value -infinity: the point is
/// outside the parameter space or the data are impossible under it.
public struct CensoredLogLikelihood<Family: ParametricFamily>: Sendable {
    public let family: Family
    public let sample: CensoredSample

    public init(family: Family, sample: CensoredSample) {
        self.family = family
        self.sample = sample
    }

    /// The natural parameters at u.
    @inlinable
    public func natural(_ u: [Double]) -> [Double] {
        family.natural(u)
    }

    /// The log-likelihood at u.
    /// - Complexity: O(n) in the merged entries.
    public func value(_ u: [Double]) -> Double {
        let total = sum(natural(u))
        return total.isNaN || total == .infinity ? -.infinity : total
    }

    /// Value, gradient and Hessian in u: the family's one-pass form
    /// (`ParametricFamily.logLikelihoodDerivatives`) where it has one, otherwise `generalDerivatives`.
    public func derivatives(_ u: [Double]) -> LikelihoodDerivatives {
        guard var d = family.logLikelihoodDerivatives(sample, u) else { return generalDerivatives(u) }
        if d.value.isNaN || d.value == .infinity { d.value = -.infinity }
        return d
    }

    /// Value, gradient and Hessian in u by hyper-dual passes, for every family.
    /// - Complexity: k(k+1)/2 passes of O(n), k the number of parameters.
    public func generalDerivatives(_ u: [Double]) -> LikelihoodDerivatives {
        let k = u.count
        var gradient = [Double](repeating: 0, count: k)
        var hessian = Matrix(rows: k, columns: k)
        var value = -Double.infinity
        for i in 0..<k {
            for j in i..<k {
                let s = sum(family.natural(u, seeding: i, j))
                value = s.value
                hessian[i, j] = s.e12
                hessian[j, i] = s.e12
                if i == j { gradient[i] = s.e1 }
            }
        }
        if k == 0 { value = sum([Double]()) }
        if value.isNaN || value == .infinity { value = -.infinity }
        return LikelihoodDerivatives(value: value, gradient: gradient, hessian: hessian)
    }

    /// The sum over the sample at natural parameters p.
    @inlinable
    func sum<T: LikelihoodScalar>(_ p: [T]) -> T {
        var total = T(0)
        if let exact = family.exactLogDensitySum(sample, p) {
            total = exact
        } else {
            for e in sample.exact { total = total + T(e.weight) * family.logDensity(T(e.time), p) }
        }
        for e in sample.right { total = total + T(e.weight) * family.logSurvival(T(e.time), p) }
        for e in sample.left { total = total + T(e.weight) * family.logCDF(T(e.time), p) }
        for e in sample.interval { total = total + T(e.weight) * family.logProbability(between: T(e.lower), and: T(e.upper), p) }
        return total
    }
}
