/// A chart of the means of one level of a nested design (lot means, wafer means) whose limits come from
/// the variance components, not from the scatter within the groups.
///
/// The mean of group g at level l is mu plus the effects of g and of its ancestors (one each), plus the
/// average of the effects nested in it and of its residuals, so its variance is
///
///     sigma_g^2 = sum over m <= l of sigma_m^2 + sum over m > l of sigma_m^2 (sum of n_h^2 over the
///                 level-m groups h in g) / n_g^2 + sigma_e^2 / n_g
///
/// (balanced: the components at and above l in full, each lower one divided by the number of its
/// groups in g, the residual by the observations in g). A chart of wafer means with limits from the
/// site-to-site scatter alone (an x-bar chart) leaves out the lot and wafer variances and flags most
/// wafers of a batch process; this chart does not. Limits: center ± L sigma_g per point (stepped when
/// groups are unbalanced); the center is the estimate of mu (REML's generalised least-squares mean, or
/// the grand mean with ANOVA components). A negative ANOVA component counts as 0.
public enum NestedMeansChart {
    /// The chart of the means of grouping level `level` with limits from `components` (one per level,
    /// the residual last) around `center`.
    /// - Throws: `SPCError.invalidParameter` for a level outside the grouping levels or components of
    ///   the wrong count.
    /// - Complexity: O(G L).
    public static func chart(_ sample: NestedSample, level: Int, components: [Double], center: Double,
                             options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        guard (0..<sample.groupingLevels).contains(level) else {
            throw .invalidParameter("the chart's level must be a grouping level (not the residual '\(sample.levels.last!)')")
        }
        guard components.count == sample.levels.count else {
            throw .invalidParameter("one component per level is needed (\(sample.levels.count)), got \(components.count)")
        }
        let v = components.map { max($0, 0) }
        let k = sample.groupingLevels
        // sumSquares[m][g]: the sum of n_h^2 over the level-m groups h inside group g of `level`.
        let above = v[0...level].reduce(0, +)
        var perGroup = [Double](repeating: 0, count: sample.groupCount(level))
        for m in (level + 1)..<max(k, level + 1) {
            var squares = sample.sizes[m].map { Double($0) * Double($0) }
            // Carried up to `level` by the parent pointers.
            for up in stride(from: m, to: level, by: -1) {
                var sums = [Double](repeating: 0, count: sample.groupCount(up - 1))
                for (g, parent) in sample.parents[up].enumerated() { sums[parent] += squares[g] }
                squares = sums
            }
            for g in perGroup.indices {
                let n = Double(sample.sizes[level][g])
                perGroup[g] += v[m] * squares[g] / (n * n)
            }
        }
        let means = sample.groupMeans(level)
        let L = options.sigmaMultiplier
        var points: [ChartPoint] = []
        for g in means.indices {
            let n = Double(sample.sizes[level][g])
            let sigma = (above + perGroup[g] + v[k] / n).squareRoot()
            points.append(ChartPoint(subgroup: sample.labels[level][g], value: means[g], center: center,
                                     lcl: center - L * sigma, ucl: center + L * sigma, sigma: sigma, size: n))
        }
        RuleEngine.apply(options.rules(for: .xbar), to: &points)
        let stepped = Set(points.map(\.sigma)).count > 1
        var notes = ["means of '\(sample.levels[level])' groups; sigma^2 of a mean = the components at and above '\(sample.levels[level])' + the lower ones divided by their counts in the group"]
        if components.contains(where: { $0 < 0 }) { notes.append("a negative variance component counts as 0 in the limits") }
        if stepped { notes.append("groups are unbalanced: each point has its own limits") }
        let stage = StageLimits(stage: nil, center: center, lcl: stepped ? nil : points.first?.lcl, ucl: stepped ? nil : points.first?.ucl,
                                sigma: stepped ? nil : points.first?.sigma, estimationCount: points.count)
        return ControlChart(type: .xbar, points: points, stages: [stage], parameters: [("sigmaMultiplier", L)], notes: notes)
    }
}
