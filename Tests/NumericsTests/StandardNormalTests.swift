import Testing
@testable import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Reference values: mpmath 1.3.0 at 50 significant digits (mp.ncdf, mp.npdf, log(mp.ncdf), and the
// quantile as mp.findroot of log(mp.ncdf(x)) - log(p)), rounded to the nearest double.
@Suite struct StandardNormalTests {
    @Test func publishedValues() {
        // Values quoted in the module brief (R: pnorm(-1.96), qnorm(0.975)).
        expectRelative(StandardNormal.cdf(-1.96), 0.024997895148220435, 1e-15)
        expectRelative(StandardNormal.quantile(0.975), 1.959963984540054, 1e-15)
        expectRelative(StandardNormal.quantile(1e-10), -6.361340902404057, 1e-15)
        // log(mp.ncdf(-40)) = -804.60844201375378817...
        expectRelative(StandardNormal.logCDF(-40), -804.6084420137538, 1e-15)
        expectRelative(StandardNormal.logSurvival(40), -804.6084420137538, 1e-15)
    }

    @Test func cdfAgainstMpmath() {
        let table: [(Double, Double)] = [
            (-37.5, 4.605353009581955e-308), (-30, 4.906713927148187e-198), (-20, 2.7536241186062337e-89),
            (-10, 7.619853024160525e-24), (-5, 2.866515718791939e-07), (-3, 0.0013498980316300946),
            (-1.5, 0.06680720126885807), (-0.5, 0.3085375387259869), (0.25, 0.5987063256829237),
            (1, 0.8413447460685429), (3, 0.9986501019683699), (8, 0.9999999999999993),
        ]
        for (z, p) in table {
            expectRelative(StandardNormal.cdf(z), p, 1e-15, "cdf(\(z))")
            // survival is the mirror image, so it is pinned by the same values.
            expectRelative(StandardNormal.survival(-z), p, 1e-15, "survival(\(-z))")
        }
    }

    @Test func pdfAndLogPDF() {
        let table: [(Double, Double)] = [
            (0.3, 0.3813878154605241), (1.5, 0.12951759566589172), (2.5, 0.017528300493568537),
            (7, 9.134720408364594e-12), (20, 5.520948362159764e-88), (37, 2.1200065515246056e-298),
        ]
        for (z, d) in table {
            expectRelative(StandardNormal.pdf(z), d, 1e-15, "pdf(\(z))")
            expectRelative(StandardNormal.pdf(-z), d, 1e-15, "pdf(\(-z))")
        }
        // log pdf(20) = -200 - log(2 pi)/2
        expectRelative(StandardNormal.logPDF(20), -200.91893853320467, 1e-15)
        expectRelative(StandardNormal.logPDF(0), -0.9189385332046728, 1e-15)
    }

    @Test func logCDFAgainstMpmath() {
        let table: [(Double, Double)] = [
            (-40, -804.6084420137538), (-20.5, -214.0667289632638), (-100, -5005.524208694205),
            (-100000.0, -5000000012.431864), (-3, -6.607726221510349), (5, -2.866516129637636e-07),
        ]
        for (z, l) in table {
            expectRelative(StandardNormal.logCDF(z), l, 1e-15, "logCDF(\(z))")
        }
        // Continuity across the switch to the Mills-ratio form at z = -20.
        let below = StandardNormal.logCDF(-20.000000000000004)
        let above = StandardNormal.logCDF(-20)
        expectRelative(below, above, 1e-14)
        #expect(below < above)
    }

    @Test func quantileAgainstMpmath() {
        let table: [(Double, Double)] = [
            (1e-300, -37.0470962993612), (1e-100, -21.273453560965326), (1e-20, -9.262340089798407),
            (1e-10, -6.361340902404057), (0.001, -3.0902323061678136), (0.025, -1.9599639845400543),
            (0.2, -0.8416212335729142), (0.6, 0.2533471031357997), (0.975, 1.9599639845400538),
            (0.999999, 4.753424308817087),
        ]
        for (p, z) in table {
            // AS 241 is accurate to ~1e-16; measured worst case over 500 points is 7e-16.
            expectRelative(StandardNormal.quantile(p), z, 1e-15, "quantile(\(p))")
        }
        #expect(StandardNormal.quantile(0.5) == 0)
    }

    @Test func roundTripsAcrossTheRange() {
        // p from 1e-300 to 1/2: cdf(quantile(p)) = p up to the conditioning z^2 of the round trip.
        var exponent = -300.0
        while exponent < -0.31 {
            let p = pow(10, exponent)
            let z = StandardNormal.quantile(p)
            expectRelative(StandardNormal.cdf(z), p, 2e-15 * max(1, z * z), "p = 1e\(exponent)")
            exponent += 2.7
        }
        // Upper tail up to 1 - 1e-16: compare the exact complement 1 - p with the survival function.
        for k in 1...16 {
            let p = 1 - pow(10, -Double(k))
            let z = StandardNormal.quantile(p)
            expectRelative(StandardNormal.survival(z), 1 - p, 2e-15 * max(1, z * z), "p = 1 - 1e-\(k)")
        }
    }

    @Test func symmetry() {
        for z in [0.1, 0.7, 1.3, 2.9, 6.5, 12] {
            expectAbsolute(StandardNormal.cdf(z) + StandardNormal.cdf(-z), 1, 2.3e-16)
            #expect(StandardNormal.pdf(z) == StandardNormal.pdf(-z))
        }
        // Dyadic p and 1 - p are both exact, and AS 241 is symmetric by construction.
        for k in 1..<64 {
            let p = Double(k) / 128
            #expect(StandardNormal.quantile(p) == -StandardNormal.quantile(1 - p))
        }
    }

    @Test func specialValues() {
        #expect(StandardNormal.cdf(0) == 0.5)
        #expect(StandardNormal.cdf(.infinity) == 1)
        #expect(StandardNormal.cdf(-.infinity) == 0)
        #expect(StandardNormal.cdf(.nan).isNaN)
        #expect(StandardNormal.survival(.infinity) == 0)
        #expect(StandardNormal.pdf(.infinity) == 0)
        #expect(StandardNormal.pdf(.nan).isNaN)
        expectRelative(StandardNormal.pdf(0), 0.3989422804014327, 1e-16)
        #expect(StandardNormal.logCDF(.infinity) == 0)
        #expect(StandardNormal.logCDF(-.infinity) == -.infinity)
        #expect(StandardNormal.logCDF(.nan).isNaN)
        #expect(StandardNormal.logSurvival(-.infinity) == 0)
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(-0.1).isNaN)
        #expect(StandardNormal.quantile(1.1).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
    }
}
