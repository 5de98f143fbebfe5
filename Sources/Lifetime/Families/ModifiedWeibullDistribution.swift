#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The modified Weibull of Lai, Xie and Murthy (2003), "modified-weibull" (a, b, lambda > 0), on t > 0:
///
///     S(t) = exp(-a t^b e^(lambda t)),   H(t) = a t^b e^(lambda t),
///     h(t) = a (b + lambda t) t^(b-1) e^(lambda t).
///
/// lambda -> 0 is the Weibull with shape b. The hazard is bathtub-shaped for b < 1, with its minimum at
/// t* = (sqrt(b) - b)/lambda (d ln h/dt = 0 is (lambda t + b)^2 = b), and increasing for b >= 1.
public struct ModifiedWeibullDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "modified-weibull" }
    public var parameters: [FamilyParameter] {
        [FamilyParameter("a", .log), FamilyParameter("b", .log), FamilyParameter("lambda", .log)]
    }
    public var requiredDistinctFailures: Int { 3 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let a = p[0], b = p[1], lambda = p[2]
        return T.log(a) + T.log(b + lambda * t) + (b - 1) * T.log(t) + lambda * t
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        p[0] * T.exp(p[1] * T.log(t) + p[2] * t)
    }

    /// Shapes b on a grid (and the Weibull plotting-position shape) times rates lambda t_max from 0.001 to
    /// 4, each with the a that matches the expected failures to the observed ones; the best by
    /// log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let longest = BathtubSupport.timeScale(sample)
        var candidates: [[Double]] = []
        for b in BathtubSupport.shapeGrid + [StartingValues.weibull(sample).beta] {
            for rate in [0.001, 0.1, 0.5, 1, 2, 4] {
                let lambda = rate / longest
                if let a = BathtubSupport.multiplier(sample, { pow($0, b) * exp(lambda * $0) }) { candidates.append([a, b, lambda]) }
            }
        }
        return BathtubSupport.best(self, sample, candidates)
    }

    /// lambda negligible on the data's range (the maximum is the Weibull on the boundary lambda = 0).
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let reach = p[2] * BathtubSupport.timeScale(sample)
        if reach < 1e-6 {
            return "lambda runs to 0 (lambda t <= \(NoteNumbers.significant(reach)) on the data): the fit is the Weibull with shape b = \(NoteNumbers.significant(p[1]))"
        }
        if p[1] > BathtubSupport.collapsedShape {
            return "b runs to infinity (\(NoteNumbers.significant(p[1]))): the hazard collapses onto the last failures"
        }
        return nil
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        let b = p[1], lambda = p[2]
        guard b > 0, b < 1, lambda > 0 else { return nil }
        return (b.squareRoot() - b) / lambda
    }
}
