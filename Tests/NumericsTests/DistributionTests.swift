import Testing
@testable import RelmodelNumerics

// Reference values: computed in mpmath 1.3.0 at 50-80 digits (chi-squared and F quantiles by bisection of
// the 60-digit incomplete gamma / beta; t from the 60-digit incomplete beta; binomial and Poisson by exact
// summation of mp.binomial / mp.factorial terms), and each compared with scipy 1.17.1
// (stats.chi2.ppf, stats.t.cdf / ppf, stats.f.cdf / ppf, stats.binom, stats.poisson, stats.beta.ppf),
// which agrees to within 2 ulps except where noted.
@Suite struct DistributionTests {
    @Test func chiSquaredQualificationTable() {
        // Published 3-decimal values (chi-squared tables used for reliability demonstration test plans):
        // 60% and 90% quantiles for 2, 4, 6, 8, 10 degrees of freedom.
        let published: [(p: Double, k: Double, value: Double)] = [
            (0.6, 2, 1.833), (0.6, 4, 4.045), (0.6, 6, 6.211), (0.6, 8, 8.351), (0.6, 10, 10.473),
            (0.9, 2, 4.605), (0.9, 4, 7.779), (0.9, 6, 10.645), (0.9, 8, 13.362), (0.9, 10, 15.987),
        ]
        for row in published {
            expectAbsolute(ChiSquared.quantile(row.p, degreesOfFreedom: row.k), row.value, 0.0005,
                           "chi2(\(row.p), \(row.k))")
        }
        // The same quantiles at full precision (mpmath; scipy.stats.chi2.ppf agrees to 2 ulps).
        let full: [(p: Double, k: Double, value: Double)] = [
            (0.6, 2, 1.83258146374831), (0.6, 4, 4.044626490649313), (0.6, 6, 6.2107571945267),
            (0.6, 8, 8.35052546775366), (0.6, 10, 10.473236231395452),
            (0.9, 2, 4.605170185988092), (0.9, 4, 7.779440339734859), (0.9, 6, 10.64464067566842),
            (0.9, 8, 13.361566136511728), (0.9, 10, 15.987179172105261),
            (0.05, 3, 0.3518463177492714), (1e-10, 1, 1.5707963267948968e-20),
            (0.999, 50, 86.66081519040314), (0.5, 1000, 999.333412403381),
        ]
        for row in full {
            expectRelative(ChiSquared.quantile(row.p, degreesOfFreedom: row.k), row.value, 1e-15,
                           "chi2(\(row.p), \(row.k))")
        }
        // 0.95, 1 df: 3.841458820694124 (R qchisq(0.95, 1)); the mpmath value for the double 0.95 is
        // 3.8414588206941245, one ulp higher, so 1e-15 relative covers both.
        expectRelative(ChiSquared.quantile(0.95, degreesOfFreedom: 1), 3.841458820694124, 1e-15)
        // 2 degrees of freedom is the exponential: -2 log(1 - p) to the last bit.
        expectRelative(ChiSquared.quantile(0.6, degreesOfFreedom: 2), 1.83258146374831, 2.3e-16)
    }

    @Test func chiSquaredDistributionFunction() {
        let table: [(x: Double, k: Double, cdf: Double, sf: Double)] = [
            (3.841458820694124, 1, 0.95, 0.05000000000000006),
            (0.5, 4, 0.026499021160743916, 0.9735009788392561),
            (100, 10, 1.0, 5.4497019829205295e-17),
            (1e-08, 2, 4.9999999875e-09, 0.999999995),
        ]
        for row in table {
            expectRelative(ChiSquared.cdf(row.x, degreesOfFreedom: row.k), row.cdf, 1e-15, "cdf")
            expectRelative(ChiSquared.survival(row.x, degreesOfFreedom: row.k), row.sf, 1e-14, "survival")
        }
        #expect(ChiSquared.cdf(-1, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.survival(0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.cdf(1, degreesOfFreedom: 0).isNaN)
        #expect(ChiSquared.quantile(1.2, degreesOfFreedom: 3).isNaN)
        #expect(ChiSquared.quantile(0, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.quantile(1, degreesOfFreedom: 3) == .infinity)
    }

