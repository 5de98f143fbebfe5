import Testing
@testable import SPC

/// Baseline studies on published phase I data: Montgomery's orange-juice p chart (Example 7.1) and
/// piston rings (Table 6.3, qcc `pistonrings`).
@Suite struct BaselineStudyTests {
    /// Trial samples 1-30 of Montgomery Example 7.1 (n = 50 cans each).
    static func orangeJuice() throws -> AttributeData {
        let csv = TestCSV("orange_juice.csv")
        let phase = csv.strings("phase")
        let keep = phase.indices.filter { phase[$0] == "I" }
        return try AttributeData(labels: keep.map { csv.strings("sample")[$0] }, counts: keep.map { csv.doubles("nonconforming")[$0] },
                             sizes: keep.map { csv.doubles("size")[$0] })
    }

    static func pistonRingsPhaseI() throws -> SubgroupData {
        let csv = TestCSV("piston_rings.csv")
        let phase = csv.strings("phase")
        let rows = phase.indices.filter { phase[$0] == "I" }
        return try SubgroupData(longForm: rows.map { csv.doubles("diameter")[$0] }, subgroups: rows.map { csv.strings("sample")[$0] })
    }

    /// p̄ ± 3√(p̄(1 - p̄)/50), written independently of the library.
    static func pLimits(_ total: Double, _ subgroups: Double) -> (Double, Double, Double) {
        let p = total / (50 * subgroups)
        let s = (p * (1 - p) / 50).squareRoot()
        return (p, p - 3 * s, p + 3 * s)
    }

    /// Montgomery: samples 15 and 23 are out of control on the trial limits (p̄ = 0.2313, UCL 0.4102)
    /// and have assignable causes; without them p̄ = 0.215 and the limits are 0.04070284 / 0.3892972
    /// (qcc: `qcc(D[-c(15, 23)], sizes = 50, type = "p")`).
    ///
    /// relmodel's rounds (test 1) then flag sample 21 (p = 20/50 = 0.40 > 0.3893) in round 2 and
    /// exclude it: a rule cannot know that the engineers found no assignable cause for it. Round 3
    /// (p̄ = 281/1350) has no signal. With `keep: ["21"]` (the engineers' decision recorded in the
    /// study) round 2 is final and gives Montgomery's limits.
    @Test func orangeJuiceRounds() throws {
        let result = try BaselineResult(.attributes(Self.orangeJuice()), options: BaselineOptions(chart: .p))
        #expect(result.rounds.count == 3)
        #expect(result.rounds[0].excluded == ["15", "23"])
        #expect(result.rounds[0].signals.map(\.rules) == [[1], [1]])
        #expect(close(result.rounds[0].limits.charts[0].ucl, 0.4102391, 5e-8))
        let round2 = result.rounds[1].limits.charts[0]
        #expect(close(round2.center, 0.215, 1e-15))
        #expect(close(round2.lcl, 0.04070284, 5e-9))
        #expect(close(round2.ucl, 0.3892972, 5e-8))
        #expect(result.rounds[1].subgroups == 28)
        #expect(result.rounds[1].excluded == ["21"])
        #expect(result.rounds[1].signals[0].value == 0.4)
        #expect(result.rounds[2].signals.isEmpty)
        #expect(result.stop == .stable(round: 3))
        let (p3, lcl3, ucl3) = Self.pLimits(347 - 22 - 24 - 20, 27)
        #expect(relativelyClose(result.limits.processCenter, p3, 1e-14))
        #expect(relativelyClose(result.limits.charts[0].lcl!, lcl3, 1e-13))
        #expect(relativelyClose(result.limits.charts[0].ucl!, ucl3, 1e-13))
        #expect(result.limits.subgroups == 27)
        #expect(result.limits.subgroupSize == 50)
        #expect(result.exclusions.map(\.subgroup) == ["15", "23", "21"])
        #expect(result.exclusions.map(\.round) == [1, 1, 2])
        #expect(result.retained.count == 27)
        #expect(result.checks.normality == nil)
        #expect(result.checks.autocorrelationOf == "proportions")

        let kept = try BaselineResult(.attributes(Self.orangeJuice()), options: BaselineOptions(chart: .p, keep: ["21"]))
        #expect(kept.rounds.count == 2)
        #expect(kept.rounds[1].signals.map(\.action) == [.kept])
        #expect(close(kept.limits.charts[0].lcl, 0.04070284, 5e-9))
        #expect(close(kept.limits.charts[0].ucl, 0.3892972, 5e-8))
        #expect(kept.warnings == [.keptSignals(["21"])])
    }

    /// Stable phase I: no exclusion; the limits are the chart's phase I limits (x̄ 73.98805 / 74.01430
    /// with exact constants, as pinned in OracleChartTests and the CLI tests).
    @Test func pistonRingsStable() throws {
        let data = try Self.pistonRingsPhaseI()
        let result = try BaselineResult(.subgroups(data), options: BaselineOptions(chart: .xbarR))
        #expect(result.rounds.count == 1)
        #expect(result.rounds[0].signals.isEmpty)
        #expect(result.exclusions.isEmpty)
        #expect(result.stop == .stable(round: 1))
        let xbar = result.limits.charts[0]
        #expect(close(xbar.lcl, 73.98805, 5e-6))
        #expect(close(xbar.ucl, 74.01430, 5e-6))
        let pair = try ChartPair.xbarR(data)
        #expect(xbar.center == pair.location.center && xbar.lcl == pair.location.lcl && xbar.ucl == pair.location.ucl)
        #expect(result.limits.charts[1].ucl == pair.dispersion.ucl)
        #expect(result.limits.processSigma == pair.location.sigma)
        #expect(result.limits.subgroupSize == 5)
        // Checks: 125 individual values (A² = 0.19101938332570967 by scipy.stats.anderson) and the
        // lag-1 autocorrelation of the 25 means (r1 = -0.17902331542163263 by numpy, limit 1.96/5).
        #expect(result.checks.normality?.count == 125)
        #expect(relativelyClose(result.checks.normality!.statistic, 0.19101938332570967, 1e-9))
        #expect(relativelyClose(result.checks.autocorrelation!.r1, -0.17902331542163263, 1e-12))
        #expect(result.checks.autocorrelation!.limit == 1.96 / 5)
        #expect(result.warnings.isEmpty)
    }

