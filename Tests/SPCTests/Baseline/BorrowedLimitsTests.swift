import Testing
@testable import SPC

/// Pooling a within sigma over related baselines (`BorrowedLimits`).
@Suite struct BorrowedLimitsTests {
    static func frozen(_ chart: BaselineChart, sigma: Double, subgroups: Int, size: Double?, center: Double = 10) -> FrozenLimits {
        FrozenLimits(chart: chart, constants: .exact, sigmaMultiplier: 3, sigmaMethod: chart == .imr ? nil : .rBar,
                     span: chart == .imr ? 2 : nil, subgroupSize: size, processCenter: center, processSigma: sigma,
                     charts: chart.chartTypes.map { FrozenChartLimits(type: $0, center: nil, lcl: nil, ucl: nil, sigma: nil) },
                     subgroups: subgroups)
    }

    /// x-bar baselines weigh by subgroups x (n - 1), I-MR by subgroups - 1.
    @Test func weights() throws {
        let xbar = try BorrowedLimits.pooledSigma([Self.frozen(.xbarR, sigma: 1, subgroups: 20, size: 5),
                                                   Self.frozen(.xbarR, sigma: 2, subgroups: 5, size: 5)])
        #expect(xbar.degreesOfFreedom == 100)
        #expect(abs(xbar.sigma - ((80 * 1 + 20 * 4) / 100.0).squareRoot()) < 1e-15)
        let imr = try BorrowedLimits.pooledSigma([Self.frozen(.imr, sigma: 1, subgroups: 31, size: 1),
                                                  Self.frozen(.imr, sigma: 3, subgroups: 11, size: 1)])
        #expect(imr.degreesOfFreedom == 40)
        #expect(abs(imr.sigma - ((30 + 10 * 9) / 40.0).squareRoot()) < 1e-15)
    }

    /// The limits keep the context's center; I-MR limits from the pooled sigma.
    @Test func individualsLimits() throws {
        let own = Self.frozen(.imr, sigma: 1.5, subgroups: 8, size: 1, center: 42)
        let limits = try BorrowedLimits.limits(own, sigma: 2)
        let i = try #require(limits.charts.first { $0.type == .i })
        #expect(i.center == 42 && i.lcl == 36 && i.ucl == 48)
        let mr = try #require(limits.charts.first { $0.type == .mr })
        #expect(abs(mr.center! - 1.128379167095513 * 2) < 1e-12)
    }

    @Test func attributeChartsDoNotPool() {
        #expect(throws: SPCError.self) {
            try BorrowedLimits.pooledSigma([FrozenLimits(chart: .p, constants: .exact, sigmaMultiplier: 3, sigmaMethod: nil, span: nil,
                                                         subgroupSize: 50, processCenter: 0.1, processSigma: nil, charts: [], subgroups: 20)])
        }
    }
}
