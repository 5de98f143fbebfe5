#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Smith and Bain's (1975) exponential power family, "exponential-power" (alpha, lambda > 0), on t > 0:
///
///     S(t) = exp(1 - e^((lambda t)^alpha)),   H(t) = e^((lambda t)^alpha) - 1,
///     h(t) = alpha lambda (lambda t)^(alpha-1) e^((lambda t)^alpha).
///
/// 1/lambda is a time scale, alpha a shape. The hazard is bathtub-shaped for alpha < 1, with its minimum
/// at t* = (1/lambda) ((1 - alpha)/alpha)^(1/alpha), and increasing for alpha >= 1.
public struct ExponentialPowerDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "exponential-power" }
    public var parameters: [FamilyParameter] { [FamilyParameter("alpha", .log), FamilyParameter("lambda", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let alpha = p[0], lambda = p[1], logLambdaT = T.log(lambda) + T.log(t)
        return T.log(alpha) + T.log(lambda) + (alpha - 1) * logLambdaT + T.exp(alpha * logLambdaT)
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.expm1(T.exp(p[0] * (T.log(p[1]) + T.log(t))))
    }

    /// The line ln ln(1 + H) = alpha ln t + alpha ln lambda through the plotting positions (H = -ln(1-F)),
    /// and a grid of shapes and time scales from 0.1 to 100 times the longest time; the best by
    /// log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        var candidates: [[Double]] = []
        let points = StartingValues.plottingPositions(sample)
        if let line = StartingValues.line(points.map { log($0.time) }, points.map { log(log1p(-log1p(-$0.fraction))) }),
           line.slope > 0, line.slope.isFinite {
            candidates.append([line.slope, exp(line.intercept / line.slope)])
        }
        let longest = BathtubSupport.timeScale(sample)
        for alpha in BathtubSupport.shapeGrid {
            for scale in [0.1, 0.3, 1, 3, 10, 100] { candidates.append([alpha, 1 / (scale * longest)]) }
        }
        return BathtubSupport.best(self, sample, candidates)
    }

    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        if p[0] > BathtubSupport.collapsedShape {
            return "alpha runs to infinity (\(NoteNumbers.significant(p[0]))): the hazard collapses onto the last failures"
        }
        return nil
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        let alpha = p[0], lambda = p[1]
        guard alpha > 0, alpha < 1, lambda > 0 else { return nil }
        return pow((1 - alpha) / alpha, 1 / alpha) / lambda
    }
}
