import Lifetime
import RelmodelNumerics

/// Type I (hierarchical) analysis of variance of a fully nested random design, balanced or not, with
/// the expected-mean-square coefficients of unbalanced data (the method of SAS PROC NESTED and of
/// Minitab's fully nested ANOVA), the variance components they give, and Satterthwaite intervals.
///
/// Sums of squares are of deviations from the parent's mean: SS_l = sum over groups g of level l of
/// n_g (ybar_g - ybar_parent(g))^2, df_l = groups at l - groups at l - 1; the residual SS is within the
/// innermost groups, df = N - cells. The expected mean squares are
/// E[MS_l] = sigma_e^2 + sum over m >= l of c_lm sigma_m^2 with, writing
/// w(l, m) = sum over groups h of level m of n_h^2 / n_(ancestor of h at level l) (n_(level -1) = N):
/// c_ll = (N - w(l - 1, l)) / df_l and c_lm = (w(l, m) - w(l - 1, m)) / df_l for m > l.
/// (Balanced, c_lm is the number of observations in a group of level m.) The components solve that
/// triangular system from the residual up; a negative estimate is reported as it is, with a note
/// (it says the level's true variance is small against its sampling error).
///
/// Intervals: the residual's is exact, df_e sigma_e^2 / chi-square(df_e); every other component is a
/// linear combination sum a_i MS_i, and its interval is Satterthwaite's, with
/// nu = (sum a_i MS_i)^2 / sum (a_i MS_i)^2 / df_i degrees of freedom (none for a non-positive estimate).
public struct NestedANOVA: Sendable, Equatable {
    /// One line of the ANOVA table.
    public struct Line: Sendable, Equatable {
        public let level: String
        public let degreesOfFreedom: Double
        public let sumOfSquares: Double
        public let meanSquare: Double
        /// Coefficients of the components in E[MS], indexed like `NestedANOVA.components` (0 for the
        /// levels above this one, 1 for the residual).
        public let expectedMeanSquare: [Double]
    }

    /// Level names, outermost first, the residual last.
    public let levels: [String]
    public let lines: [Line]
    /// Variance components, one per level, the residual last; may be negative.
    public let components: [Double]
    /// Two-sided intervals at `confidence`; nil where the estimate is not positive.
    public let intervals: [ClosedRange<Double>?]
    /// Satterthwaite's degrees of freedom of each component (the residual's exact).
    public let degreesOfFreedom: [Double]
    public let confidence: Double
    public let notes: [String]

    /// The analysis of `sample`.
    /// - Complexity: O(G L), G groups and L levels.
    public init(_ sample: NestedSample, confidence: Double = 0.95) {
        let k = sample.groupingLevels, n = Double(sample.count)
        // Group means (centred) at every grouping level.
        let means = (0..<k).map { sample.centredGroupMeans($0) }
        let grandMean = zip(means[0], sample.sizes[0]).reduce(0.0) { $0 + Double($1.1) * $1.0 } / n
        // ancestors[l][m][h]: the ancestor at level l of group h of level m (m > l).
        func ancestorSize(_ l: Int, of h: Int, at m: Int) -> Double {
            guard l >= 0 else { return n }
            var g = h
            for level in stride(from: m, to: l, by: -1) { g = sample.parents[level][g] }
            return Double(sample.sizes[l][g])
        }
        func w(_ l: Int, _ m: Int) -> Double {
            var total = 0.0
            for (h, size) in sample.sizes[m].enumerated() { total += Double(size) * Double(size) / ancestorSize(l, of: h, at: m) }
            return total
        }
        var lines: [Line] = []
        for l in 0..<k {
            var ss = 0.0
            for (g, size) in sample.sizes[l].enumerated() {
                let parentMean = l == 0 ? grandMean : means[l - 1][sample.parents[l][g]]
                let d = means[l][g] - parentMean
                ss += Double(size) * d * d
            }
            let df = Double(sample.groupCount(l) - (l == 0 ? 1 : sample.groupCount(l - 1)))
            var coefficients = [Double](repeating: 0, count: k + 1)
            coefficients[l] = (n - w(l - 1, l)) / df
            for m in (l + 1)..<k { coefficients[m] = (w(l, m) - w(l - 1, m)) / df }
            coefficients[k] = 1
            lines.append(Line(level: sample.levels[l], degreesOfFreedom: df, sumOfSquares: ss, meanSquare: ss / df,
                              expectedMeanSquare: coefficients))
        }
        let residualSS = sample.cellSumsOfSquares.reduce(0, +)
        let residualDF = n - Double(sample.groupCount(k - 1))
        var residualCoefficients = [Double](repeating: 0, count: k + 1)
        residualCoefficients[k] = 1
        lines.append(Line(level: sample.levels[k], degreesOfFreedom: residualDF, sumOfSquares: residualSS,
                          meanSquare: residualSS / residualDF, expectedMeanSquare: residualCoefficients))
        self.init(levels: sample.levels, lines: lines, confidence: confidence)
    }

