import Testing
import RelmodelNumerics
@testable import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Charts checked against independent computations written here (formulas stated per test).
@Suite("Charts against independent computations")
struct IndependentChartTests {
    /// u chart: ū = Σc/Σn, limits ū ± 3√(ū/n_i), LCL clamped at 0.
    @Test("u chart with variable sizes gives stepped limits")
    func uChart() throws {
        let counts = [3.0, 5, 2, 8, 4], sizes = [1.0, 2, 1.5, 2.5, 1]
        let chart = try ControlChart.u(AttributeData(counts: counts, sizes: sizes))
        let ubar = 22.0 / 8.0
        #expect(abs(chart.center - ubar) < 1e-15)
        #expect(chart.lcl == nil && chart.ucl == nil)   // stepped
        for (i, p) in chart.points.enumerated() {
            let half = 3 * (ubar / sizes[i]).squareRoot()
            #expect(abs(p.value - counts[i] / sizes[i]) < 1e-15)
            #expect(abs(p.ucl - (ubar + half)) < 1e-14)
            #expect(abs(p.lcl - max(0, ubar - half)) < 1e-14)
        }
    }

    /// Laney p': z_i = (p_i - p̄)/√(p̄(1-p̄)/n_i), σ_z = mean|z_i - z_{i-1}| / (2/√π),
    /// limits p̄ ± 3 √(p̄(1-p̄)/n_i) σ_z.
    @Test("Laney p' chart")
    func laneyP() throws {
        let counts = [120.0, 95, 140, 110, 160, 100], sizes = [1000.0, 900, 1100, 1000, 1200, 950]
        let chart = try ControlChart.laneyP(AttributeData(counts: counts, sizes: sizes))
        let pbar = counts.reduce(0, +) / sizes.reduce(0, +)
        let sig = sizes.map { (pbar * (1 - pbar) / $0).squareRoot() }
        let z = (0..<6).map { (counts[$0] / sizes[$0] - pbar) / sig[$0] }
        let mr = (1..<6).map { abs(z[$0] - z[$0 - 1]) }.reduce(0, +) / 5
        let sigmaZ = mr / (2 / Double.pi.squareRoot())
        for i in 0..<6 {
            #expect(abs(chart.points[i].ucl - (pbar + 3 * sig[i] * sigmaZ)) < 1e-14)
            #expect(abs(chart.points[i].lcl - max(0, pbar - 3 * sig[i] * sigmaZ)) < 1e-14)
        }
        // Laney u' with the Poisson sigma √(ū/n_i).
        let u = try ControlChart.laneyU(AttributeData(counts: counts, sizes: sizes))
        let ubar = pbar
        let sigU = sizes.map { (ubar / $0).squareRoot() }
        let zu = (0..<6).map { (counts[$0] / sizes[$0] - ubar) / sigU[$0] }
        let sigmaZU = (1..<6).map { abs(zu[$0] - zu[$0 - 1]) }.reduce(0, +) / 5 / (2 / Double.pi.squareRoot())
        #expect(abs(u.points[2].ucl - (ubar + 3 * sigU[2] * sigmaZU)) < 1e-14)
    }

    /// g chart, geometric probability limits: p̂ = 1/(ḡ + 1), quantile(q) = ln(1 - q)/ln(1 - p̂) - 1,
    /// CL at q = 0.5, UCL at q = 1 - α/2, LCL at q = α/2, α = 2(1 - Φ(3)) = 0.00269979606326019.
    @Test("g chart probability and 3-sigma limits")
    func gChart() throws {
        let g = [5.0, 12, 3, 20, 8]
        let chart = try ControlChart.g(g)
        let mean = 9.6, phat = 1 / (mean + 1), alpha = 0.00269979606326019
        func q(_ x: Double) -> Double { log(1 - x) / log(1 - phat) - 1 }
        #expect(relativelyClose(chart.center, q(0.5), 1e-12))
        #expect(relativelyClose(chart.ucl!, q(1 - alpha / 2), 1e-9))
        #expect(chart.lcl == 0)   // q(α/2) < 0
        let sigma = try ControlChart.g(g, limits: .threeSigma)
        #expect(relativelyClose(sigma.ucl!, mean + 3 * (mean * (mean + 1)).squareRoot(), 1e-14))
    }

    static let bivariate: [[Double]] = [
        [10.1, 20.3], [9.8, 19.7], [10.4, 20.9], [10.0, 20.1], [9.7, 19.2], [10.3, 20.4],
        [10.2, 20.8], [9.9, 19.9], [10.5, 21.0], [9.6, 19.5], [10.0, 19.8], [10.2, 20.2],
    ]