    @Test func studentT() {
        let cdf: [(t: Double, nu: Double, value: Double)] = [
            (-1.96, 10, 0.039218120123849856), (2.0, 3, 0.9303370157205784),
            (-50, 5, 3.0238788133006125e-08), (0.1, 1, 0.5317255174305535),
            (-3, 1e6, 0.0013499312707108985),   // scipy: 0.0013499312707109 (1.1e-14 off)
            (1.5, 2.5, 0.8760817734568519),
        ]
        for row in cdf {
            expectRelative(StudentT.cdf(row.t, degreesOfFreedom: row.nu), row.value, 2e-15, "t cdf(\(row.t), \(row.nu))")
            expectRelative(StudentT.survival(-row.t, degreesOfFreedom: row.nu), row.value, 2e-15, "t survival")
        }
        let quantiles: [(p: Double, nu: Double, value: Double)] = [
            (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462),
            (0.975, 3, 3.1824463052837086), (0.975, 10, 2.2281388519862744),
            (0.95, 30, 1.6972608865939574), (0.005, 5, -4.032142983555228),
            (1e-12, 4, -1316.0727465592565), (0.999, 1e5, 3.0903138094272373),
            (0.6, 2.5, 0.2814595127485476),
        ]
        for row in quantiles {
            expectRelative(StudentT.quantile(row.p, degreesOfFreedom: row.nu), row.value, 2e-15,
                           "t quantile(\(row.p), \(row.nu))")
        }
        #expect(StudentT.cdf(0, degreesOfFreedom: 7) == 0.5)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 7) == -.infinity)
        #expect(StudentT.cdf(1, degreesOfFreedom: -1).isNaN)
        // nu = infinity is the normal distribution.
        #expect(StudentT.quantile(0.975, degreesOfFreedom: .infinity) == StandardNormal.quantile(0.975))
    }

    @Test func fisherF() {
        let cdf: [(f: Double, d1: Double, d2: Double, cdf: Double, sf: Double)] = [
            (3.0, 2, 10, 0.904632568359375, 0.095367431640625),   // closed form (1 + 2f/10)^-5
            (0.5, 5, 7, 0.2314156702720843, 0.7685843297279157),
            (10, 10, 100, 0.9999999999809852, 1.9014845253906287e-11),
            // scipy.stats.f.sf(1e-5, 1, 1) = 0.99798683822635414 is 1.2e-14 off; the mpmath value is
            // 1 - (2/pi) asin(sqrt(f/(1+f))) = 0.99798683822634187.
            (1e-05, 1, 1, 0.0020131617736581305, 0.9979868382263418),
            (2.5, 0.5, 3, 0.8166619182600994, 0.18333808173990065),
        ]
        for row in cdf {
            expectRelative(FisherF.cdf(row.f, numeratorDegreesOfFreedom: row.d1, denominatorDegreesOfFreedom: row.d2),
                           row.cdf, 2e-15, "F cdf(\(row.f); \(row.d1), \(row.d2))")
            expectRelative(FisherF.survival(row.f, numeratorDegreesOfFreedom: row.d1, denominatorDegreesOfFreedom: row.d2),
                           row.sf, 2e-15, "F survival(\(row.f); \(row.d1), \(row.d2))")
        }
        let quantiles: [(p: Double, d1: Double, d2: Double, value: Double)] = [
            (0.95, 2, 10, 4.1028210151304), (0.99, 5, 7, 7.460435492989263),
            (0.05, 10, 100, 0.3863372332408765), (0.5, 1, 1, 1.0), (0.999, 3, 2, 999.166620347207),
        ]
        for row in quantiles {
            expectRelative(FisherF.quantile(row.p, numeratorDegreesOfFreedom: row.d1, denominatorDegreesOfFreedom: row.d2),
                           row.value, 2e-15, "F quantile(\(row.p); \(row.d1), \(row.d2))")
        }
        #expect(FisherF.cdf(-1, numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 3) == 0)
        #expect(FisherF.quantile(0.5, numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 3).isNaN)
    }

    @Test func binomial() {
        let table: [(k: Int, n: Int, p: Double, pmf: Double, cdf: Double, sf: Double)] = [
            (0, 10, 0.1, 0.3486784401, 0.3486784401, 0.6513215599000001),
            (3, 10, 0.1, 0.057395628000000004, 0.9872048016, 0.012795198400000003),
            (9, 10, 0.1, 9.000000000000004e-09, 0.9999999999, 1.0000000000000006e-10),
            (5, 100, 0.01, 0.002897787123761482, 0.999465465536007, 0.0005345344639930333),
            (50, 100, 0.5, 0.07958923738717877, 0.5397946186935894, 0.46020538130641064),
            (2, 1000, 0.0001, 0.004520544366992894, 0.9998457765152527, 0.00015422348474725467),
            (3, 100000, 1e-05, 0.061312933621630636, 0.98101245625727, 0.01898754374273001),
            (20, 30, 0.9, 0.0003652772410823467, 0.00045435511490538174, 0.9995456448850946),
        ]
        for row in table {
            expectRelative(BinomialDistribution.pmf(row.k, trials: row.n, probability: row.p), row.pmf, 1e-14,
                           "pmf(\(row.k); \(row.n), \(row.p))")
            expectRelative(BinomialDistribution.cdf(row.k, trials: row.n, probability: row.p), row.cdf, 1e-14,
                           "cdf(\(row.k); \(row.n), \(row.p))")
            expectRelative(BinomialDistribution.survival(row.k, trials: row.n, probability: row.p), row.sf, 1e-14,
                           "survival(\(row.k); \(row.n), \(row.p))")
        }
        #expect(BinomialDistribution.cdf(-1, trials: 5, probability: 0.3) == 0)
        #expect(BinomialDistribution.cdf(5, trials: 5, probability: 0.3) == 1)
        #expect(BinomialDistribution.pmf(6, trials: 5, probability: 0.3) == 0)
        #expect(BinomialDistribution.pmf(0, trials: 5, probability: 0) == 1)
        #expect(BinomialDistribution.cdf(2, trials: 5, probability: 1.5).isNaN)
        // The pmf sums to the cdf.
        var sum = 0.0
        for k in 0...7 { sum += BinomialDistribution.pmf(k, trials: 40, probability: 0.13) }
        expectRelative(sum, BinomialDistribution.cdf(7, trials: 40, probability: 0.13), 1e-15)
    }

