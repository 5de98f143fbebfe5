#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics
import Lifetime

/// Variance components of a fully nested random design by REML (or ML on request), at the exact
/// optimum, with profile-likelihood intervals.
///
/// The maximiser is `DampedNewton` on the logarithms of the variances, on the exact derivatives of
/// `NestedLikelihood` (hyper-dual passes over the group tree), from the Type I ANOVA estimates. It stops
/// only after an undamped Newton step below 1e-10 relative, which leaves the gradient at rounding
/// level; the fit reports that gradient (`gradientNorm`: the largest |d(-2 ln L)/d ln sigma^2| over the
/// components off the boundary).
///
/// Components are bounded at zero. A component whose variance collapses during the climb (below
/// 1e-8 of the total) is fixed at exactly 0 and the others are refitted; it stays there when the
/// criterion's derivative in it at 0 is not negative (the constrained maximum, a Karush-Kuhn-Tucker
/// point), and is otherwise released again. A component at zero is reported with a note; its
/// interval starts at 0.
///
/// Intervals: for each component, the values v at which the profile criterion (the others re-maximised
/// with it held at v) rises by the chi-square(1) quantile at the confidence level above its minimum,
/// found by Brent's method; a lower end below which the rise never reaches the quantile is 0.
public struct NestedREML: Sendable {
    /// The result of a fit.
    public struct Fit: Sendable, Equatable {
        /// Level names, outermost first, the residual last.
        public let levels: [String]
        /// REML (true) or ML.
        public let restricted: Bool
        /// One variance per level, the residual last; exactly 0 for a component on the boundary.
        public let components: [Double]
        /// True where the component sits at the boundary 0.
        public let atZero: [Bool]
        /// -2 ln L at the estimate: lme4's REML criterion, or the ML deviance.
        public let criterion: Double
        /// The generalised least-squares mean and its standard error.
        public let mean: Double
        public let meanStandardError: Double
        /// Largest |d(-2 ln L) / d ln sigma^2| over the components off the boundary: how close to the
        /// exact optimum the estimate is (rounding level, about 1e-9 or below, when converged).
        public let gradientNorm: Double
        public let converged: Bool
        public let iterations: Int
        /// Profile-likelihood intervals at `confidence` (nil when not computed or not found).
        public let intervals: [ClosedRange<Double>?]
        public let confidence: Double
        public let notes: [String]
        /// Asymptotic covariance of `components`: the inverse of the observed information
        /// (half the Hessian of −2 ln L in the variances) over the components off the boundary, with
        /// zero rows and columns for a component at 0; nil when that information is not positive
        /// definite. It describes the estimates; the intervals are profile intervals, not Wald ones.
        public let covariance: Matrix?
        /// Number of observations.
        public let observations: Int
    }

    public let likelihood: NestedLikelihood

    init(_ sample: NestedSample, restricted: Bool = true) {
        likelihood = NestedLikelihood(sample, restricted: restricted)
    }

    /// Collapse threshold: a variance below this fraction of the total during a climb is put at 0.
    static let collapsed = 1e-8

    /// Fits the components of `sample` by REML (or ML when `restricted` is false), with profile
    /// intervals at `confidence` when `intervals` is true.
    /// - Throws: `SPCError.degenerate` when the data have no variation within the innermost groups
    ///   (the residual variance is 0 and the likelihood has no maximum).
    /// - Complexity: O(groups) per Newton iteration (the tree recursion), plus some 20-60 profile
    ///   fits per component for the intervals.
    public static func fit(_ sample: NestedSample, restricted: Bool = true, confidence: Double = 0.95,
                           intervals: Bool = true) throws(SPCError) -> Fit {
        try NestedREML(sample, restricted: restricted).fit(confidence: confidence, intervals: intervals)
    }