    /// T² for individuals: T² = d' S⁻¹ d with the 2×2 inverse written out; the phase I UCL is the
    /// (1 - α) quantile of (m-1)²/m · Beta(p/2, (m-p-1)/2), checked through the regularized beta
    /// function; phase II UCL p(m+1)(m-1)/(m(m-p)) F(p, m-p), checked through the F CDF.
    @Test("Hotelling T² for individuals")
    func t2Individuals() throws {
        let x = Self.bivariate
        let phaseI = (0..<12).map { $0 < 10 }
        let chart = try HotellingT2.individuals(x, options: ChartOptions(phaseI: phaseI))
        let m = 10.0, p = 2.0
        let mean = (0..<2).map { v in x.prefix(10).reduce(0) { $0 + $1[v] } / m }
        var s = [[0.0, 0.0], [0.0, 0.0]]
        for row in x.prefix(10) {
            for a in 0..<2 { for b in 0..<2 { s[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / (m - 1) } }
        }
        let det = s[0][0] * s[1][1] - s[0][1] * s[1][0]
        let inv = [[s[1][1] / det, -s[0][1] / det], [-s[1][0] / det, s[0][0] / det]]
        for (i, row) in x.enumerated() {
            let d = [row[0] - mean[0], row[1] - mean[1]]
            let t2 = d[0] * (inv[0][0] * d[0] + inv[0][1] * d[1]) + d[1] * (inv[1][0] * d[0] + inv[1][1] * d[1])
            #expect(relativelyClose(chart.points[i].value, t2, 1e-10))
        }
        let alpha = 0.00269979606326019
        let ucl1 = chart.points[0].ucl
        #expect(abs(regularizedBeta(ucl1 * m / ((m - 1) * (m - 1)), p / 2, (m - p - 1) / 2) - (1 - alpha)) < 1e-9)
        let ucl2 = chart.points[11].ucl
        let f = ucl2 * m * (m - p) / (p * (m + 1) * (m - 1))
        #expect(abs(regularizedBeta(p * f / (p * f + m - p), p / 2, (m - p) / 2) - (1 - alpha)) < 1e-9)
        #expect(chart.points[11].phase == .monitoring)
    }

    /// Subgrouped T²: T² = n (x̄_j - x̿)' S_p⁻¹ (x̄_j - x̿), S_p the mean of the subgroup covariances;
    /// phase I UCL = p(m-1)(n-1)/(mn-m-p+1) F(p, mn-m-p+1), checked through the F CDF.
    @Test("Hotelling T² for subgroups")
    func t2Subgroups() throws {
        let x = Self.bivariate
        let groups = stride(from: 0, to: 12, by: 3).map { Array(x[$0..<$0 + 3]) }
        let chart = try HotellingT2.subgroups(groups)
        let m = 4.0, n = 3.0, p = 2.0
        let means = groups.map { g in (0..<2).map { v in g.reduce(0) { $0 + $1[v] } / n } }
        let grand = (0..<2).map { v in means.reduce(0) { $0 + $1[v] } / m }
        var s = [[0.0, 0.0], [0.0, 0.0]]
        for (g, mu) in zip(groups, means) {
            for row in g { for a in 0..<2 { for b in 0..<2 { s[a][b] += (row[a] - mu[a]) * (row[b] - mu[b]) / ((n - 1) * m) } } }
        }
        let det = s[0][0] * s[1][1] - s[0][1] * s[1][0]
        for (j, mu) in means.enumerated() {
            let d = [mu[0] - grand[0], mu[1] - grand[1]]
            let t2 = n * (d[0] * d[0] * s[1][1] - 2 * d[0] * d[1] * s[0][1] + d[1] * d[1] * s[0][0]) / det
            #expect(relativelyClose(chart.points[j].value, t2, 1e-10))
        }
        let df2 = m * n - m - p + 1
        let f = chart.ucl! * df2 / (p * (m - 1) * (n - 1))
        #expect(abs(regularizedBeta(p * f / (p * f + df2), p / 2, df2 / 2) - (1 - 0.00269979606326019)) < 1e-9)
    }

    @Test("EWMA exact limits widen to the asymptotic ones")
    func ewmaLimits() throws {
        let chart = try ControlChart.ewma([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map { _ in 0.0 },
                                                lambda: 0.2, target: 0, sigma: 1)
        // σ_z,1 = λ σ: the first limit is L λ σ = 0.6.
        #expect(abs(chart.points[0].ucl - 0.6) < 1e-14)
        #expect(abs(chart.points.last!.ucl - 3 * (0.2 / 1.8).squareRoot()) < 1e-6)
    }

    @Test("CUSUM head start and lower side")
    func cusumHeadStart() throws {
        let chart = try ControlChart.cusum([8, 8, 8], target: 10, sigma: 1, k: 0.5, h: 4, headStart: 2)
        // C⁻: 2 + 9.5 - 8 = 3.5, then 5.0 > 4 → signal, then 6.5.
        #expect(chart.points.map { $0.lowerValue! } == [-3.5, -5, -6.5])
        #expect(chart.signalledIndices == [1, 2])
    }

    /// Stages: each stage gets its own limits from its own data.
    @Test("stages each get their own limits")
    func stagesOwnLimits() throws {
        let values = [10.0, 11, 10.5, 10.2, 10.8, 20, 21, 20.5, 20.2, 20.8]
        let stages = values.indices.map { $0 < 5 ? "before" : "after" }
        let pair = try ChartPair.individuals(values, options: ChartOptions(stages: stages))
        #expect(pair.location.stages.count == 2)
        #expect(abs(pair.location.stages[0].center - 10.5) < 1e-12)
        #expect(abs(pair.location.stages[1].center - 20.5) < 1e-12)
        // The jump between stages is not a moving range of either stage.
        #expect(pair.dispersion.points.count == 8)
        #expect(pair.location.signalledIndices.isEmpty)
    }

    /// Pooled sigma with Minitab's c4(d + 1): s_p = √(Σ(n_i-1)s_i²/d); here d = 4 so c4(5).
    @Test("sigma estimators")
    func sigmaEstimators() throws {
        let groups: [[Double]] = [[1, 2, 4], [2, 3, 7]]
        let s1 = (7.0 / 3).squareRoot(), s2 = 7.0.squareRoot()
        let pooled = try SigmaEstimators.withinSigma(groups, method: .pooled)
        #expect(relativelyClose(pooled, ((2 * s1 * s1 + 2 * s2 * s2) / 4).squareRoot() / UnbiasingConstants.c4(5), 1e-13))
        let sbar = try SigmaEstimators.withinSigma(groups, method: .sBar)
        #expect(relativelyClose(sbar, (s1 + s2) / 2 / UnbiasingConstants.c4(3), 1e-13))
        let rbar = try SigmaEstimators.withinSigma(groups, method: .rBar, constants: .table)
        #expect(relativelyClose(rbar, 4 / 1.693, 1e-15))
        let mvlue = try SigmaEstimators.withinSigma(groups, method: .mvlueR)
        #expect(relativelyClose(mvlue, 4 / UnbiasingConstants.d2(3), 1e-13))   // equal sizes: R̄/d2
        #expect(throws: SPCError.self) { _ = try SigmaEstimators.withinSigma([[1.0]], method: .rBar) }
        let mr = try SigmaEstimators.movingRangeSigma([1, 4, 2, 8], span: 3)
        #expect(relativelyClose(mr, 4.5 / UnbiasingConstants.d2(3), 1e-13))   // windows [1,4,2] and [4,2,8]: ranges 3 and 6
    }

    /// Lognormal MLE has a closed form (μ = mean ln x, σ² = mean (ln x - μ)²), so the ISO
    /// percentile indices can be computed here: X_q = exp(μ + σ z_q).
    @Test("non-normal capability by the ISO percentile method (lognormal)")
    func percentileCapability() throws {
        let x = [2.1, 3.4, 1.8, 5.2, 2.9, 4.4, 2.2, 3.1, 6.0, 2.6, 3.8, 2.4]
        let cap = try PercentileCapability(x, family: .lognormal2p, specification: Specification(lsl: 0.5, usl: 15))
        let logs = x.map { log($0) }
        let mu = logs.reduce(0, +) / 12
        let sigma = (logs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / 12).squareRoot()
        let zq = StandardNormal.quantile(0.99865)
        let low = exp(mu - sigma * zq), med = exp(mu), high = exp(mu + sigma * zq)
        #expect(relativelyClose(cap.pp!, 14.5 / (high - low), 1e-6))
        #expect(relativelyClose(cap.ppk, min((15 - med) / (high - med), (med - 0.5) / (med - low)), 1e-6))
        #expect(relativelyClose(cap.expected.belowLSL, StandardNormal.cdf((log(0.5) - mu) / sigma) * 1e6, 1e-5))
    }
}
