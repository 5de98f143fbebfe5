import Lifetime
import Testing

/// Each family names the paper its probability plot is drawn on.
@Suite struct ProbabilityScaleTests {
    @Test func standardFamilies() {
        #expect(LifetimeFamily.weibull3p.probabilityScale == .weibull)
        #expect(LifetimeFamily.lognormal3p.probabilityScale == .lognormal)
        #expect(LifetimeFamily.exponential2p.probabilityScale == .exponential)
        #expect(LifetimeFamily.gumbel.probabilityScale == .normal)
        #expect(LifetimeFamily.gamma2p.probabilityScale == .weibull)
    }

    @Test func catalogFamilies() throws {
        #expect(try #require(FamilyCatalog.family(named: "lognormal-lfp")).probabilityScale == .lognormal)
        #expect(try #require(FamilyCatalog.family(named: "lognormal-mixture2")).probabilityScale == .lognormal)
        #expect(try #require(FamilyCatalog.family(named: "weibull-mixture3")).probabilityScale == .weibull)
        #expect(try #require(FamilyCatalog.family(named: "chen")).probabilityScale == .weibull)
    }
}