    func fit(confidence: Double, intervals: Bool) throws(SPCError) -> Fit {
        let sample = likelihood.sample
        let k = sample.groupingLevels
        guard sample.cellSumsOfSquares.reduce(0, +) > 0 else {
            throw .degenerate("no variation within the '\(sample.levels[k - 1])' groups: the residual variance is 0 and the likelihood has no maximum")
        }
        let anova = NestedANOVA(sample, confidence: confidence)
        let total = max(anova.components.filter { $0 > 0 }.reduce(0, +), anova.components[k])
        let start = anova.components.map { $0 > 0 ? $0 : 0.01 * total }
        let best = maximize(from: start, fixed: [:])
        var notes = best.notes
        for i in 0..<k where best.atZero[i] {
            notes.append("the '\(sample.levels[i])' variance is at its boundary 0: the data show no variation between '\(sample.levels[i])' groups beyond what the levels below explain")
        }
        if !best.converged { notes.append("the maximisation did not converge: the estimates are the best point reached") }
        let m = likelihood.mean(best.variances)
        var found: [ClosedRange<Double>?] = Array(repeating: nil, count: k + 1)
        if intervals {
            let rise = ChiSquared.quantile(confidence, degreesOfFreedom: 1)
            for i in 0...k {
                found[i] = profileInterval(i, best, rise: rise)
                if found[i] == nil { notes.append("no profile-likelihood interval found for the '\(sample.levels[i])' variance") }
            }
        }
        return Fit(levels: sample.levels, restricted: likelihood.restricted, components: best.variances, atZero: best.atZero,
                   criterion: best.criterion, mean: m.estimate, meanStandardError: m.standardError,
                   gradientNorm: best.gradientNorm, converged: best.converged, iterations: best.iterations,
                   intervals: found, confidence: confidence, notes: notes,
                   covariance: covariance(at: best), observations: sample.count)
    }

    /// The inverse observed information of the variances off the boundary, embedded in the full
    /// component order; nil when that information is not positive definite.
    /// - Complexity: one derivative pass over the group tree and a k x k inverse.
    func covariance(at best: Maximum) -> Matrix? {
        let count = best.variances.count
        let free = (0..<count).filter { !best.atZero[$0] }
        guard !free.isEmpty else { return nil }
        let d = likelihood.derivatives(best.variances, free: free)
        var information = Matrix(rows: free.count, columns: free.count)
        for (a, i) in free.enumerated() { for (b, j) in free.enumerated() { information[a, b] = 0.5 * d.hessian[i][j] } }
        guard let inverse = try? information.symmetricPositiveDefiniteInverse() else { return nil }
        var full = Matrix(rows: count, columns: count)
        for (a, i) in free.enumerated() { for (b, j) in free.enumerated() { full[i, j] = inverse[a, b] } }
        return full
    }

    /// A constrained maximum: the variances, which are at zero, -2 ln L and the convergence record.
    struct Maximum {
        var variances: [Double]
        var atZero: [Bool]
        var criterion: Double
        var gradientNorm: Double
        var converged: Bool
        var iterations: Int
        var notes: [String]
    }

