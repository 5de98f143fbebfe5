import LinearAlgebra
import RelmodelNumerics

/// The censored log-likelihood of any `ParametricFamily` whose life parameter depends linearly on
/// covariates: in group g (a stress level), the family's parameter `predicted`, on its unconstrained
/// scale, is the linear predictor
///
///     u_predicted = offset_g + sum_j x_gj beta_j
///
/// and every other parameter is shared by all groups. With a Weibull's ln eta or a lognormal's mu as
/// the predicted parameter this is the accelerated-failure-time model of a life-stress (ALT) fit, the
/// model of R's `survreg`; a single group with x = (1) and offset 0 is the family itself (the
/// intercept-only case).
///
/// The log-likelihood is the sum over groups of `CensoredLogLikelihood`, so it inherits each family's
/// exact derivatives and fast paths. The parameters theta are (beta_0, ..., beta_{p-1}) followed by
/// the family's other unconstrained parameters in their order. Each group's parameters are a linear
/// map of theta, u_g = A_g theta (+ offset), so its gradient and Hessian in theta are A_g' g_u and
/// A_g' H_u A_g: exact, with no differencing.
public struct LinearPredictorLogLikelihood<Family: ParametricFamily>: Sendable {
    /// One group of units sharing covariates: a stress level.
    public struct Group: Sendable {
        public var covariates: [Double]
        public var offset: Double
        public var sample: CensoredSample

        public init(covariates: [Double], offset: Double = 0, sample: CensoredSample) {
            self.covariates = covariates
            self.offset = offset
            self.sample = sample
        }
    }

    public let family: Family
    /// The index, in `family.parameters`, of the parameter given by the linear predictor.
    public let predicted: Int
    public let groups: [Group]
    /// p, the number of coefficients (the length of every group's covariates).
    public let coefficientCount: Int

    /// nil unless `predicted` is one of the family's parameters and every group has the same number
    /// (at least one) of covariates.
    public init?(family: Family, predicted: Int, groups: [Group]) {
        guard family.parameters.indices.contains(predicted), let p = groups.first?.covariates.count, p > 0,
              groups.allSatisfy({ $0.covariates.count == p }) else { return nil }
        self.family = family
        self.predicted = predicted
        self.groups = groups
        coefficientCount = p
    }

    /// The number of parameters theta: p coefficients and the family's other parameters.
    public var parameterCount: Int { coefficientCount + family.parameters.count - 1 }

    /// The family's unconstrained parameters in group g at theta.
    /// - Complexity: O(p + k).
    public func unconstrained(_ theta: [Double], group g: Int) -> [Double] {
        let group = groups[g]
        var predictor = group.offset
        for j in 0..<coefficientCount { predictor += group.covariates[j] * theta[j] }
        var u = Array(theta[coefficientCount...])
        u.insert(predictor, at: predicted)
        return u
    }

    /// The log-likelihood at theta.
    /// - Complexity: O(n) over all groups' merged entries.
    public func value(_ theta: [Double]) -> Double {
        var total = 0.0
        for g in groups.indices {
            total += CensoredLogLikelihood(family: family, sample: groups[g].sample).value(unconstrained(theta, group: g))
        }
        return total.isNaN ? -.infinity : total
    }

    /// Value, gradient and Hessian in theta.
    /// - Complexity: one `CensoredLogLikelihood.derivatives` per group, plus O(G m^2) for the chain
    ///   rule, m = `parameterCount`.
    public func derivatives(_ theta: [Double]) -> LikelihoodDerivatives {
        let m = parameterCount
        var value = 0.0
        var gradient = [Double](repeating: 0, count: m)
        var hessian = Matrix(rows: m, columns: m)
        for g in groups.indices {
            let d = CensoredLogLikelihood(family: family, sample: groups[g].sample).derivatives(unconstrained(theta, group: g))
            value += d.value
            // Column a of A_g, the derivative of u_g in theta_a, as (u index, factor) pairs.
            let x = groups[g].covariates
            func column(_ a: Int) -> [(Int, Double)] {
                if a < coefficientCount { return [(predicted, x[a])] }
                let other = a - coefficientCount
                return [(other < predicted ? other : other + 1, 1)]
            }
            let columns = (0..<m).map(column)
            for a in 0..<m {
                for (i, f) in columns[a] { gradient[a] += f * d.gradient[i] }
                for b in a..<m {
                    var h = 0.0
                    for (i, fi) in columns[a] { for (j, fj) in columns[b] { h += fi * fj * d.hessian[i, j] } }
                    hessian[a, b] += h
                    if a != b { hessian[b, a] += h }
                }
            }
        }
        if value.isNaN || value == .infinity { value = -.infinity }
        return LikelihoodDerivatives(value: value, gradient: gradient, hessian: hessian)
    }
}