    @Test func poisson() {
        let table: [(k: Int, mean: Double, pmf: Double, cdf: Double, sf: Double)] = [
            (0, 1, 0.36787944117144233, 0.36787944117144233, 0.6321205588285577),
            (3, 2.5, 0.21376301724973645, 0.7575761331330659, 0.24242386686693404),
            (10, 3, 0.0008101511794681432, 0.9997076630493527, 0.00029233695064733654),
            (100, 120, 0.0068042948039043006, 0.03466803469442496, 0.9653319653055751),
            (0, 0.001, 0.999000499833375, 0.999000499833375, 0.0009995001666250085),
            (1000, 900, 5.9269532854189e-05, 0.9995093672671425, 0.0004906327328575939),
        ]
        for row in table {
            expectRelative(PoissonDistribution.pmf(row.k, mean: row.mean), row.pmf, 1e-14, "pmf(\(row.k); \(row.mean))")
            expectRelative(PoissonDistribution.cdf(row.k, mean: row.mean), row.cdf, 1e-14, "cdf(\(row.k); \(row.mean))")
            expectRelative(PoissonDistribution.survival(row.k, mean: row.mean), row.sf, 1e-14, "sf(\(row.k); \(row.mean))")
        }
        #expect(PoissonDistribution.cdf(-1, mean: 2) == 0)
        #expect(PoissonDistribution.cdf(3, mean: 0) == 1)
        #expect(PoissonDistribution.cdf(3, mean: -1).isNaN)
    }

    @Test func clopperPearson() {
        // 0 failures in 59 trials at 95%: the classic "59 parts" success-run number. Closed form
        // 1 - 0.05^(1/59) = 0.0495076098882269...; mpmath for the double 0.95 gives 0.04950760988822693 and
        // scipy.stats.beta.ppf(0.95, 1, 59) returns the same double.
        let zeroIn59 = ClopperPearson.upperBound(failures: 0, trials: 59, confidence: 0.95)
        expectRelative(zeroIn59, 0.04950760988822693, 1e-15)
        expectAbsolute(zeroIn59, 0.0495, 0.00005)
        let table: [(f: Int, n: Int, c: Double, upper: Double, lower: Double)] = [
            (0, 22, 0.9, 0.0993719797887215, 0.0),
            (1, 100, 0.95, 0.046559811453538935, 0.0005128014162622926),
            (5, 1000, 0.99, 0.013055421233690193, 0.001280849990607871),
            (3, 10, 0.5, 0.3550999679124886, 0.2585747232849632),
            (2, 45, 0.9, 0.11397524740661454, 0.011880572851594249),
        ]
        for row in table {
            expectRelative(ClopperPearson.upperBound(failures: row.f, trials: row.n, confidence: row.c), row.upper,
                           2e-15, "upper(\(row.f)/\(row.n) at \(row.c))")
            expectRelative(ClopperPearson.lowerBound(failures: row.f, trials: row.n, confidence: row.c), row.lower,
                           2e-15, "lower(\(row.f)/\(row.n) at \(row.c))")
        }
        #expect(ClopperPearson.upperBound(failures: 10, trials: 10, confidence: 0.9) == 1)
        #expect(ClopperPearson.lowerBound(failures: 0, trials: 10, confidence: 0.9) == 0)
        #expect(ClopperPearson.upperBound(failures: 11, trials: 10, confidence: 0.9).isNaN)
        #expect(ClopperPearson.upperBound(failures: 1, trials: 10, confidence: 1).isNaN)
        // The upper bound inverts the binomial cdf: P(X <= f | p_U) = 1 - confidence.
        let pU = ClopperPearson.upperBound(failures: 2, trials: 45, confidence: 0.9)
        expectRelative(BinomialDistribution.cdf(2, trials: 45, probability: pU), 0.1, 1e-14)
    }
}
