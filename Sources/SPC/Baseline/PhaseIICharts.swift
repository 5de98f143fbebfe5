#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FrozenLimits {
    /// Center, limits and zone sigma of a chart for a subgroup of `size`.
    ///
    /// The stored values are used verbatim when they exist and apply to this size (always for the
    /// c, I and MR charts; otherwise when `size` equals `subgroupSize`). Otherwise they are computed
    /// from the frozen process parameters with the chart's own formulas (see `ChartPair.xbarR`,
    /// `ControlChart.p`): x̄ μ ± Lσ/√n; R d2σ ± L d3σ; S c4σ ± Lσ√(1 - c4²) (LCLs clamped at 0,
    /// Montgomery's factors under `textbookFactors` at L = 3); p p̄ ± L√(p̄(1 - p̄)/n) in [0, 1];
    /// np n p̄ ± L√(n p̄(1 - p̄)) in [0, n]; u ū ± L√(ū/n), LCL clamped at 0.
    /// - Throws: `invalidParameter` when a chart is not in the baseline or its parameters are missing.
    public func limits(for type: ChartType, size: Double) throws(SPCError) -> (center: Double, lcl: Double, ucl: Double, sigma: Double?) {
        guard let stored = charts.first(where: { $0.type == type }) else {
            throw .invalidParameter("the baseline has no \(type.rawValue) chart")
        }
        let sizeFree = [ChartType.c, .i, .mr].contains(type)
        if sizeFree || size == subgroupSize, let center = stored.center, let lcl = stored.lcl, let ucl = stored.ucl {
            return (center, lcl, ucl, stored.sigma)
        }
        let L = sigmaMultiplier
        let mu = processCenter
        switch type {
        case .xbar, .r, .s:
            guard let sigma = processSigma else { throw .invalidParameter("the baseline has no process sigma") }
            let n = Int(size)
            guard Double(n) == size, n >= 2 else {
                throw .invalidParameter("a subgroup of size \(size): x̄ charts need whole sizes of at least 2")
            }
            let c = ChartConstants(n: n, source: constants)
            let useTable = c.usesFactorTable && L == 3
            switch type {
            case .xbar:
                let xSigma = sigma / size.squareRoot()
                let half = useTable ? (chart == .xbarR ? c.a2 * c.d2 * sigma : c.a3 * c.c4 * sigma) : L * xSigma
                return (mu, mu - half, mu + half, xSigma)
            case .r:
                let center = c.d2 * sigma, dSigma = c.d3 * sigma
                return useTable ? (center, c.d3Factor * center, c.d4Factor * center, dSigma)
                    : (center, max(0, center - L * dSigma), center + L * dSigma, dSigma)
            default:
                let center = c.c4 * sigma, dSigma = sigma * (1 - c.c4 * c.c4).squareRoot()
                return useTable ? (center, c.b3 * center, c.b4 * center, dSigma)
                    : (center, max(0, center - L * dSigma), center + L * dSigma, dSigma)
            }
        case .p:
            let s = (mu * (1 - mu) / size).squareRoot()
            return (mu, max(0, mu - L * s), min(1, mu + L * s), s)
        case .np:
            let s = (size * mu * (1 - mu)).squareRoot()
            return (size * mu, max(0, size * mu - L * s), min(size, size * mu + L * s), s)
        case .u:
            let s = (mu / size).squareRoot()
            return (mu, max(0, mu - L * s), mu + L * s, s)
        default:
            throw .invalidParameter("the baseline's \(type.rawValue) limits are missing")
        }
    }
}

