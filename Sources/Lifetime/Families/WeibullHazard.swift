#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The two-parameter Weibull in hazard form: h(t) = (beta/eta) (t/eta)^(beta-1), H(t) = (t/eta)^beta.
///
/// The general-core definition of the family that `MaximumLikelihood` fits by its fast paths (the
/// profile likelihood in the shape, the location-scale Newton): tests hold the two equal to 1e-10.
/// Mixtures, defective subpopulations and competing risks build on it.
public struct WeibullHazard: HazardFamily {
    public init() {}
    public var name: String { "weibull2p" }
    public var parameters: [FamilyParameter] { [FamilyParameter("eta", .log), FamilyParameter("beta", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let eta = p[0], beta = p[1]
        return T.log(beta) - T.log(eta) + (beta - 1) * (T.log(t) - T.log(eta))
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.exp(p[1] * (T.log(t) - T.log(p[0])))
    }

    /// Value, gradient and Hessian in u = (ln eta, ln beta) in one pass: every term is a function of
    /// z = beta (ln t - ln eta), with z_0 = -beta, z_1 = z, z_00 = 0, z_01 = -beta, z_11 = z, and
    /// e = e^z the cumulative hazard:
    /// - exact: ln f = ln beta - ln t + z - e (l' = 1 - e, l'' = -e, and d ln beta/du1 = 1);
    /// - right: ln S = -e (l' = l'' = -e);
    /// - left: ln F = ln(1 - e^-e) (l' = e / (e^e - 1), l'' = l' (1 - e - l'));
    /// - interval: ln(S(a) - S(b)) from the two survival terms (`LogTermPartials.minusLog1mexp`).
    /// The same numbers as the three hyper-dual passes of the general path (tested equal to 1e-10) at
    /// one logarithm and one exponential per entry: what mixture and defective-subpopulation fits,
    /// whose EM refits a Weibull at every iteration, spend their time on.
    /// - Complexity: O(n) in the merged entries.
    public func logLikelihoodDerivatives(_ sample: CensoredSample, _ u: [Double]) -> LikelihoodDerivatives? {
        guard u.count == 2 else { return nil }
        let logEta = u[0], logBeta = u[1], beta = exp(logBeta)
        func term(_ t: Double, _ l: (Double) -> (value: Double, first: Double, second: Double)) -> LogTermPartials {
            let z = beta * (log(t) - logEta)
            let (value, first, second) = l(z)
            return LogTermPartials(value: value, first: first, second: second, z0: -beta, z1: z, z00: 0, z01: -beta, z11: z)
        }
        func survival(_ z: Double) -> (value: Double, first: Double, second: Double) {
            let e = exp(z)
            return (-e, -e, -e)
        }
        var total = LogTermPartials.zero
        for entry in sample.exact {
            var p = term(entry.time) { z in
                let e = exp(z)
                return (z - e, 1 - e, -e)
            }
            p.value += logBeta - log(entry.time)
            p.g1 += 1
            total.add(p, weight: entry.weight)
        }
        for entry in sample.right { total.add(term(entry.time, survival), weight: entry.weight) }
        for entry in sample.left {
            total.add(term(entry.time) { z in
                let e = exp(z)
                let first = e / expm1(e)
                return (log(-expm1(-e)), first, first * (1 - e - first))
            }, weight: entry.weight)
        }
        for entry in sample.interval {
            total.add(term(entry.lower, survival).minusLog1mexp(of: term(entry.upper, survival)), weight: entry.weight)
        }
        return total.derivatives
    }

    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let start = StartingValues.weibull(sample)
        return [[start.eta, start.beta]]
    }
}
