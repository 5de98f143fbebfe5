import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// The bathtub families on SYS2 (Lyu 1996, 86 software failure times, a complete sample).
///
/// Chen, exponential power and Weibull against reliaR's printed fits (to the printed digits); the
/// modified Weibull, Weibull extension and Hjorth against an independent SciPy maximum
/// (scripts/reference/bathtub_sys2_fits.py: complex-step gradients, Newton polish to |gradient| < 1e-10;
/// an mpmath 50-digit maximum, scripts/reference/sys2_bathtub_mle.py, agrees to 12 digits), to 1e-6.
@Suite struct BathtubSYS2Tests {
    static let sys2 = lifetimeDataset("reliar_sys2_software_failures.csv")

    static func fit(_ family: some ParametricFamily) throws -> ParametricFit {
        let fit = try ParametricEstimation.fit(family, to: sys2)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite && !fit.diagnostics.degenerate,
                "\(family.name): \(fit.diagnostics.notes)")
        return fit
    }

    @Test func chenMatchesReliaR() throws {
        let fit = try Self.fit(ChenDistribution())
        #expect(fit.parameterNames == ["lambda", "beta"])
        #expect(relativelyClose(fit.parameters[0], 0.007282371, 1e-6))
        #expect(relativelyClose(fit.parameters[1], 0.262282404, 1e-6))
        #expect(matchesPrinted(fit.logLikelihood, -594.486824, decimals: 6))
        let t = try #require(ChenDistribution().closedFormHazardMinimum(fit.parameters))
        #expect(matchesPrinted(t, 51.565, decimals: 3))
    }

    @Test func exponentialPowerMatchesReliaR() throws {
        let fit = try Self.fit(ExponentialPowerDistribution())
        #expect(fit.parameterNames == ["alpha", "lambda"])
        #expect(relativelyClose(fit.parameters[0], 0.905868898, 1e-6))
        #expect(relativelyClose(fit.parameters[1], 0.001531423, 1e-6))
        #expect(matchesPrinted(fit.logLikelihood, -592.717218, decimals: 6))
        let t = try #require(ExponentialPowerDistribution().closedFormHazardMinimum(fit.parameters))
        #expect(matchesPrinted(t, 53.628, decimals: 3))
    }

    @Test func weibullMatchesReliaR() throws {
        let fit = try Self.fit(WeibullHazard())
        #expect(matchesPrinted(fit.parameters[0], 400.8802, decimals: 4))
        #expect(matchesPrinted(fit.parameters[1], 1.170181, decimals: 6))
        #expect(matchesPrinted(fit.logLikelihood, -595.630757, decimals: 6))
    }

    /// (family, SciPy estimates, SciPy log-likelihood, SciPy closed-form hazard minimum).
    static let scipy: [(any BathtubHazard, [Double], Double, Double)] = [
        (ModifiedWeibullDistribution(), [0.00446564801248, 0.812499247094, 0.00102586470763], -592.602813814697, 86.6470534306),
        (WeibullExtensionDistribution(), [0.00138455332107, 520.658713674, 0.850619663018], -592.657612257936, 67.3667058368),
        (HjorthDistribution(), [4.97809975082e-06, 0.00270183802226, 0.00754577149083], -592.787368185376, 135.667578073),
    ]

    @Test(arguments: 0..<3)
    func threeParameterFamiliesMatchSciPy(_ index: Int) throws {
        let (family, estimates, logLikelihood, minimum) = Self.scipy[index]
        let fit = try Self.fit(family)
        for i in estimates.indices {
            #expect(relativelyClose(fit.parameters[i], estimates[i], 1e-6), "\(family.name) \(fit.parameterNames[i]): \(fit.parameters[i])")
        }
        #expect(relativelyClose(fit.logLikelihood, logLikelihood, 1e-10), "\(family.name): LL \(fit.logLikelihood)")
        let t = try #require(family.closedFormHazardMinimum(fit.parameters))
        #expect(relativelyClose(t, minimum, 1e-6), "\(family.name): t* \(t)")
        #expect(fit.startsReachingMaximum >= 1)
    }

    /// Every bathtub family's closed-form hazard minimum at its SYS2 estimate equals the numerical
    /// minimum of the fitted hazard.
    @Test(arguments: [0, 1, 2, 3, 4])
    func closedFormHazardMinimumIsTheNumericalOne(_ index: Int) throws {
        let families: [any BathtubHazard] = [ChenDistribution(), ExponentialPowerDistribution(), ModifiedWeibullDistribution(),
                                             WeibullExtensionDistribution(), HjorthDistribution()]
        let family = families[index]
        let fit = try Self.fit(family)
        let closed = try #require(family.closedFormHazardMinimum(fit.parameters))
        let numerical = try #require(numericalHazardMinimum(family, fit.parameters))
        #expect(relativelyClose(numerical, closed, 1e-6), "\(family.name): numerical \(numerical), closed form \(closed)")
        // A bathtub: the hazard there is below the hazard at a tenth and ten times the time.
        #expect(fit.hazard(closed) < fit.hazard(closed / 10) && fit.hazard(closed) < fit.hazard(closed * 10))
    }

    /// The closed forms say "monotone" (nil) exactly where the hazard has no interior minimum.
    @Test func monotoneHazardsHaveNoMinimum() {
        #expect(ChenDistribution().closedFormHazardMinimum([0.01, 1.2]) == nil)
        #expect(ExponentialPowerDistribution().closedFormHazardMinimum([1.5, 0.01]) == nil)
        #expect(ModifiedWeibullDistribution().closedFormHazardMinimum([0.01, 1.5, 0.001]) == nil)
        #expect(WeibullExtensionDistribution().closedFormHazardMinimum([0.01, 100, 1.1]) == nil)
        #expect(HjorthDistribution().closedFormHazardMinimum([1e-3, 0.01, 0.01]) == nil)   // theta beta < delta
        #expect(numericalHazardMinimum(HjorthDistribution(), [1e-3, 0.01, 0.01]) == nil)
        #expect(numericalHazardMinimum(ChenDistribution(), [0.01, 1.2]) == nil)
    }
}
