import Testing
@testable import Lifetime

/// Issue 10, item 8: boundary and fallback estimates are flagged degenerate, named, and ranked below
/// every proper fit; a fit that extrapolates far beyond its data says so.
@Suite struct DegenerateFitTests {
    let bearings = lifetimeDataset("lieblein_zelen_ball_bearings.csv")

    @Test func exponential2pAtTheFirstFailureIsDegenerate() throws {
        let fit = try MaximumLikelihood.fit(.exponential2p, to: bearings)
        #expect(fit.model.threshold == 17.88)
        #expect(fit.diagnostics.degenerate)
        #expect(fit.diagnostics.fallback == "threshold at the first failure (boundary maximum)")
        #expect(!fit.diagnostics.isReliable)
        // F(gamma) = 0 at the first failure: the Anderson-Darling integral diverges, reported as not defined.
        #expect(fit.andersonDarling == nil)
    }

    @Test func fitAllRanksDegenerateFitsLast() throws {
        let analysis = LifetimeAnalysis(data: bearings, rows: 23, options: LifetimeAnalysisOptions(families: LifetimeFamily.allCases))
        let fits = analysis.outcomes.compactMap { outcome -> LifetimeFit? in
            if case let .fitted(s) = outcome { return s.fit }
            return nil
        }
        let firstDegenerate = try #require(fits.firstIndex { $0.diagnostics.degenerate })
        #expect(fits[firstDegenerate...].allSatisfy { $0.diagnostics.degenerate || !$0.diagnostics.converged })
        #expect(fits[..<firstDegenerate].allSatisfy { !$0.diagnostics.degenerate })
        #expect(Set(fits[firstDegenerate...].map(\.family)).isSuperset(of: [.exponential2p, .lognormal3p]))
        // exponential2p has the better AICc than the normal, Gumbel and exponential1p, but ranks below them.
        let e2 = try #require(fits.first { $0.family == .exponential2p })
        let normal = try #require(fits.first { $0.family == .normal })
        #expect(e2.aicc < normal.aicc)
        #expect(analysis.best?.fit.diagnostics.degenerate == false)
    }

    /// Meeker's integrated circuits: 28 of 4156 units fail by 1370 h. A plain Weibull fits with eta
    /// 9.5e13 h; its median lies 1e10 times beyond the data, and the fit says so.
    @Test func aFitFarBeyondItsDataIsFlagged() throws {
        let ic = lifetimeDataset("ic_lfp1370.csv")
        let fit = try MaximumLikelihood.fit(.weibull2p, to: ic)
        #expect(fit.diagnostics.extrapolated && fit.diagnostics.converged && !fit.diagnostics.degenerate)
        #expect(fit.diagnostics.notes.contains { $0.contains("defective-subpopulation (LFP)") && $0.contains("0.6737 %") })
        // An ordinary heavily censored test is not flagged: NIST 8.4.1.3 (half the units failed).
        let nist = try MaximumLikelihood.fit(.weibull2p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        #expect(!nist.diagnostics.extrapolated)
    }
}

/// Numbers in the words of notes.
@Suite struct NoteNumbersTests {
    @Test func significantDigitsAndNotation() {
        #expect(NoteNumbers.significant(1.518346e13) == "1.518e13")
        #expect(NoteNumbers.significant(0.67370548) == "0.6737")
        #expect(NoteNumbers.significant(1370) == "1370")
        #expect(NoteNumbers.significant(1.9207294103, 7) == "1.920729")
        #expect(NoteNumbers.significant(-112.85024339, 7) == "-112.8502")
        #expect(NoteNumbers.significant(2.5e-5) == "2.5e-5")
        #expect(NoteNumbers.significant(0) == "0" && NoteNumbers.significant(.infinity) == "inf")
        #expect(NoteNumbers.plain(10) == "10" && NoteNumbers.plain(2.5) == "2.5")
    }
}
