import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
import Lifetime            // not @testable: only the public API, as a user's own module sees it

/// A family defined outside the Lifetime module, in this one file, fits with bounds through the
/// public API. References: scripts/reference/bs_ig_censored.py (mpmath, 50 digits, gradient < 1e-28).

/// Birnbaum-Saunders (fatigue life): S(t) = Phi(-z), z = (sqrt(t/beta) - sqrt(beta/t)) / alpha.
struct BirnbaumSaunders: ParametricFamily {
    var name: String { "birnbaum-saunders" }
    var parameters: [FamilyParameter] { [FamilyParameter("alpha", .log), FamilyParameter("beta", .log)] }

    func z<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { (T.sqrt(t / p[1]) - T.sqrt(p[1] / t)) / p[0] }

    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        // f = phi(z) dz/dt, dz/dt = (sqrt(t/beta) + sqrt(beta/t)) / (2 alpha t).
        T.normalLogPDF(z(t, p)) + T.log(T.sqrt(t / p[1]) + T.sqrt(p[1] / t)) - T.log(2 * p[0] * t)
    }

    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.normalLogCDF(-z(t, p)) }
    func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.normalLogCDF(z(t, p)) }

    func startingValues(for sample: CensoredSample) -> [[Double]] {
        let start = StartingValues.lognormal(sample)          // median e^mu, spread sigma
        return [[start.sigma, exp(start.mu)]]
    }
}

/// Inverse Gaussian with mean mu and shape lambda.
struct InverseGaussian: ParametricFamily {
    var name: String { "inverse-gaussian" }
    var parameters: [FamilyParameter] { [FamilyParameter("mu", .log), FamilyParameter("lambda", .log)] }

    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let mu = p[0], lambda = p[1]
        let d = t - mu
        return 0.5 * (T.log(lambda) - T.log(2 * T(Double.pi) * t * t * t)) - lambda * d * d / (2 * mu * mu * t)
    }

    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        // S = Phi(a) - e^(2 lambda/mu) Phi(b), a = -sqrt(lambda/t)(t/mu - 1), b = -sqrt(lambda/t)(t/mu + 1),
        // in logs so that neither term overflows.
        let mu = p[0], lambda = p[1], r = T.sqrt(lambda / t)
        let logA = T.normalLogCDF(-r * (t / mu - 1)), logB = 2 * lambda / mu + T.normalLogCDF(-r * (t / mu + 1))
        return logA + T.log1mexp(logB - logA)
    }

    func startingValues(for sample: CensoredSample) -> [[Double]] {
        let start = StartingValues.lognormal(sample)
        let mean = exp(start.mu + start.sigma * start.sigma / 2)
        return [[mean, mean / expm1(start.sigma * start.sigma)]]
    }
}

@Suite struct UserDefinedFamilyTests {
    @Test func birnbaumSaundersOnNIST() throws {
        let fit = try ParametricEstimation.fit(BirnbaumSaunders(), to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        #expect(fit.diagnostics.isReliable)
        #expect(relativelyClose(fit.parameters[0], 1.042890856027, 1e-8))
        #expect(relativelyClose(fit.parameters[1], 504.65148568016, 1e-8))
        #expect(abs(fit.logLikelihood + 75.655853312011) < 1e-9)
        let se = try #require(fit.standardErrors)
        #expect(relativelyClose(se[0], 0.2835202037, 1e-7))
        #expect(relativelyClose(se[1], 145.2856291, 1e-7))
        let lr = ParametricProfileBounds.parameters(fit, confidence: 0.95)
        #expect(relativelyClose(try #require(lr[0].lower), 0.66438573537, 1e-7))
        #expect(relativelyClose(try #require(lr[0].upper), 2.11738554019, 1e-7))
        #expect(relativelyClose(try #require(lr[1].lower), 314.415843365, 1e-7))
        #expect(relativelyClose(try #require(lr[1].upper), 1298.7363481, 1e-7))
    }

    @Test func birnbaumSaundersOnShockAbsorbers() throws {
        let fit = try ParametricEstimation.fit(BirnbaumSaunders(), to: lifetimeDataset("shock_absorber.csv"))
        #expect(fit.diagnostics.isReliable)
        #expect(relativelyClose(fit.parameters[0], 0.55598648179528, 1e-8))
        #expect(relativelyClose(fit.parameters[1], 25508.82171963, 1e-8))
        #expect(abs(fit.logLikelihood + 124.73344667717) < 1e-9)
        let lr = ParametricProfileBounds.parameters(fit, confidence: 0.95)
        #expect(relativelyClose(try #require(lr[0].lower), 0.379915607886, 1e-7))
        #expect(relativelyClose(try #require(lr[1].upper), 39357.2187642, 1e-7))
    }

    /// The inverse Gaussian on NIST: the profile of mu levels off 0.726 below the maximum (the Levy
    /// limit as mu -> infinity), so its upper 95 % bound is open and reported in words.
    @Test func inverseGaussianWithAnOpenBound() throws {
        let fit = try ParametricEstimation.fit(InverseGaussian(), to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        #expect(fit.diagnostics.isReliable)
        #expect(relativelyClose(fit.parameters[0], 966.46411091185, 1e-8))
        #expect(relativelyClose(fit.parameters[1], 507.79681140371, 1e-8))
        #expect(abs(fit.logLikelihood + 75.778394976199) < 1e-9)
        let lr = ParametricProfileBounds.parameters(fit, confidence: 0.95)
        #expect(relativelyClose(try #require(lr[0].lower), 449.607086506, 1e-7))
        #expect(lr[0].upper == nil)
        #expect(lr[0].notes.contains { $0.hasPrefix("upper end: open") })
        #expect(relativelyClose(try #require(lr[1].lower), 207.404589567, 1e-7))
        #expect(relativelyClose(try #require(lr[1].upper), 1047.4598096, 1e-7))
        // Derived quantities through the public API: B10 with Fisher bounds (finite, around the value).
        let b10 = fit.quantile(0.1, confidence: 0.95)
        #expect(try #require(b10.bounds.lower) < b10.value && b10.value < (try #require(b10.bounds.upper)))
    }
}
