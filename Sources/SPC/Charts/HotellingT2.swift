import LinearAlgebra
import RelmodelNumerics

/// Hotelling T² charts for p correlated variables, with phase I and phase II limits.
///
/// False-alarm probability α = 2(1 - Φ(L)) (0.0027 at L = 3, the 3-sigma equivalent, as qcc's
/// `mqcc`); LCL = 0; the center line is the median of the phase I reference distribution.
/// Phase I points (which estimated the mean and covariance) are judged against the phase I limit,
/// phase II points against the phase II limit.
///
/// Individuals (m phase I observations, mean x̄, sample covariance S, divisor m - 1):
/// T²_i = (x_i - x̄)ᵀ S⁻¹ (x_i - x̄);
/// phase I UCL = (m - 1)²/m · B_{1-α}(p/2, (m - p - 1)/2) (Tracy, Young and Mason 1992), the beta
/// quantile obtained from F: B = aF/(b + aF), F = F_{1-α}(2a, 2b);
/// phase II UCL = p(m + 1)(m - 1)/(m(m - p)) · F_{1-α}(p, m - p).
///
/// Subgroups (m phase I subgroups of equal size n; x̿ the mean of subgroup means, S_p the average of
/// the subgroup covariance matrices): T²_j = n (x̄_j - x̿)ᵀ S_p⁻¹ (x̄_j - x̿);
/// phase I UCL = p(m - 1)(n - 1)/(mn - m - p + 1) · F_{1-α}(p, mn - m - p + 1);
/// phase II UCL = p(m + 1)(n - 1)/(mn - m - p + 1) · F_{1-α}(p, mn - m - p + 1) (Montgomery §11.3).
public enum HotellingT2 {
    /// - Complexity: O(m p² + p³) per stage.
    public static func individuals(_ observations: [[Double]], labels: [String]? = nil,
                                   options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try chart(observations.map { [$0] }, labels: labels, individual: true, options: options)
    }

    /// - Complexity: O(N p² + p³) per stage, N observations.
    public static func subgroups(_ subgroups: [[[Double]]], labels: [String]? = nil,
                                 options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try chart(subgroups, labels: labels, individual: false, options: options)
    }

