#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Chen's (2000) two-parameter bathtub family, "chen" (lambda, beta > 0), on t > 0:
///
///     S(t) = exp(lambda (1 - e^(t^beta))),   H(t) = lambda (e^(t^beta) - 1),
///     h(t) = lambda beta t^(beta-1) e^(t^beta).
///
/// There is no time scale: t^beta is in the data's unit. The hazard is bathtub-shaped for beta < 1,
/// with its minimum at t* = ((1 - beta)/beta)^(1/beta) (where d ln h/dt = (beta-1)/t + beta t^(beta-1)
/// vanishes), and increasing for beta >= 1.
public struct ChenDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "chen" }
    public var parameters: [FamilyParameter] { [FamilyParameter("lambda", .log), FamilyParameter("beta", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let lambda = p[0], beta = p[1], logT = T.log(t)
        return T.log(lambda) + T.log(beta) + (beta - 1) * logT + T.exp(beta * logT)
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        p[0] * T.expm1(T.exp(p[1] * T.log(t)))
    }

    /// A grid of shapes (the fixed grid, the Weibull plotting-position shape, and shapes putting the
    /// longest time's t^beta at 0.5 to 8), each with the lambda that matches the expected failures to the
    /// observed ones; the best by log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        var shapes = BathtubSupport.shapeGrid + [StartingValues.weibull(sample).beta]
        let longest = BathtubSupport.timeScale(sample)
        if longest > 1.0001 { shapes += [0.5, 1, 2, 4, 8].map { log($0) / log(longest) } }
        let candidates: [[Double]] = shapes.compactMap { beta in
            guard beta > 0, beta.isFinite,
                  let lambda = BathtubSupport.multiplier(sample, { expm1(pow($0, beta)) }) else { return nil }
            return [lambda, beta]
        }
        return BathtubSupport.best(self, sample, candidates)
    }

    /// A shape running to infinity (the hazard collapsing onto the last failures) or to 0.
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        if p[1] > BathtubSupport.collapsedShape {
            return "beta runs to infinity (\(NoteNumbers.significant(p[1]))): the hazard collapses onto the last failures"
        }
        return nil
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        let beta = p[1]
        guard beta > 0, beta < 1 else { return nil }
        return pow((1 - beta) / beta, 1 / beta)
    }
}
