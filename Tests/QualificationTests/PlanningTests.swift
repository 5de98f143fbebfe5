import Qualification
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PlanningTests {
    /// Textbook success-run sample sizes (R, C, f) -> n.
    @Test func successRunSampleSizes() throws {
        #expect(try SuccessRun.sampleSize(reliability: 0.95, confidence: 0.95, failures: 0) == 59)
        #expect(try SuccessRun.sampleSize(reliability: 0.95, confidence: 0.95, failures: 1) == 93)
        #expect(try SuccessRun.sampleSize(reliability: 0.90, confidence: 0.90, failures: 0) == 22)
        #expect(try SuccessRun.sampleSize(reliability: 0.99, confidence: 0.90, failures: 0) == 230)
    }

    /// The boundary is exact: with f = 1 the binomial sum at n and n - 1 straddles 1 - C, computed here.
    @Test func successRunBoundaryIsTheBinomialSum() throws {
        func tail(_ n: Int) -> Double { pow(0.95, Double(n)) + Double(n) * 0.05 * pow(0.95, Double(n - 1)) }
        #expect(tail(93) <= 0.05 && tail(92) > 0.05)
        // R^n = 1 - C exactly at n = 2 (R = 0.5, C = 0.75): no bump to 3 from rounding.
        #expect(try SuccessRun.sampleSize(reliability: 0.5, confidence: 0.75) == 2)
        #expect(throws: QualificationError.self) { try SuccessRun.sampleSize(reliability: 1, confidence: 0.9) }
    }

    /// LTPD with zero failures has the closed form 1 - (1 - C)^(1/n); the JESD22 classic: 0 failures
    /// in 231 units demonstrates LTPD 1% at 90% confidence (0.99 percent).
    @Test func ltpd() throws {
        let p = try LotTolerance.demonstratedLTPD(units: 231, failures: 0, confidence: 0.9)
        #expect(abs(p - (1 - pow(0.1, 1.0 / 231))) < 1e-9)
        #expect(matchesPrinted(p * 100, 0.99, unit: 0.01))
        #expect(abs(try SuccessRun.demonstratedReliability(units: 22, failures: 0, confidence: 0.9) - pow(0.1, 1.0 / 22)) < 1e-9)
        #expect(throws: QualificationError.self) { try LotTolerance.demonstratedLTPD(units: 5, failures: 6, confidence: 0.9) }
    }

    /// Exponential test: 0 failures at 60% needs MTTF * 1.833 / 2 device-hours; Weibayes with shape 1
    /// reduces to it, and with f = 0 to t_m (ln(1 - C) / (n ln R))^(1/beta).
    @Test func lifeTests() throws {
        let t = try LifeTestPlan.exponentialTestHours(mttf: 1e6, confidence: 0.6)
        #expect(abs(t - 1e6 * -log(0.4)) < 1e-6)
        let w = try LifeTestPlan.weibayesTestTime(units: 20, reliability: 0.9, missionTime: 1000, shape: 2, confidence: 0.9)
        #expect(abs(w - 1000 * (log(0.1) / (20 * log(0.9))).squareRoot()) < 1e-9 * w)
        let w1 = try LifeTestPlan.weibayesTestTime(units: 10, reliability: 0.9, missionTime: 100, shape: 1, confidence: 0.9, failures: 2)
        #expect(abs(w1 - 10.645 / (2 * 10 * -log(0.9)) * 100) < 0.0005 / (2 * 10 * -log(0.9)) * 100)
    }

    /// JESD74-style ELFR: 0 failures in 3000 units at 60%: chi2 / 2N = 305.4 ppm; exact bound
    /// 1 - 0.4^(1/3000).
    @Test func earlyLifeFailureRate() throws {
        let e = try EarlyLifeFailureRate(units: 3000, failures: 0, confidence: 0.6, hours: 48, accelerationFactor: 50)
        #expect(abs(e.ppmChiSquare - -log(0.4) / 3000 * 1e6) < 1e-6)
        #expect(abs(e.ppmExact - (1 - pow(0.4, 1.0 / 3000)) * 1e6) < 1e-3)
        #expect(abs(e.fit! - -log(0.4) / (2 * 3000 * 48 * 50) * 2e9) < 1e-6)
    }
}
