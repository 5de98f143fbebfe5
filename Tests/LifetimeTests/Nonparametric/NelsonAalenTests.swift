import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct NelsonAalenTests {
    // Same small case as Kaplan-Meier (n = 8, 6, 2 at risk; d = 1, 2, 1), by hand:
    //   H = 1/8;  1/8 + 2/6 = 11/24;  11/24 + 1/2 = 23/24
    //   Var H = sum d / n^2 = 1/64;  1/64 + 2/36 = 41/576;  41/576 + 1/4 = 185/576
    //   log-transformed bounds H exp(-/+ z SE / H); survival exp(-H), bounds exp(-upper), exp(-lower).
    @Test func cumulativeHazardByHand() throws {
        let na = try NelsonAalen(smallCase())
        #expect(na.steps.map(\.time) == [3, 7, 11])
        #expect(na.steps.map(\.atRisk) == [8, 6, 2])
        let h = [1.0 / 8, 11.0 / 24, 23.0 / 24]
        let v = [1.0 / 64, 41.0 / 576, 185.0 / 576]
        for j in 0..<3 {
            let step = na.steps[j]
            #expect(relativelyClose(step.cumulativeHazard, h[j], 1e-15))
            #expect(relativelyClose(step.standardError, v[j].squareRoot(), 1e-15))
            let factor = exp(z975 * v[j].squareRoot() / h[j])
            #expect(relativelyClose(try #require(step.bounds.lower), h[j] / factor, 1e-13))
            #expect(relativelyClose(try #require(step.bounds.upper), h[j] * factor, 1e-13))
            #expect(relativelyClose(step.survival, exp(-h[j]), 1e-15))
            #expect(relativelyClose(try #require(step.survivalBounds.lower), exp(-h[j] * factor), 1e-13))
            #expect(relativelyClose(try #require(step.survivalBounds.upper), exp(-h[j] / factor), 1e-13))
        }
        // Written out at t = 3: SE = 1/8 = H, so the bounds are H e^-z = 0.125 * 0.1408635 = 0.0176079
        // and H e^z = 0.125 * 7.099071 = 0.887384.
        #expect(close(try #require(na.steps[0].bounds.lower), 0.0176079, 5e-8))
        #expect(close(try #require(na.steps[0].bounds.upper), 0.887384, 5e-7))
        #expect(na.cumulativeHazard(at: 2) == 0)
        #expect(na.cumulativeHazard(at: 8) == 11.0 / 24)
    }

    // exp(-H) >= Kaplan-Meier at every time (1 - x <= e^-x for each factor).
    @Test func survivalIsAtLeastKaplanMeier() throws {
        let data = try smallCase()
        let na = try NelsonAalen(data), km = try KaplanMeier(data)
        for (a, b) in zip(na.steps, km.steps) { #expect(a.survival >= b.survival) }
    }

    @Test func intervalDataAreRejected() throws {
        var d = try smallCase()
        try d.addInterval(from: 1, to: 2, count: 3)
        #expect(throws: NonparametricError.censoringNotSupported(method: "Nelson-Aalen", leftCensored: 0, intervalCensored: 3)) {
            try NelsonAalen(d)
        }
    }
}
