import Testing
@testable import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#endif

/// The incomplete gamma function at shapes from 1e9 up, where the series and continued fraction would
/// need millions of terms per call (a chi-square quantile with ~1e32 degrees of freedom, found by the
/// batch-PCA fuzzer, ran for hours). Reference values: the gamma density integrated by mpmath's
/// Gauss-Legendre quadrature at 40 digits (scripts/reference/large_shape_gamma.py), at x a double.
/// SciPy 1.17 agrees with them except at the 1e9, -8 sigma point, where it gives 2.49e-16.
@Suite struct LargeShapeGammaTests {
    /// (a, x, P or Q, whether the value is P): the tail below 1/2 at each point.
    static let cases: [(a: Double, x: Double, tail: Double, lower: Bool)] = [
        (1e9, 999747017.7871865, 6.1874935119000272e-16, true),
        (1e9, 999905131.670195, 0.0013495243297381704, true),
        (1e9, 999984188.6116991, 0.308540322048016, true),
        (1e9, 1000000000.0, 0.50000420522087006, true),
        (1e9, 1000015811.3883009, 0.30853475540642732, false),
        (1e9, 1000094868.329805, 0.0013502717822821228, false),
        (1e9, 1000252982.2128135, 6.2545958437781449e-16, false),
        (3.7e12, 3699984611692.7505, 6.2204090167751288e-16, true),
        (3.7e12, 3699994229384.7817, 0.00134989188816684, true),
        (3.7e12, 3700000000000.0, 0.50000006913340524, true),
        (3.7e12, 3700005770615.2183, 0.0013499041762109958, false),
        (3.7e12, 3700015388307.2495, 6.2215121680556049e-16, false),
        (1e20, 9.999999992e+19, 6.2210018565137565e-16, true),
        (1e20, 9.999999997e+19, 0.0013498957613436254, true),
        (1e20, 1e20, 0.50000000001329808, true),
        (1e20, 1.0000000003e+20, 0.0013498957637072752, false),
        (1e20, 1.0000000008e+20, 6.2210020687104885e-16, false),
    ]

    @Test func agreesWithAnIndependentImplementation() {
        for c in Self.cases {
            let p = regularizedGammaP(c.a, c.x), q = regularizedGammaQ(c.a, c.x)
            let value = c.lower ? p : q
            #expect(abs(value / c.tail - 1) < 1e-12, "a \(c.a), x \(c.x): \(value), reference \(c.tail)")
        }
    }

    @Test func continuousAcrossTheSwitch() {
        // Just below 1e9 the series and continued fraction still run; at 1e9 the expansion takes over.
        // They agree to the rounding the series accumulates over its ~10^5 terms (about 1e-11).
        for k in [-3.0, 0, 3] {
            let below = 1e9 * (1 - 1e-15), at = 1e9
            let x = at + k * at.squareRoot()
            #expect(abs(regularizedGammaP(below, x) - regularizedGammaP(at, x)) < 3e-11)
        }
    }

    @Test func hugeShapesAreFastAndRoundTrip() {
        for a in [1e10, 1e12, 1e15] {
            let x = inverseRegularizedGammaP(a, 0.99)
            // P moves by up to 1e-10 between neighbouring doubles of x at a = 1e15.
            #expect(x > a && abs(regularizedGammaP(a, x) - 0.99) < 1e-9)
        }
        // Beyond about 1e31 the whole distribution lies within a few doubles of a: the quantile is a
        // to the spacing of doubles there, and it comes at once.
        for a in [3e31, 1e40, 1e100] {
            let x = inverseRegularizedGammaP(a, 0.99)
            #expect(x.isFinite && abs(x / a - 1) < 1e-15)
        }
        // The far tail underflows but its logarithm does not.
        let lq = logRegularizedGammaQ(1e10, 1.2e10)
        #expect(lq.isFinite && lq < -1e7)
        #expect(abs(lq - (-1e10 * (0.2 - log1p(0.2)) - log((2 * Double.pi * 1e10).squareRoot() * 0.2))) < 1e-6 * abs(lq))
    }
}