    /// Each component as a combination of the mean squares, `weights[l][i]` the weight of MS_i in
    /// component l, from the expected-mean-square coefficients (`coefficients[l][m]`, upper triangular,
    /// the residual last with coefficient 1), solved from the residual up.
    /// - Complexity: O(L^3), L levels.
    public static func componentWeights(_ coefficients: [[Double]]) -> [[Double]] {
        let k = coefficients.count - 1
        var weights = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k + 1)
        weights[k][k] = 1 / coefficients[k][k]
        for l in stride(from: k - 1, through: 0, by: -1) {
            let c = coefficients[l]
            var a = [Double](repeating: 0, count: k + 1)
            a[l] = 1
            for m in (l + 1)...k {
                for i in 0...k { a[i] -= c[m] * weights[m][i] }
            }
            weights[l] = a.map { $0 / c[l] }
        }
        return weights
    }

    /// The components from mean squares and their expected-mean-square coefficients alone (no degrees
    /// of freedom, so no intervals): e.g. a published ANOVA table.
    public static func components(meanSquares: [Double], coefficients: [[Double]]) -> [Double] {
        componentWeights(coefficients).map { w in zip(w, meanSquares).reduce(0.0) { $0 + $1.0 * $1.1 } }
    }

    /// The components and intervals from an ANOVA table (mean squares, degrees of freedom and
    /// expected-mean-square coefficients), as printed by any package: e.g. Minitab's fully nested
    /// example from its mean squares and the observations per group of each level.
    public init(levels: [String], lines: [Line], confidence: Double = 0.95) {
        let k = lines.count - 1
        let weights = Self.componentWeights(lines.map(\.expectedMeanSquare))
        let ms = lines.map(\.meanSquare), df = lines.map(\.degreesOfFreedom)
        var components: [Double] = [], intervals: [ClosedRange<Double>?] = [], dfs: [Double] = [], notes: [String] = []
        let alpha = 1 - confidence
        for l in 0...k {
            let estimate = (0...k).reduce(0.0) { $0 + weights[l][$1] * ms[$1] }
            components.append(estimate)
            var variance = 0.0
            for i in 0...k where weights[l][i] != 0 {
                let term = weights[l][i] * ms[i]
                variance += term * term / df[i]
            }
            let nu = l == k ? df[k] : estimate * estimate / variance
            dfs.append(nu)
            if estimate > 0, nu.isFinite, nu > 0 {
                let upperQuantile = ChiSquared.quantile(1 - alpha / 2, degreesOfFreedom: nu)
                let lowerQuantile = ChiSquared.quantile(alpha / 2, degreesOfFreedom: nu)
                let lower = nu * estimate / upperQuantile, upper = nu * estimate / lowerQuantile
                if lower.isFinite, upper.isFinite, lower <= upper {
                    intervals.append(lower...upper)
                } else {
                    // A component that is a small difference of large mean squares has almost no
                    // degrees of freedom, and the chi-square quantiles of so few vanish.
                    intervals.append(nil)
                    notes.append("no Satterthwaite interval for the '\(levels[l])' variance: it is a small difference of mean squares with \(NoteNumbers.significant(nu, 3)) approximate degrees of freedom; REML's profile-likelihood interval exists")
                }
            } else {
                intervals.append(nil)
                if estimate < 0 {
                    notes.append("the ANOVA estimate of the '\(levels[l])' variance is negative (\(NoteNumbers.significant(estimate, 6))): its true value is small against its sampling error; REML bounds it at zero")
                }
            }
        }
        self.levels = levels
        self.lines = lines
        self.components = components
        self.intervals = intervals
        self.degreesOfFreedom = dfs
        self.confidence = confidence
        self.notes = notes
    }
}
