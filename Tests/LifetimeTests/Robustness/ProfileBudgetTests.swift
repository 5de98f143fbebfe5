import Testing
@testable import Lifetime
import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#endif

/// Issue 10, item 2: likelihood-ratio profiles end within a budget, report open and not-computed ends
/// in words, and never print a bound measured from a point that is not the maximum.
@Suite struct ProfileBudgetTests {
    let bearings = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
    let gehan = lifetimeDataset("gehan_6mp_leukaemia.csv")
    let nist = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    @Test func aSpentBudgetIsReportedNotGuessed() throws {
        let fit = try MaximumLikelihood.fit(.weibull3p, to: bearings)
        #expect(!fit.diagnostics.degenerate)
        let bounds = fit.parameterBounds(.lr, confidence: 0.95, budget: ProfileBudget(evaluations: 30, seconds: nil))
        for interval in bounds {
            #expect(interval.lower == nil && interval.upper == nil)
            #expect(interval.notes.count == 2)
            #expect(interval.notes.allSatisfy { $0.contains("not computed: the budget of 30 evaluations was spent") })
        }
        // The standard budget computes them, except eta's lower end (next test).
        let full = fit.parameterBounds(.lr, confidence: 0.95)
        #expect(full[1].lower != nil && full[1].upper != nil && full[2].lower != nil && full[2].upper != nil)
        #expect(full[0].upper != nil)
    }

    /// The Lieblein-Zelen weibull3p estimate is an interior local maximum: with a shape below 1 the
    /// likelihood grows without bound as gamma approaches the first failure (17.88). Profiling eta down
    /// walks into that region, so its lower end is not a likelihood-ratio bound, and it is reported so
    /// (it used to be a silent "-"). Checked here with the Weibull density written out: at gamma just
    /// below 17.88 (1e-12) and shape 0.7 some eta beats the fit's log-likelihood.
    @Test func aProfileThatClimbsAboveTheLocalMaximumSaysSo() throws {
        let fit = try MaximumLikelihood.fit(.weibull3p, to: bearings)
        let eta = fit.parameterBounds(.lr, confidence: 0.95)[0]
        #expect(eta.lower == nil && eta.upper != nil)
        #expect(eta.notes.count == 1 && eta.notes[0].contains("the fit is not at the maximum"))
        func logLikelihood(eta: Double, beta: Double, gamma: Double) -> Double {
            bearings.failureTimes.reduce(0) { sum, t in
                let z = (t - gamma) / eta
                return sum + log(beta / eta) + (beta - 1) * log(z) - pow(z, beta)
            }
        }
        let best = stride(from: 10.0, through: 300, by: 2).map { logLikelihood(eta: $0, beta: 0.7, gamma: 17.88 - 1e-12) }.max()!
        #expect(best > fit.logLikelihood)
    }

    @Test func aTimeBudgetStopsToo() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: bearings)
        let bounds = fit.parameterBounds(.lr, confidence: 0.95, budget: ProfileBudget(evaluations: .max, seconds: 0))
        #expect(bounds.allSatisfy { $0.lower == nil && $0.notes.first?.contains("time budget") == true })
    }

    /// Gehan's 6-MP data: the gamma3p likelihood grows without bound as gamma approaches the first
    /// failure, so the fit is the gamma = 0 fallback. Bounds used to be profiled from that non-maximum
    /// (shape down to 2.7e-7, B10 up to 1.3e13); now they are conditional on gamma = 0, which makes
    /// them the gamma2p likelihood-ratio bounds, and gamma's own bound says why it is missing.
    @Test func unboundedThresholdIsHeldAtItsValue() throws {
        let fit = try MaximumLikelihood.fit(.gamma3p, to: gehan)
        #expect(fit.diagnostics.degenerate && fit.diagnostics.likelihoodUnbounded)
        #expect(fit.model.threshold == 0)
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        let plain = try MaximumLikelihood.fit(.gamma2p, to: gehan).parameterBounds(.lr, confidence: 0.95)
        for k in 0..<2 {
            #expect(abs(try #require(bounds[k].lower) / (try #require(plain[k].lower)) - 1) < 1e-4)
            #expect(abs(try #require(bounds[k].upper) / (try #require(plain[k].upper)) - 1) < 1e-4)
        }
        #expect(bounds[2].lower == nil && bounds[2].upper == nil)
        #expect(bounds[2].notes.first?.contains("no likelihood-ratio region") == true)
        let b10 = fit.bLife(10, bounds: .lr, confidence: 0.95)
        #expect(try #require(b10.bounds.upper) < 100)
    }

    /// The search box: an end beyond `width` of the estimate is open, with a note, never a number.
    @Test func anEndBeyondTheSearchWidthIsOpen() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: bearings)
        let context = try #require(GeneralProfileBounds.Context(fit, confidence: 0.95))
        let lnK = context.theta[1]
        let narrow = context.interval(estimate: lnK, scale: 0.01, others: [context.theta[0]], width: 0.01) { phi, rest in
            [rest[0], phi]
        }
        #expect(narrow.lower == nil && narrow.upper == nil)
        #expect(narrow.notes == [
            "lower end: open: the profile log-likelihood does not fall by 1.920729 within 0.01 of the estimate on the internal scale",
            "upper end: open: the profile log-likelihood does not fall by 1.920729 within 0.01 of the estimate on the internal scale",
        ])
    }

    /// A "fit" that is not the maximum: a profile that climbs above it says so instead of a bound.
    @Test func aProfileAboveTheFitIsNotABound() throws {
        var fit = try MaximumLikelihood.fit(.gamma2p, to: bearings)
        fit = LifetimeFit(family: fit.family, method: .mle,
                          model: LifetimeModel(family: .gamma2p, mu: fit.model.mu + 0.3, sigma: 1, shape: fit.model.shape),
                          locationScaleCovariance: nil, internalCovariance: fit.internalCovariance,
                          logLikelihood: fit.logLikelihood - 5, sample: fit.sample, sampleSize: fit.sampleSize,
                          diagnostics: fit.diagnostics, andersonDarlingData: nil)
        fit.data = bearings
        let bounds = fit.parameterBounds(.lr, confidence: 0.95)
        #expect(bounds.contains { $0.notes.contains { $0.contains("the fit is not at the maximum") } })
    }

    @Test func budgetCountsAndSaysWhy() {
        let budget = ComputationBudget(evaluations: 3)
        #expect(budget.charge() && budget.charge() && budget.charge())
        #expect(!budget.charge())
        #expect(budget.isSpent && budget.reason == "the budget of 3 evaluations was spent")
        #expect(!budget.charge())
        let none = ComputationBudget(evaluations: 10, seconds: 0)
        #expect(!none.charge() && none.reason == "the time budget of 0.0 s was spent")
        let free = ComputationBudget.unlimited
        for _ in 0..<1000 { free.charge() }
        #expect(!free.isSpent && free.reason == nil && free.evaluations == 1000)
    }
}
