import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct TurnbullTests {
    /// Readout data: 2 failures in (0, 168], 3 in (168, 500], 4 in (500, 1000], 991 survivors at 1000 h.
    func readout() throws -> LifetimeData {
        var d = LifetimeData()
        try d.addInterval(from: 0, to: 168, count: 2)      // stored as left-censored at 168
        try d.addInterval(from: 168, to: 500, count: 3)
        try d.addInterval(from: 500, to: 1000, count: 4)
        try d.addSuspension(at: 1000, count: 991)
        return d
    }

    // Non-overlapping intervals: each observation covers exactly one innermost interval, so the NPMLE is
    // the empirical fraction in each, 2/1000, 3/1000, 4/1000 and 991/1000 beyond 1000 h. From the
    // uniform start, one self-consistency step p_j <- p_j (w_j / p_j) / N lands on it; the second
    // changes nothing, so the iteration stops after exactly 2 iterations.
    @Test func readoutClosedForm() throws {
        let t = try Turnbull(readout())
        #expect(t.intervals.map(\.lower) == [0, 168, 500, 1000])
        #expect(t.intervals.map(\.upper) == [168, 500, 1000, .infinity])
        let masses = [0.002, 0.003, 0.004, 0.991]
        let survival = [0.998, 0.995, 0.991, 0]
        for j in 0..<4 {
            #expect(close(t.intervals[j].mass, masses[j], 1e-15))
            #expect(close(t.intervals[j].survivalAfter, survival[j], 1e-15))
            #expect(!t.intervals[j].isPoint)
        }
        #expect(t.converged)
        #expect(t.iterations == 2)
        #expect(t.unitCount == 1000)
        #expect(abs(t.kktExcess) < 1e-12)
        // log L = sum w log p = 2 ln 0.002 + 3 ln 0.003 + 4 ln 0.004 + 991 ln 0.991.
        let ll = 2 * log(0.002) + 3 * log(0.003) + 4 * log(0.004) + 991 * log(0.991)
        #expect(relativelyClose(t.logLikelihood, ll, 1e-12))
    }

    // Overlapping intervals: (0, 2] x2, (1, 3] x3, (2, 4] x1, right-censored at 3 x2 (N = 8).
    // Ends in order: (0 (1 2] (2 3] (3 4] inf, so the innermost intervals are I1 = (1, 2], I2 = (2, 3],
    // I3 = (3, 4]. Membership: (0,2] -> I1; (1,3] -> I1, I2; (2,4] -> I2, I3; (3,inf) -> I3.
    // Log-likelihood 2 ln p1 + 3 ln(p1 + p2) + ln(p2 + p3) + 2 ln p3. Try p2 = 0: 5 ln p1 + 3 ln p3 with
    // p1 + p3 = 1 gives p1 = 5/8, p3 = 3/8. Self-consistency / Kuhn-Tucker check with
    // D_j = sum_i w_i alpha_ij / P_i (must be N = 8 where p_j > 0 and <= 8 where p_j = 0):
    //   D1 = 2/p1 + 3/(p1 + p2) = 16/5 + 24/5 = 8;  D3 = 1/(p2 + p3) + 2/p3 = 8/3 + 16/3 = 8;
    //   D2 = 3/(p1 + p2) + 1/(p2 + p3) = 24/5 + 8/3 = 112/15 = 7.47 < 8.
    // So (5/8, 0, 3/8) is the NPMLE; EM shrinks p2 by about D2/N = 14/15 per iteration (linear rate).
    @Test func overlappingIntervalsByHand() throws {
        var d = LifetimeData()
        try d.addInterval(from: 0, to: 2, count: 2)
        try d.addInterval(from: 1, to: 3, count: 3)
        try d.addInterval(from: 2, to: 4, count: 1)
        try d.addSuspension(at: 3, count: 2)
        let t = try Turnbull(d, tolerance: 1e-12)
        #expect(t.intervals.map(\.lower) == [1, 2, 3])
        #expect(t.intervals.map(\.upper) == [2, 3, 4])
        #expect(t.converged)
        // Rate 14/15: the distance to the solution is about tolerance * 15 = 1.5e-11.
        #expect(close(t.intervals[0].mass, 5.0 / 8, 1e-10))
        #expect(close(t.intervals[1].mass, 0, 1e-10))
        #expect(close(t.intervals[2].mass, 3.0 / 8, 1e-10))
        #expect(close(t.intervals[0].survivalAfter, 3.0 / 8, 1e-10))
        #expect(abs(t.kktExcess) < 1e-9)
        #expect(t.iterations > 100)   // log(1e-12) / log(14/15) ~ 400: many iterations, none hidden
        #expect(relativelyClose(t.logLikelihood, 5 * log(5.0 / 8) + 3 * log(3.0 / 8), 1e-9))
    }

    @Test func iterationLimitIsReportedNotHidden() throws {
        var d = LifetimeData()
        try d.addInterval(from: 0, to: 2, count: 2)
        try d.addInterval(from: 1, to: 3, count: 3)
        try d.addInterval(from: 2, to: 4, count: 1)
        try d.addSuspension(at: 3, count: 2)
        let t = try Turnbull(d, maxIterations: 5)
        #expect(!t.converged)
        #expect(t.iterations == 5)
        #expect(t.lastChange > t.tolerance)
    }

    // Exact and right-censored data only: the NPMLE is Kaplan-Meier. Small case (see KaplanMeierTests):
    // jumps 1 - 7/8 = 1/8 at 3, 7/8 - 7/12 = 7/24 at 7, 7/12 - 7/24 = 7/24 at 11, and the remaining 7/24
    // beyond the last suspension (12, inf). The failures at 7 are points {7}; the suspension tied at 7
    // is (7, inf), so it does not cover {7}: failures before suspensions, as in Kaplan-Meier.
    @Test func exactAndRightCensoredGiveKaplanMeier() throws {
        let t = try Turnbull(smallCase(), tolerance: 1e-13)
        #expect(t.intervals.map(\.lower) == [3, 7, 11, 12])
        #expect(t.intervals.map(\.isPoint) == [true, true, true, false])
        let masses = [1.0 / 8, 7.0 / 24, 7.0 / 24, 7.0 / 24]
        for j in 0..<4 { #expect(close(t.intervals[j].mass, masses[j], 1e-10)) }
        let km = try KaplanMeier(smallCase())
        for j in 0..<3 { #expect(close(t.intervals[j].survivalAfter, km.steps[j].survival, 1e-10)) }
        #expect(t.converged)
    }

    // An exact failure inside an interval: {2} and (1, 3]. Ends: (1 [2 2] 3], so the only innermost
    // interval is the point {2}, with all the mass.
    @Test func exactFailureInsideAnInterval() throws {
        var d = LifetimeData()
        try d.addFailure(at: 2)
        try d.addInterval(from: 1, to: 3)
        let t = try Turnbull(d)
        #expect(t.intervals.count == 1)
        #expect(t.intervals[0].isPoint && t.intervals[0].lower == 2)
        #expect(t.intervals[0].mass == 1)
    }

    @Test func emptyDataAreRejected() {
        #expect(throws: NonparametricError.noUnits) { try Turnbull(LifetimeData()) }
    }
}
