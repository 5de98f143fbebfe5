import Testing
@testable import SPC

/// Phase II against frozen limits: exactly the points beyond the frozen limits are flagged.
@Suite struct PhaseIIChartTests {
    /// Baseline: piston rings 1-25 (x̄ 73.98805 / 74.01430, R UCL 0.04813). New subgroups of 5 built
    /// around chosen offsets: means at center + k σ/√5 with k = 0, 1, 3.5, -2, -3.2, 0.5, 2.9 and
    /// spreads ±a, ±a/2, 0 (range 2a) with a = 0.01 except subgroup 6 (a = 0.03, range 0.06 >
    /// 0.0481). Expected: x̄ flags subgroups 3 and 5 (|k| > 3), R flags 6; nothing else, and no
    /// point is phase I.
    @Test func frozenXbarRFlagsExactlyTheKnownPoints() throws {
        let baseline = try BaselineResult(.subgroups(BaselineStudyTests.pistonRingsPhaseI()), options: BaselineOptions(chart: .xbarR))
        let limits = baseline.limits
        let sx = limits.charts[0].sigma!
        let ks: [Double] = [0, 1, 3.5, -2, -3.2, 0.5, 2.9]
        let values = ks.enumerated().map { i, k -> [Double] in
            let m = limits.processCenter + k * sx
            let a = i == 5 ? 0.03 : 0.01
            return [m - a, m - a / 2, m, m + a / 2, m + a]
        }
        let data = try SubgroupData(labels: (1...7).map { "N\($0)" }, values: values)
        let charts = try ControlChart.phaseII(.subgroups(data), limits: limits)
        #expect(charts.map(\.type) == [.xbar, .r])
        #expect(charts[0].signalledIndices.map { data.labels[$0] } == ["N3", "N5"])
        #expect(charts[1].signalledIndices.map { data.labels[$0] } == ["N6"])
        #expect(charts.allSatisfy { $0.points.allSatisfy { $0.phase == .monitoring } })
        #expect(charts[0].points.allSatisfy { $0.lcl == limits.charts[0].lcl && $0.ucl == limits.charts[0].ucl })
        #expect(charts[0].stages[0].estimationCount == 25)
    }

    /// A size other than the baseline's: limits from the frozen process parameters, x̄ ± 3σ/√n and
    /// R d2(n)σ ± 3 d3(n)σ, written out here with the library's exact constants for n = 3.
    @Test func otherSizesUseTheProcessParameters() throws {
        let baseline = try BaselineResult(.subgroups(BaselineStudyTests.pistonRingsPhaseI()), options: BaselineOptions(chart: .xbarR))
        let l = baseline.limits
        let data = try SubgroupData(labels: ["a"], values: [[74.0, 74.01, 73.99]])
        let charts = try ControlChart.phaseII(.subgroups(data), limits: l)
        let sigma = l.processSigma!
        #expect(relativelyClose(charts[0].points[0].ucl, l.processCenter + 3 * sigma / 3.0.squareRoot(), 1e-15))
        let d2 = UnbiasingConstants.d2(3), d3 = UnbiasingConstants.d3(3)
        #expect(relativelyClose(charts[1].points[0].ucl, d2 * sigma + 3 * d3 * sigma, 1e-14))
        #expect(charts[1].points[0].lcl == 0)
    }

    /// Orange juice: limits frozen after rounds (p̄ = 281/1350); all 54 samples charted in phase II.
    /// Flagged: exactly the samples with p outside p̄ ± 3√(p̄(1 - p̄)/50), computed here: 15, 21, 23.
    @Test func orangeJuicePhaseII() throws {
        let csv = TestCSV("orange_juice.csv")
        let counts = csv.doubles("nonconforming")
        let baseline = try BaselineResult(.attributes(BaselineStudyTests.orangeJuice()), options: BaselineOptions(chart: .p))
        let data = try AttributeData(labels: csv.strings("sample"), counts: counts, sizes: csv.doubles("size"))
        let chart = try ControlChart.phaseII(.attributes(data), limits: baseline.limits)[0]
        let p = 281.0 / 1350, s = (p * (1 - p) / 50).squareRoot()
        let expected = counts.indices.filter { counts[$0] / 50 > p + 3 * s || counts[$0] / 50 < p - 3 * s }.map { String($0 + 1) }
        #expect(expected == ["15", "21", "23"])
        #expect(chart.signalledIndices.map { data.labels[$0] } == expected)
        // A subgroup of 100 cans gets p̄ ± 3√(p̄(1 - p̄)/100).
        let other = try ControlChart.phaseII(.attributes(AttributeData(counts: [10], sizes: [100])), limits: baseline.limits)[0]
        #expect(relativelyClose(other.points[0].ucl, p + 3 * (p * (1 - p) / 100).squareRoot(), 1e-14))
    }

    @Test func wrongData() throws {
        let baseline = try BaselineResult(.attributes(BaselineStudyTests.orangeJuice()), options: BaselineOptions(chart: .p))
        #expect(throws: SPCError.self) { try ControlChart.phaseII(.individuals(values: [1, 2], labels: ["1", "2"]), limits: baseline.limits) }
    }
}
