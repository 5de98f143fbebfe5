import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// The smoothed hazard and the TTT plot against formulas written out here.
@Suite struct ShapeEvidenceTests {
    /// Mueller and Wang's boundary kernel is a kernel of order 2 on [-1, q] for every q: it integrates
    /// to 1 and has mean 0 (what removes the boundary bias).
    @Test(arguments: [0.0, 0.25, 0.5, 0.9, 1.0])
    func boundaryKernelMoments(_ q: Double) {
        let n = 20_000
        var zeroth = 0.0, first = 0.0
        for i in 0..<n {
            let x = -1 + (q + 1) * (Double(i) + 0.5) / Double(n)
            let k = SmoothedHazard.boundaryKernel(x, q: q) * (q + 1) / Double(n)
            zeroth += k
            first += x * k
        }
        #expect(abs(zeroth - 1) < 1e-6)
        #expect(abs(first) < 1e-6)
    }

    /// At an interior point, the estimate is the kernel-weighted sum of Nelson-Aalen increments d/n,
    /// divided by b t: computed here directly for the ball bearings (complete, 23 distinct times).
    @Test func interiorPointIsTheKernelSum() throws {
        let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        let b = 0.4
        let smoothed = try SmoothedHazard(data, bandwidth: b, gridPoints: 11)
        let times = data.failureTimes.sorted()
        let point = smoothed.points[5]                      // the middle of the log range: interior
        let y = log(point.time)
        #expect(y - log(times.first!) > b && log(times.last!) - y > b)
        // Nelson-Aalen increments d/n at each distinct time (the two bearings at 68.64 are one step, 2/n).
        var expected = 0.0
        var i = 0
        while i < times.count {
            var d = 1
            while i + d < times.count && times[i + d] == times[i] { d += 1 }
            let x = (y - log(times[i])) / b
            if abs(x) < 1 { expected += 0.75 * (1 - x * x) / b * Double(d) / Double(times.count - i) }
            i += d
        }
        #expect(relativelyClose(point.hazard, expected / point.time, 1e-12))
    }

    /// Exponential data: the smoothed hazard is near the constant rate across the range.
    @Test func exponentialDataGiveAFlatHazard() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        var data = LifetimeData()
        for _ in 0..<5000 { try data.addFailure(at: RandomVariates.exponential(using: &generator) / 0.01) }
        let smoothed = try SmoothedHazard(data, gridPoints: 21)
        // Away from the sparse upper tail, within 15 % of 0.01, and the pointwise 95 % bounds cover it
        // at most points (neighbouring points share data, so not independently).
        let central = smoothed.points.filter { $0.time > 5 && $0.time < 200 }
        #expect(central.count >= 5)
        var covered = 0
        for p in central {
            #expect(abs(p.hazard / 0.01 - 1) < 0.15)
            if let lo = p.bounds.lower, let hi = p.bounds.upper, lo < 0.01 && 0.01 < hi { covered += 1 }
        }
        #expect(Double(covered) >= 0.7 * Double(central.count))
    }

    /// Complete data: the classical TTT points i/n, (sum_{k<=i} t_(k) + (n - i) t_(i)) / sum t.
    @Test func tttOfCompleteData() throws {
        let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        let ttt = try TotalTimeOnTest(data)
        let t = data.failureTimes.sorted(), n = Double(t.count), total = t.reduce(0, +)
        // The bearings have one tie (two units at 68.64), which Kaplan-Meier merges into one step.
        var points: [(Double, Double)] = []
        var sum = 0.0
        for i in t.indices {
            sum += t[i]
            if i + 1 < t.count && t[i + 1] == t[i] { continue }
            points.append((Double(i + 1) / n, (sum + (n - Double(i + 1)) * t[i]) / total))
        }
        #expect(ttt.points.count == points.count)
        for (p, q) in zip(ttt.points, points) {
            #expect(abs(p.fraction - q.0) < 1e-12)
            #expect(abs(p.scaledTime - q.1) < 1e-12)
        }
    }
}
