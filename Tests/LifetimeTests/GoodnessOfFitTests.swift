import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime

@Suite struct GoodnessOfFitTests {
    /// With complete data the censored definition reduces to the classical
    /// A^2 = -n - (1/n) sum (2i - 1) [ln F(t_i) + ln(1 - F(t_{n+1-i}))].
    @Test func andersonDarlingCompleteDataIsClassical() throws {
        let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        let t = data.failureTimes.sorted()
        let n = Double(t.count)
        var sum = 0.0
        for i in 0..<t.count {
            sum += Double(2 * i + 1) * (log(fit.model.cdf(t[i])) + log(1 - fit.model.cdf(t[t.count - 1 - i])))
        }
        #expect(relativelyClose(try #require(fit.andersonDarling), -n - sum / n, 1e-10))
        // The sum form (the one the SPC normality test uses) equals the integral form.
        let fromLogs = AndersonDarling.statistic(logCDF: t.map { log(fit.model.cdf($0)) }, logSurvival: t.map { log(1 - fit.model.cdf($0)) })
        #expect(relativelyClose(try #require(fit.andersonDarling), fromLogs, 1e-10))
        #expect(AndersonDarling.statistic(logCDF: [], logSurvival: []).isNaN)
    }

    /// With censoring: the defining integral n * int (F_KM - F)^2 / (F (1 - F)) dF up to F(last time),
    /// evaluated here by the midpoint rule on a fine grid.
    @Test func andersonDarlingCensoredMatchesQuadrature() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let fit = try MaximumLikelihood.fit(.weibull2p, to: data)
        // Kaplan-Meier for this data: 20 at risk, single failures, 10 suspensions at 500 after all failures.
        let failures = data.failureTimes.sorted()
        func km(_ u: Double) -> Double {
            var s = 1.0, atRisk = 20.0
            for t in failures where fit.model.cdf(t) <= u { s *= 1 - 1 / atRisk; atRisk -= 1 }
            return 1 - s
        }
        let end = fit.model.cdf(500)
        let steps = 400_000
        var integral = 0.0
        for k in 0..<steps {
            let u = (Double(k) + 0.5) / Double(steps) * end
            let c = km(u)
            integral += (c - u) * (c - u) / (u * (1 - u))
        }
        integral *= end / Double(steps)
        #expect(relativelyClose(try #require(fit.andersonDarling), 20 * integral, 1e-3))
    }

    @Test func informationCriteria() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        let ll = fit.logLikelihood
        #expect(relativelyClose(fit.aic, 4 - 2 * ll, 1e-15))
        #expect(relativelyClose(fit.aicc, 4 - 2 * ll + 12.0 / 17.0, 1e-15))   // n = 20 units, k = 2
        #expect(relativelyClose(fit.bic, 2 * log(20.0) - 2 * ll, 1e-15))
        #expect(InformationCriteria.aicc(logLikelihood: -1, parameters: 2, sampleSize: 3) == .infinity)
    }

    @Test func rankingPutsFailuresLast() throws {
        var data = LifetimeData()
        try data.addFailure(at: 50, count: 2)
        try data.addSuspension(at: 80, count: 3)
        let analysis = LifetimeAnalysis(data: data, rows: 2)
        #expect(analysis.outcomes.first?.family == .exponential1p)
        #expect(analysis.best?.fit.family == .exponential1p)
        let failed = analysis.outcomes.dropFirst().compactMap { o -> LifetimeFamily? in
            if case let .failed(f, _) = o { return f } else { return nil }
        }
        #expect(failed == [.weibull2p, .lognormal2p])
    }
}
