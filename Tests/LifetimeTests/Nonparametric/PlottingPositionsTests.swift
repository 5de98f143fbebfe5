import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct PlottingPositionsTests {
    /// F 10, S 20, F 30, F 40, S 50, F 60, F 75, S 80 (N = 8).
    func mixed() throws -> LifetimeData {
        var d = LifetimeData()
        for t in [10.0, 30, 40, 60, 75] { try d.addFailure(at: t) }
        for t in [20.0, 50, 80] { try d.addSuspension(at: t) }
        return d
    }

    // Johnson's increments I = (N + 1 - O_prev) / (1 + n_at_risk), N = 8:
    //   F10: at risk 8: O = 0 + 9/9 = 1
    //   F30: at risk 6: O = 1 + 8/7 = 15/7
    //   F40: at risk 5: O = 15/7 + (48/7)/6 = 23/7        (same increment 8/7: no new suspension)
    //   F60: at risk 3: O = 23/7 + (40/7)/4 = 33/7
    //   F75: at risk 2: O = 33/7 + (30/7)/3 = 43/7
    // Benard F = (O - 0.3) / 8.4. Python reliability 0.9.0 `plotting_positions(failures=[10,30,40,60,75],
    // right_censored=[20,50,80])` gives 0.08333333333333333, 0.21938775510204078, 0.3554421768707483,
    // 0.5255102040816326, 0.6955782312925171.
    @Test func johnsonAdjustedRanksAndBenard() throws {
        let ranks = try PlottingPositions.adjustedRanks(mixed())
        let o = [1.0, 15.0 / 7, 23.0 / 7, 33.0 / 7, 43.0 / 7]
        #expect(ranks.map(\.time) == [10, 30, 40, 60, 75])
        for i in 0..<5 { #expect(relativelyClose(ranks[i].rank, o[i], 1e-15)) }
        let f = try PlottingPositions.compute(mixed(), method: .benard)
        let python = [0.08333333333333333, 0.21938775510204078, 0.3554421768707483, 0.5255102040816326, 0.6955782312925171]
        for i in 0..<5 {
            #expect(relativelyClose(f[i].probability, (o[i] - 0.3) / 8.4, 1e-15))
            #expect(relativelyClose(f[i].probability, python[i], 1e-14))
        }
    }

    // Tied failures get consecutive ranks; a suspension tied with them ranks after them.
    // F 5 (count 2), S 5, F 8 (N = 4): O = 1, 2; then at risk 1: O = 2 + (5 - 2)/2 = 3.5.
    @Test func tiesAndCounts() throws {
        var d = LifetimeData()
        try d.addSuspension(at: 5)
        try d.addFailure(at: 5, count: 2)
        try d.addFailure(at: 8)
        let ranks = try PlottingPositions.adjustedRanks(d)
        #expect(ranks.map(\.time) == [5, 5, 8])
        #expect(ranks.map(\.rank) == [1, 2, 3.5])
        var fractional = LifetimeData()
        try fractional.addFailure(at: 1, count: 1.5)
        #expect(throws: NonparametricError.nonIntegerCount(1.5)) { try PlottingPositions.compute(fractional, method: .benard) }
    }

    // Exact median ranks: the median of Beta(i, N - i + 1). Closed forms for N = 5 complete:
    // Beta(1, 5): 1 - (1 - x)^5 = 1/2 -> x = 1 - 2^(-1/5); Beta(5, 1): x^5 = 1/2 -> x = 2^(-1/5);
    // Beta(3, 3) is symmetric -> 1/2; Beta(2, 4) and Beta(4, 2) are mirror images -> F2 + F4 = 1.
    // Beta(2, 4) median solves 1 - (1-x)^5 - 5x(1-x)^4 = 1/2 (CDF of the 2nd order statistic of 5).
    @Test func exactMedianRanks() throws {
        var d = LifetimeData()
        for t in [1.0, 2, 3, 4, 5] { try d.addFailure(at: t) }
        let f = try PlottingPositions.compute(d, method: .exactMedian).map(\.probability)
        #expect(relativelyClose(f[0], 1 - pow(2, -0.2), 1e-12))
        #expect(relativelyClose(f[4], pow(2, -0.2), 1e-12))
        #expect(close(f[2], 0.5, 1e-14))
        #expect(close(f[1] + f[3], 1, 1e-13))
        let x = f[1]
        let cdf: Double = 1 - pow(1 - x, 5) - 5 * x * pow(1 - x, 4)
        #expect(close(cdf, 0.5, 1e-13))
        // Benard is a good approximation: (2 - 0.3) / 5.4 = 0.3148 vs 0.3138.
        #expect(close(x, 1.7 / 5.4, 2e-3))
    }

    @Test func kaplanMeierPositions() throws {
        let f = try PlottingPositions.compute(smallCase(), method: .kaplanMeier)
        #expect(f.map(\.time) == [3, 7, 11])
        let expected: [Double] = [1 - 7.0 / 8, 1 - 7.0 / 12, 1 - 7.0 / 24]
        for i in 0..<3 { #expect(relativelyClose(f[i].probability, expected[i], 1e-15)) }
    }

    @Test func inspectionDataAreRejected() throws {
        var d = try mixed()
        try d.addLeftCensored(before: 5)
        #expect(throws: NonparametricError.censoringNotSupported(method: "rank-based plotting positions", leftCensored: 1, intervalCensored: 0)) {
            try PlottingPositions.compute(d, method: .benard)
        }
    }
}

/// Turnbull plotting positions for readout data, where ranks do not exist.
@Suite struct TurnbullPlottingPositionsTests {
    /// Disjoint readout intervals and survivors at the last readout: the NPMLE is the cumulative
    /// fraction failed, F(24) = 3/50, F(48) = 8/50, F(96) = 16/50, F(168) = 22/50, F(336) = 26/50.
    @Test func readoutDataGiveTheCumulativeFractions() throws {
        var data = LifetimeData()
        for (a, b, c) in [(0.0, 24.0, 3.0), (24, 48, 5), (48, 96, 8), (96, 168, 6), (168, 336, 4)] {
            if a == 0 { try data.addLeftCensored(before: b, count: c) } else { try data.addInterval(from: a, to: b, count: c) }
        }
        try data.addSuspension(at: 336, count: 24)
        let points = try PlottingPositions.turnbull(data)
        #expect(points.map(\.time) == [24, 48, 96, 168, 336])
        for (point, failed) in zip(points, [3.0, 8, 16, 22, 26]) {
            #expect(abs(point.probability - failed / 50) < 1e-9, "\(point)")
        }
    }

    /// On exact and right-censored data the NPMLE is the Kaplan-Meier estimate.
    @Test func exactDataGiveKaplanMeier() throws {
        let data = lifetimeDataset("shock_absorber.csv")
        let turnbull = try PlottingPositions.turnbull(data)
        let km = try PlottingPositions.compute(data, method: .kaplanMeier)
        #expect(turnbull.map(\.time) == km.map(\.time))
        for (a, b) in zip(turnbull, km) { #expect(abs(a.probability - b.probability) < 1e-8, "\(a) \(b)") }
    }
}
