/// Units in which CUSUM's k, h and head start are given.
public enum CUSUMUnits: String, Sendable, Hashable {
    /// Multiples of sigma (k = 0.5, h = 4 or 5 in the textbooks); data-unit values are k σ, h σ.
    case sigma
    /// The data's own units (K and H directly, as in the NIST handbook example).
    case data
}

/// Time-weighted charts for individual values (or subgroup means with their own sigma).
///
/// Target and sigma are standards given when supplied; otherwise estimated per stage from phase I
/// (target = mean, sigma = MR̄/d2(2), the individuals chart's estimate).
extension ControlChart {
    /// EWMA chart: z_0 = target, z_i = λ x_i + (1 - λ) z_{i-1}, restarting at each stage.
    ///
    /// Exact limits target ± L σ √(λ/(2 - λ) [1 - (1 - λ)^{2i}]) (i counted from the stage's start)
    /// narrow at the start; the asymptotic limits target ± L σ √(λ/(2 - λ)) are the chart-level
    /// limits. Points carry the exact limits when `exactLimits` (Minitab's default), else the
    /// asymptotic ones; test 1 compares with the point's limits. - Complexity: O(n).
    public static func ewma(_ values: [Double], labels: [String]? = nil, lambda: Double = 0.2,
                            target: Double? = nil, sigma: Double? = nil, exactLimits: Bool = true,
                            options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        guard lambda > 0, lambda <= 1 else { throw .invalidParameter("lambda must be in (0, 1], got \(lambda)") }
        let labels = labels ?? values.indices.map { String($0 + 1) }
        let layout = try ChartLayout(count: values.count, options: options)
        let L = options.sigmaMultiplier
        var points: [ChartPoint] = []
        var stages: [StageLimits] = []
        var parameters: [(String, Double)] = [("lambda", lambda), ("sigmaMultiplier", L)]
        for block in layout.blocks {
            let (mu, s, count) = try standards(values, layout: layout, block: block, target: target, sigma: sigma, constants: options.constants)
            let asymptotic = L * s * (lambda / (2 - lambda)).squareRoot()
            var z = mu
            for (step, i) in block.range.enumerated() {
                z = lambda * values[i] + (1 - lambda) * z
                let half = exactLimits
                    ? L * s * (lambda / (2 - lambda) * (1 - pow1m(1 - lambda, 2 * (step + 1)))).squareRoot()
                    : asymptotic
                points.append(ChartPoint(subgroup: labels[i], value: z, center: mu, lcl: mu - half, ucl: mu + half,
                                         sigma: nil, phase: layout.phase(i), stage: block.label))
            }
            stages.append(StageLimits(stage: block.label, center: mu, lcl: mu - asymptotic, ucl: mu + asymptotic,
                                      sigma: s, estimationCount: count))
        }
        parameters.append(("target", stages.last!.center))
        RuleEngine.apply(options.rules(for: .ewma), to: &points)
        return ControlChart(type: .ewma, points: points, stages: stages, parameters: parameters,
                            notes: [exactLimits ? "point limits: exact (time-varying)" : "point limits: asymptotic"])
    }

    /// Tabular (two-sided) CUSUM: C⁺_i = max(0, C⁺_{i-1} + x_i - (μ0 + K)),
    /// C⁻_i = max(0, C⁻_{i-1} + (μ0 - K) - x_i), C±_0 = head start, restarting at each stage.
    ///
    /// A point's `value` is C⁺ and its `lowerValue` is -C⁻ (plotted below zero, as Minitab); limits
    /// ±H. Test 1 signals when C⁺ > H or C⁻ > H (strictly). Values are in data units; `units` says
    /// how k, h and the head start are given. - Complexity: O(n).
    public static func cusum(_ values: [Double], labels: [String]? = nil, target: Double? = nil, sigma: Double? = nil,
                             k: Double = 0.5, h: Double = 4, headStart: Double = 0, units: CUSUMUnits = .sigma,
                             options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        guard k >= 0, h > 0, headStart >= 0, headStart <= h else {
            throw .invalidParameter("CUSUM needs k >= 0, h > 0 and 0 <= head start <= h")
        }
        let labels = labels ?? values.indices.map { String($0 + 1) }
        let layout = try ChartLayout(count: values.count, options: options)
        var points: [ChartPoint] = []
        var stages: [StageLimits] = []
        var parameters: [(String, Double)] = []
        for block in layout.blocks {
            let needsSigma = units == .sigma
            let (mu, s, count) = try standards(values, layout: layout, block: block, target: target,
                                               sigma: needsSigma ? sigma : (sigma ?? .nan), constants: options.constants)
            let scale = needsSigma ? s : 1
            let K = k * scale, H = h * scale
            var upper = headStart * scale, lower = headStart * scale
            for i in block.range {
                upper = max(0, upper + values[i] - (mu + K))
                lower = max(0, lower + (mu - K) - values[i])
                points.append(ChartPoint(subgroup: labels[i], value: upper, center: 0, lcl: -H, ucl: H, sigma: nil,
                                         phase: layout.phase(i), stage: block.label, lowerValue: -lower))
            }
            stages.append(StageLimits(stage: block.label, center: 0, lcl: -H, ucl: H, sigma: s.isNaN ? nil : s, estimationCount: count))
            parameters = [("target", mu), ("k", K), ("h", H), ("headStart", headStart * scale)]
        }
        RuleEngine.apply(options.rules(for: .cusum), to: &points)
        return ControlChart(type: .cusum, points: points, stages: stages, parameters: parameters,
                            notes: ["k, h and head start in data units (given in \(units.rawValue) units)"])
    }

    /// Target and sigma of a stage: the given standards, else phase I mean and MR̄/d2(2).
    static func standards(_ values: [Double], layout: ChartLayout, block: (label: String?, range: Range<Int>),
                          target: Double?, sigma: Double?, constants: ConstantSource) throws(SPCError) -> (Double, Double, Int) {
        let estimation = try layout.estimationIndices(block, minimum: (target != nil && sigma != nil) ? 0 : 2)
        let phaseI = estimation.map { values[$0] }
        let mu = target ?? Statistics.mean(phaseI)
        let s: Double
        if let sigma {
            guard sigma > 0 || sigma.isNaN else { throw .invalidParameter("sigma must be positive, got \(sigma)") }
            s = sigma
        } else {
            // Moving ranges of consecutive phase I points only.
            let inPhaseI = Set(estimation)
            let ranges = estimation.filter { inPhaseI.contains($0 - 1) && $0 - 1 >= block.range.lowerBound }.map { abs(values[$0] - values[$0 - 1]) }
            guard !ranges.isEmpty else { throw .insufficientData("no two consecutive phase I values to estimate sigma") }
            s = Statistics.mean(ranges) / ChartConstants(n: 2, source: constants).d2
            guard s > 0 else { throw .degenerate("all phase I moving ranges are 0: sigma is 0") }
        }
        return (mu, s, estimation.count)
    }

    /// x^n for 0 <= x <= 1 by repeated squaring (no libm needed for integer powers).
    static func pow1m(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }
}