/// Phase II charts: every point is monitored against limits frozen by a baseline study; nothing is
/// estimated from the new data.
enum PhaseIICharts {
    /// The chart(s) of `data` against `limits`, with `rules` on the location (or attribute) chart
    /// and `dispersionRules` (default `rules`) on R, S or MR. Points are phase II; runs are evaluated
    /// over the new points only (a run does not continue from the baseline).
    /// - Throws: `invalidParameter` when the data do not fit the baseline's chart.
    /// - Complexity: O(observations + points · rules · K), plus one d3 integral per size that
    ///   differs from the baseline's (exact constants).
    static func charts(_ data: BaselineData, limits: FrozenLimits, rules: RuleSet,
                       dispersionRules: RuleSet?) throws(SPCError) -> [ControlChart] {
        guard data.count > 0 else { throw .insufficientData("no subgroups") }
        var charts: [ControlChart] = []
        // Say where the limits come from: any constants, sigma multiplier or span given on the command
        // line are not used with frozen limits.
        let note = "limits frozen from a baseline of \(limits.subgroups) subgroups (its constants, sigma multiplier and span apply, not the command line's)"
        func chart(_ type: ChartType, _ items: [(label: String, value: Double, size: Double)]) throws(SPCError) -> ControlChart {
            var points: [ChartPoint] = []
            for item in items {
                let l = try limits.limits(for: type, size: item.size)
                points.append(ChartPoint(subgroup: item.label, value: item.value, center: l.center, lcl: l.lcl, ucl: l.ucl,
                                         sigma: l.sigma, phase: .monitoring, size: type == .mr ? nil : item.size))
            }
            let set = [.r, .s, .mr].contains(type) ? (dispersionRules ?? rules) : rules
            RuleEngine.apply(set.applicable(to: type), to: &points)
            let same = points.allSatisfy { $0.lcl == points.first?.lcl && $0.ucl == points.first?.ucl }
            let stored = limits.charts.first { $0.type == type }
            let process = limits.chart.isVariables ? limits.processSigma : stored?.sigma
            // Stepped limits: the chart-level center is the process center (x̄, p, np as p̄, u) or the
            // mean of the stepped center lines (R, S), as the phase I charts report it.
            let center: Double
            if same, let first = points.first { center = first.center } else if [.xbar, .p, .np, .u].contains(type) {
                center = limits.processCenter
            } else { center = Statistics.mean(points.map(\.center)) }
            let stage = StageLimits(stage: nil, center: center,
                                    lcl: same ? points.first?.lcl ?? stored?.lcl : nil, ucl: same ? points.first?.ucl ?? stored?.ucl : nil,
                                    sigma: process, estimationCount: limits.subgroups)
            var parameters: [(String, Double)] = [("sigmaMultiplier", limits.sigmaMultiplier)]
            if let span = limits.span { parameters.append(("span", Double(span))) }
            return ControlChart(type: type, points: points, stages: [stage], parameters: parameters, notes: [note])
        }
        switch (limits.chart, data) {
        case (.xbarR, let .subgroups(d)), (.xbarS, let .subgroups(d)):
            let sizes = d.sizes.map(Double.init)
            charts.append(try chart(.xbar, d.labels.indices.map { (d.labels[$0], Statistics.mean(d.values[$0]), sizes[$0]) }))
            let dispersion = limits.chart.chartTypes[1]
            let values = dispersion == .r ? d.ranges : d.standardDeviations
            charts.append(try chart(dispersion, d.labels.indices.map { (d.labels[$0], values[$0], sizes[$0]) }))
        case let (.imr, .individuals(values, labels)):
            let span = limits.span ?? 2
            charts.append(try chart(.i, values.indices.map { (labels[$0], values[$0], 1) }))
            let ranges = SigmaEstimators.movingRanges(values, span: span)
            charts.append(try chart(.mr, ranges.indices.map { (labels[$0 + span - 1], ranges[$0], 1) }))
        case let (.p, .attributes(d)), let (.np, .attributes(d)), let (.c, .attributes(d)), let (.u, .attributes(d)):
            try d.validate(proportions: limits.chart == .p || limits.chart == .np)
            let type = limits.chart.chartTypes[0]
            charts.append(try chart(type, d.labels.indices.map { i in
                (d.labels[i], type == .np || type == .c ? d.counts[i] : d.counts[i] / d.sizes[i], d.sizes[i])
            }))
        default:
            throw .invalidParameter("the data do not fit a \(limits.chart.rawValue) baseline")
        }
        return charts
    }
}

extension ControlChart {
    /// Phase II: the chart(s) of `data` against limits frozen by a baseline study, with `rules` on
    /// the location (or attribute) chart and `dispersionRules` (default `rules`) on R, S or MR.
    /// Every point is phase II; runs are evaluated over the new points only.
    /// - Throws: `invalidParameter` when the data do not fit the baseline's chart.
    /// - Complexity: O(observations + points · rules · K).
    public static func phaseII(_ data: BaselineData, limits: FrozenLimits, rules: RuleSet = .minitabDefault,
                               dispersionRules: RuleSet? = nil) throws(SPCError) -> [ControlChart] {
        try PhaseIICharts.charts(data, limits: limits, rules: rules, dispersionRules: dispersionRules)
    }
}
