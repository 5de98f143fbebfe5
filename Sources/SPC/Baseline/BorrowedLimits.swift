/// Limits for a context with too few subgroups of its own, borrowing strength from its family (the
/// other tools of one product, the other chambers of one tool): the context's own process center with
/// the within sigma pooled over the family's frozen baselines.
///
/// Pooling: sigma^2 = sum nu_i sigma_i^2 / sum nu_i over the family's baselines, with nu_i the degrees
/// of freedom behind each within sigma: subgroups x (n - 1) for x-bar charts of common size n, and
/// subgroups - 1 for individuals charts (moving ranges of successive values). The context's own data
/// enter the pool too (its own sigma with its own degrees of freedom), so a context with a few
/// subgroups still counts. Only the variables charts (x-bar-R, x-bar-S, I-MR) pool a sigma: the
/// attribute charts' sigma follows from their center.
public enum BorrowedLimits {
    /// The pooled within sigma and its degrees of freedom.
    /// - Throws: `.invalidParameter` for an attribute chart, mixed charts, or a baseline without a
    ///   process sigma or a common subgroup size.
    public static func pooledSigma(_ baselines: [FrozenLimits]) throws(SPCError) -> (sigma: Double, degreesOfFreedom: Double) {
        guard let chart = baselines.first?.chart else { throw .insufficientData("no baselines to pool") }
        guard chart.isVariables else { throw .invalidParameter("only variables charts (xbar-r, xbar-s, imr) pool a within sigma, not \(chart.rawValue)") }
        var sum = 0.0, df = 0.0
        for b in baselines {
            guard b.chart == chart else { throw .invalidParameter("baselines of different charts (\(chart.rawValue), \(b.chart.rawValue)) cannot be pooled") }
            guard let sigma = b.processSigma, sigma > 0 else { throw .invalidParameter("a baseline without a process sigma") }
            let nu = try degreesOfFreedom(b)
            sum += nu * sigma * sigma
            df += nu
        }
        guard df > 0 else { throw .insufficientData("the baselines have no degrees of freedom to pool") }
        return ((sum / df).squareRoot(), df)
    }

    /// The degrees of freedom behind a baseline's within sigma.
    static func degreesOfFreedom(_ b: FrozenLimits) throws(SPCError) -> Double {
        switch b.chart {
        case .imr: return Double(b.subgroups - 1)
        default:
            guard let n = b.subgroupSize, n >= 2 else {
                throw .invalidParameter("a baseline with varying subgroup sizes: its degrees of freedom are not recorded")
            }
            return Double(b.subgroups) * (n - 1)
        }
    }

    /// `own`'s limits with its center and `sigma` as the within sigma, every chart's limits recomputed.
    public static func limits(_ own: FrozenLimits, sigma: Double) throws(SPCError) -> FrozenLimits {
        guard own.chart.isVariables else { throw .invalidParameter("only variables charts borrow a within sigma") }
        var result = own
        result.processSigma = sigma
        let L = own.sigmaMultiplier
        var charts: [FrozenChartLimits] = []
        for type in own.chart.chartTypes {
            switch type {
            case .i:
                charts.append(FrozenChartLimits(type: .i, center: own.processCenter, lcl: own.processCenter - L * sigma,
                                                ucl: own.processCenter + L * sigma, sigma: sigma))
            case .mr:
                let c = ChartConstants(n: own.span ?? 2, source: own.constants)
                let center = c.d2 * sigma, dSigma = c.d3 * sigma
                charts.append(FrozenChartLimits(type: .mr, center: center, lcl: max(0, center - L * dSigma), ucl: center + L * dSigma, sigma: dSigma))
            default:
                // x-bar, R and S at the common size, from the center and sigma (`FrozenLimits.limits(for:size:)`).
                var stepped = result
                stepped.charts = own.chart.chartTypes.map { FrozenChartLimits(type: $0, center: nil, lcl: nil, ucl: nil, sigma: nil) }
                if let n = own.subgroupSize {
                    let l = try stepped.limits(for: type, size: n)
                    charts.append(FrozenChartLimits(type: type, center: l.center, lcl: l.lcl, ucl: l.ucl, sigma: l.sigma))
                } else {
                    charts.append(FrozenChartLimits(type: type, center: type == .xbar ? own.processCenter : nil, lcl: nil, ucl: nil, sigma: nil))
                }
            }
        }
        result.charts = charts
        return result
    }
}
