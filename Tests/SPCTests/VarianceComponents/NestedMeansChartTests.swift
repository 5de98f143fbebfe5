import Testing
@testable import SPC

/// Charts of a level's means with limits from the variance components (`NestedMeansChart`).
@Suite struct NestedMeansChartTests {
    /// Pastes, balanced: a cask mean has variance batch + cask + residual/2, a batch mean
    /// batch + cask/3 + residual/6 (REML components 1.657309, 8.433667, 0.678).
    @Test func pastesBalanced() throws {
        let sample = try NestedComponentsOracleTests.pastes()
        let fit = try NestedREML.fit(sample, intervals: false)
        let v = fit.components
        let casks = try NestedMeansChart.chart(sample, level: 1, components: v, center: fit.mean)
        #expect(casks.points.count == 30)
        #expect(abs(casks.sigma! - (v[0] + v[1] + v[2] / 2).squareRoot()) < 1e-12)
        #expect(abs(casks.ucl! - (fit.mean + 3 * casks.sigma!)) < 1e-9)
        #expect(casks.points[0].subgroup == "A/a")
        let batches = try NestedMeansChart.chart(sample, level: 0, components: v, center: fit.mean)
        #expect(abs(batches.sigma! - (v[0] + v[1] / 3 + v[2] / 6).squareRoot()) < 1e-12)
        // The batch means themselves, from the raw file.
        let csv = TestCSV("pastes_nested.csv")
        let strengths = csv.doubles("strength"), labels = csv.strings("batch")
        let a = zip(strengths, labels).filter { $0.1 == "A" }.map(\.0)
        #expect(abs(batches.points[0].value - a.reduce(0, +) / Double(a.count)) < 1e-12)
    }

    /// EP05-A2 unbalanced: each day mean's variance from the day's own counts, computed here from the
    /// raw rows: day + run (sum over its runs of n_run^2) / n_day^2 + error / n_day.
    @Test func unbalancedPerPointLimits() throws {
        let sample = try NestedComponentsOracleTests.ep05(unbalanced: true)
        let v = [0.3, 0.9, 2.0]
        let chart = try NestedMeansChart.chart(sample, level: 0, components: v, center: 25)
        #expect(chart.lcl == nil && chart.ucl == nil)
        let csv = TestCSV("vca_ep05a2_1.csv")
        let deleted: Set<String> = ["11", "12", "17", "37", "45", "56", "57", "68"]
        var runs: [String: [String: Int]] = [:]
        for (row, (day, run)) in zip(csv.strings("rownum"), zip(csv.strings("day"), csv.strings("run"))) where !deleted.contains(row) {
            runs[day, default: [:]][run, default: 0] += 1
        }
        for point in chart.points {
            let counts = runs[point.subgroup]!.values.map(Double.init)
            let n = counts.reduce(0, +)
            let expected = (v[0] + v[1] * counts.reduce(0) { $0 + $1 * $1 } / (n * n) + v[2] / n).squareRoot()
            #expect(abs(point.sigma! - expected) < 1e-12, "day \(point.subgroup)")
            #expect(abs(point.ucl - (25 + 3 * expected)) < 1e-12)
        }
    }

    /// The residual level is not a chart level; components must match the levels.
    @Test func invalidLevels() throws {
        let sample = try NestedComponentsOracleTests.pastes()
        #expect(throws: SPCError.self) { try NestedMeansChart.chart(sample, level: 2, components: [1, 1, 1], center: 0) }
        #expect(throws: SPCError.self) { try NestedMeansChart.chart(sample, level: 0, components: [1, 1], center: 0) }
    }
}