    static func chart(_ groups: [[[Double]]], labels: [String]?, individual: Bool, options: ChartOptions) throws(SPCError) -> ControlChart {
        let labels = labels ?? groups.indices.map { String($0 + 1) }
        let layout = try ChartLayout(count: groups.count, options: options)
        guard let p = groups.first?.first?.count, p >= 1 else { throw .insufficientData("no observations") }
        for (j, g) in groups.enumerated() {
            guard !g.isEmpty, g.allSatisfy({ $0.count == p }) else {
                throw .invalidParameter("subgroup \(labels[j]): every observation needs \(p) variables")
            }
        }
        let n = groups[0].count
        if !individual {
            guard n >= 2 else { throw .insufficientData("subgrouped T² needs subgroups of at least 2") }
            if let bad = groups.firstIndex(where: { $0.count != n }) {
                throw .invalidParameter("subgroup \(labels[bad]) has \(groups[bad].count) observations, the first has \(n): subgrouped T² needs equal sizes")
            }
        }
        let alpha = 2 * StandardNormal.survival(options.sigmaMultiplier)
        var points: [ChartPoint] = []
        var stages: [StageLimits] = []
        var lastPhaseIIUCL = Double.nan
        for block in layout.blocks {
            let estimation = try layout.estimationIndices(block, minimum: individual ? p + 2 : 2)
            let m = Double(estimation.count)
            let means = groups.map { g in (0..<p).map { v in g.reduce(0) { $0 + $1[v] } / Double(g.count) } }
            let grand = (0..<p).map { v in estimation.reduce(0) { $0 + means[$1][v] } / m }
            var covariance = Matrix(rows: p, columns: p)
            if individual {
                for j in estimation { accumulate(&covariance, groups[j][0], grand, weight: 1 / (m - 1)) }
            } else {
                for j in estimation {
                    for x in groups[j] { accumulate(&covariance, x, means[j], weight: 1 / (m * Double(n - 1))) }
                }
            }
            let inverse: Matrix
            do { inverse = try covariance.symmetricPositiveDefiniteInverse() } catch {
                throw .degenerate("the phase I covariance matrix is singular (a variable is constant or a linear combination of others)")
            }
            let pd = Double(p), nd = Double(n)
            let phaseIUCL: Double, phaseIIUCL: Double, center: Double
            if individual {
                guard m - pd - 1 > 0 else { throw .insufficientData("T² for individuals needs more than p + 1 = \(p + 1) phase I observations") }
                let a = pd / 2, b = (m - pd - 1) / 2
                func betaQuantile(_ q: Double) -> Double {
                    let f = FisherF.quantile(q, numeratorDegreesOfFreedom: 2 * a, denominatorDegreesOfFreedom: 2 * b)
                    return a * f / (b + a * f)
                }
                phaseIUCL = (m - 1) * (m - 1) / m * betaQuantile(1 - alpha)
                center = (m - 1) * (m - 1) / m * betaQuantile(0.5)
                phaseIIUCL = pd * (m + 1) * (m - 1) / (m * (m - pd))
                    * FisherF.quantile(1 - alpha, numeratorDegreesOfFreedom: pd, denominatorDegreesOfFreedom: m - pd)
            } else {
                let df2 = m * nd - m - pd + 1
                guard df2 > 0 else { throw .insufficientData("too few phase I observations for \(p) variables") }
                let f = FisherF.quantile(1 - alpha, numeratorDegreesOfFreedom: pd, denominatorDegreesOfFreedom: df2)
                phaseIUCL = pd * (m - 1) * (nd - 1) / df2 * f
                phaseIIUCL = pd * (m + 1) * (nd - 1) / df2 * f
                center = pd * (m - 1) * (nd - 1) / df2
                    * FisherF.quantile(0.5, numeratorDegreesOfFreedom: pd, denominatorDegreesOfFreedom: df2)
            }
            for j in block.range {
                let d = (0..<p).map { means[j][$0] - grand[$0] }
                let sd: [Double]
                do { sd = try inverse.multiply(d) } catch { throw .degenerate("T2: \(error)") }
                let t2 = (individual ? 1 : nd) * zip(d, sd).reduce(0) { $0 + $1.0 * $1.1 }
                let phase = layout.phase(j)
                points.append(ChartPoint(subgroup: labels[j], value: t2, center: center, lcl: 0,
                                         ucl: phase == .estimation ? phaseIUCL : phaseIIUCL, sigma: nil,
                                         phase: phase, stage: block.label, size: individual ? 1 : nd))
            }
            stages.append(StageLimits(stage: block.label, center: center, lcl: 0, ucl: phaseIUCL, sigma: nil,
                                      estimationCount: estimation.count))
            lastPhaseIIUCL = phaseIIUCL
        }
        RuleEngine.apply(options.rules(for: .t2), to: &points)
        let parameters: [(String, Double)] = [("alpha", alpha), ("variables", Double(p)),
                                              ("phaseIUCL", stages.last!.ucl!), ("phaseIIUCL", lastPhaseIIUCL)]
        return ControlChart(type: .t2, points: points, stages: stages, parameters: parameters,
                            notes: [individual ? "individual observations: phase I limit from the beta distribution, phase II from F"
                                               : "subgroups of \(n): phase I and phase II limits from F"])
    }

    /// covariance += weight · (x - center)(x - center)ᵀ.
    static func accumulate(_ covariance: inout Matrix, _ x: [Double], _ center: [Double], weight: Double) {
        let p = x.count
        for r in 0..<p {
            for c in 0..<p { covariance[r, c] += weight * (x[r] - center[r]) * (x[c] - center[c]) }
        }
    }
}