    /// x̄-R: a subgroup out of control only on the R chart leaves the x̄ estimation too.
    @Test func rangeSignalExcludesFromBoth() throws {
        var values: [[Double]] = []
        for i in 0..<20 { values.append([10, 11, 12, 10.5 + Double(i % 3) * 0.25]) }
        values[7] = [5, 17, 11, 11]   // mean 11 (in control), range 12 (far beyond the R UCL)
        let data = try SubgroupData(labels: (1...20).map(String.init), values: values)
        let result = try BaselineResult(.subgroups(data), options: BaselineOptions(chart: .xbarR))
        #expect(result.rounds[0].signals.map(\.chart) == [.r])
        #expect(result.rounds[0].excluded == ["8"])
        #expect(result.rounds[1].subgroups == 19)
        let without = try SubgroupData(labels: data.labels.filter { $0 != "8" }, values: values.indices.filter { $0 != 7 }.map { values[$0] })
        let pair = try ChartPair.xbarR(without)
        #expect(result.limits.charts[0].ucl == pair.location.ucl)
        #expect(result.limits.processCenter == pair.location.center)
        #expect(result.limits.charts[1].ucl == pair.dispersion.ucl)
    }

    /// I-MR: one outlier makes two large moving ranges; only the outlier is excluded, and both moving
    /// ranges leave the sigma estimate.
    @Test func individualsOutlier() throws {
        var values = (0..<24).map { 10 + Double(($0 * 7) % 5) * 0.2 }
        values[11] = 20
        let labels = (1...24).map(String.init)
        let result = try BaselineResult(.individuals(values: values, labels: labels), options: BaselineOptions(chart: .imr))
        let first = result.rounds[0].signals
        #expect(first.map(\.subgroup) == ["12", "12", "13"])
        #expect(first.map(\.chart) == [.i, .mr, .mr])
        #expect(first.map(\.action) == [.excluded, .explained, .explained])
        #expect(result.rounds[0].excluded == ["12"])
        #expect(result.stop == .stable(round: 2))
        // Sigma from the 21 moving ranges whose window avoids point 12.
        var mrs: [Double] = []
        for i in 1..<24 where i != 11 && i != 12 { mrs.append(abs(values[i] - values[i - 1])) }
        let sigma = mrs.reduce(0, +) / Double(mrs.count) / (2 / Double.pi.squareRoot())
        #expect(relativelyClose(result.limits.processSigma!, sigma, 1e-14))
        let mean = (values.reduce(0, +) - 20) / 23
        #expect(relativelyClose(result.limits.processCenter, mean, 1e-14))
    }

    @Test func tooFewSubgroupsAndMaxRounds() throws {
        // 12 subgroups, 3 of them wildly out: 9 would remain < 10.
        var counts = [Double](repeating: 5, count: 12)
        counts[2] = 5.5; counts[4] = 4.5
        counts[0] = 40; counts[5] = 40; counts[9] = 40
        let data = try AttributeData(counts: counts, sizes: Array(repeating: 50, count: 12))
        #expect(throws: SPCError.insufficientData("round 1 flags subgroups 1, 6, 10; 9 subgroups would remain and a baseline needs at least 10")) {
            try BaselineResult(.attributes(data), options: BaselineOptions(chart: .p, minimumSubgroups: 10))
        }
        #expect(throws: SPCError.insufficientData("8 subgroups; a baseline needs at least 10")) {
            try BaselineResult(.attributes(AttributeData(counts: Array(counts.prefix(8)), sizes: Array(repeating: 50, count: 8))),
                                  options: BaselineOptions(chart: .p))
        }
        // max rounds 1 on the orange juice: not stable, 15 and 23 unresolved, limits of round 1.
        let one = try BaselineResult(.attributes(BaselineStudyTests.orangeJuice()), options: BaselineOptions(chart: .p, maxRounds: 1))
        #expect(one.stop == .maxRounds(1))
        #expect(one.rounds[0].signals.map(\.action) == [.unresolved, .unresolved])
        #expect(one.warnings.first == .notStable(rounds: 1, unresolved: ["15", "23"]))
        #expect(one.exclusions.isEmpty)
        #expect(close(one.limits.charts[0].ucl, 0.4102391, 5e-8))
    }

    @Test func deterministic() throws {
        let a = try BaselineResult(.attributes(Self.orangeJuice()), options: BaselineOptions(chart: .p, rules: .westernElectric))
        let b = try BaselineResult(.attributes(Self.orangeJuice()), options: BaselineOptions(chart: .p, rules: .westernElectric))
        #expect(a == b)
    }
}