    /// Minimises -2 ln L over the variances not in `fixed` (index -> value), from `start`, with the
    /// boundary rule of the type's documentation.
    func maximize(from start: [Double], fixed: [Int: Double]) -> Maximum {
        let count = start.count
        var v = start
        for (i, value) in fixed { v[i] = value }
        var zero = [Bool](repeating: false, count: count)
        var iterations = 0, released = 0
        var last: DampedNewton.Result?
        var evaluatedAt: [Double]?
        var notes: [String] = []
        for _ in 0..<(2 * count + 2) {
            let free = (0..<count).filter { fixed[$0] == nil && !zero[$0] }
            if free.isEmpty { break }
            func variances(_ u: [Double]) -> [Double] {
                var w = v
                for (a, i) in free.enumerated() { w[i] = exp(u[a]) }
                return w
            }
            // The log-likelihood -criterion/2 and its derivatives in u = ln v (free components).
            func derivatives(_ u: [Double]) -> LikelihoodDerivatives {
                let w = variances(u)
                let d = likelihood.derivatives(w, free: free)
                var gradient = [Double](repeating: 0, count: free.count)
                var hessian = Matrix(rows: free.count, columns: free.count)
                for (a, i) in free.enumerated() {
                    gradient[a] = -0.5 * d.gradient[i] * w[i]
                    for (b, j) in free.enumerated() {
                        hessian[a, b] = -0.5 * (d.hessian[i][j] * w[i] * w[j] + (a == b ? d.gradient[i] * w[i] : 0))
                    }
                }
                let value = d.value.isFinite ? -0.5 * d.value : -.infinity
                return LikelihoodDerivatives(value: value, gradient: gradient, hessian: hessian)
            }
            var newton = DampedNewton()
            newton.maximumIterations = 200
            newton.evaluatesTrialsWithDerivatives = true
            let result = newton.maximize(from: free.map { log(max(v[$0], 1e-300)) }, derivatives: derivatives,
                                         value: { -0.5 * likelihood.criterion(variances($0)) })
            iterations += result.iterations
            last = result
            v = variances(result.point)
            evaluatedAt = v
            // Components that collapsed go to the boundary; the others are refitted without them.
            let scale = v.reduce(0, +)
            let collapsing = free.filter { $0 != count - 1 && v[$0] < Self.collapsed * scale }
            if !collapsing.isEmpty {
                for i in collapsing { zero[i] = true; v[i] = 0 }
                continue
            }
            // A component at zero whose derivative there points inwards is released.
            let atZero = (0..<count).filter { zero[$0] }
            let d = atZero.isEmpty ? nil : likelihood.derivatives(v, free: atZero)
            let inward = atZero.filter { d!.gradient[$0] < -1e-9 * (1 + abs(d!.value)) }
            if !inward.isEmpty && released < count {
                released += 1
                for i in inward { zero[i] = false; v[i] = 0.01 * scale }
                continue
            }
            break
        }
        // Newton's last evaluation is at v: -2 times its value and gradient (in ln v) are the criterion's.
        let current = evaluatedAt == v ? last : nil
        let criterion = current.map { -2 * $0.evaluation.value } ?? likelihood.criterion(v)
        var gradientNorm = current.map { 2 * $0.evaluation.gradient.reduce(0) { max($0, abs($1)) } } ?? 0
        if current == nil {
            let free = (0..<count).filter { fixed[$0] == nil && !zero[$0] }
            let d = likelihood.derivatives(v, free: free)
            for i in free { gradientNorm = max(gradientNorm, abs(d.gradient[i] * v[i])) }
        }
        let converged = last?.converged ?? true
        if let last, !last.converged { notes += last.notes }
        return Maximum(variances: v, atZero: zero, criterion: criterion, gradientNorm: gradientNorm,
                       converged: converged, iterations: iterations, notes: notes)
    }

    /// The profile-likelihood interval of component i: where the profile criterion exceeds its minimum
    /// by `rise`.
    func profileInterval(_ i: Int, _ best: Maximum, rise: Double) -> ClosedRange<Double>? {
        let estimate = best.variances[i]
        var warm = best.variances
        func excess(_ value: Double) -> Double {
            let m = maximize(from: warm, fixed: [i: value])
            if m.criterion.isFinite { warm = m.variances }
            return m.criterion - best.criterion - rise
        }
        let isResidual = i == best.variances.count - 1
        // Lower end.
        var lower: Double?
        if estimate == 0 {
            lower = 0
        } else if !isResidual, excess(0) <= 0 {
            lower = 0
        } else {
            var a = estimate
            for _ in 0..<200 {
                a /= 2
                if excess(a) > 0 { break }
            }
            warm = best.variances
            lower = excess(a) > 0 ? RootFinding.brent(a, estimate, absoluteTolerance: 1e-12 * max(estimate, 1e-300),
                                                      relativeTolerance: 1e-10, excess) : nil
        }
        // Upper end: double from the estimate (or from a small value when at 0) until bracketed.
        warm = best.variances
        let total = best.variances.reduce(0, +)
        var b = estimate > 0 ? estimate : 1e-3 * total
        var a = estimate
        var bracketed = false
        for _ in 0..<200 {
            if excess(b) > 0 { bracketed = true; break }
            a = b
            b *= 2
        }
        let upper = bracketed ? RootFinding.brent(a, b, absoluteTolerance: 1e-12 * b, relativeTolerance: 1e-10, excess) : nil
        guard let lower, let upper else { return nil }
        return lower...upper
    }
}
