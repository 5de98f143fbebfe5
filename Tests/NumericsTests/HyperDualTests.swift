import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics

/// Hyper-dual numbers against derivatives written out by hand.
@Suite struct HyperDualTests {
    /// f(x, y) along (e_i, e_j): value, df/dx_i, df/dx_j, d2f/dx_i dx_j.
    func evaluate(_ f: (HyperDual, HyperDual) -> HyperDual, _ x: Double, _ y: Double, _ i: Int, _ j: Int) -> HyperDual {
        f(HyperDual(x, e1: i == 0 ? 1 : 0, e2: j == 0 ? 1 : 0), HyperDual(y, e1: i == 1 ? 1 : 0, e2: j == 1 ? 1 : 0))
    }

    @Test func productQuotientAndPowerFollowTheChainRule() {
        // f = x^y / (1 + x y): written out by hand below.
        let f: (HyperDual, HyperDual) -> HyperDual = { x, y in HyperDual.pow(x, y) / (1 + x * y) }
        let x = 1.7, y = 2.3
        let p = pow(x, y), q = 1 + x * y
        let px = y * pow(x, y - 1), py = p * log(x)
        let pxx = y * (y - 1) * pow(x, y - 2), pxy = pow(x, y - 1) * (1 + y * log(x))
        let fx = px / q - p * y / (q * q)
        let fy = py / q - p * x / (q * q)
        // d/dy of fx: pxy/q - px x/q^2 - (py y + p)/q^2 + 2 p y x/q^3.
        let fxy = pxy / q - px * x / (q * q) - (py * y + p) / (q * q) + 2 * p * y * x / (q * q * q)
        let fxx = pxx / q - 2 * px * y / (q * q) + 2 * p * y * y / (q * q * q)
        let r01 = evaluate(f, x, y, 0, 1), r00 = evaluate(f, x, y, 0, 0)
        #expect(abs(r01.value - p / q) < 1e-14)
        #expect(abs(r01.e1 - fx) < 1e-13 && abs(r01.e2 - fy) < 1e-13)
        #expect(abs(r01.e12 - fxy) < 1e-12)
        #expect(abs(r00.e12 - fxx) < 1e-12)
    }

    @Test func log1mexpIsAccurateAtBothEnds() {
        // ln(1 - e^x): near 0 from below and far below, against the direct formula where it is accurate.
        for x in [-1e-10, -0.1, -0.6931, -0.7, -5.0, -40.0] {
            let r = HyperDual.log1mexp(HyperDual(x, e1: 1, e2: 1))
            let direct = x > -1 ? log(-expm1(x)) : log1p(-exp(x))
            #expect(abs(r.value - direct) <= 1e-14 * max(1, abs(direct)))
            let d1 = exp(x) / expm1(x), d2 = -exp(x) / (expm1(x) * expm1(x))    // expm1: no cancellation near 0
            #expect(abs(r.e1 - d1) <= 1e-9 * max(1, abs(d1)))
            #expect(abs(r.e12 - d2) <= 1e-9 * max(1, abs(d2)))
        }
    }

    @Test func normalLogCDFDerivativesInTheLowerTail() {
        // d/dz ln Phi = phi/Phi, which tends to -z in the lower tail; second derivative -q (z + q).
        for z in [-30.0, -5.0, 0.0, 3.0] {
            let r = HyperDual.normalLogCDF(HyperDual(z, e1: 1, e2: 1))
            let q = StandardNormal.pdf(z) / StandardNormal.cdf(z)
            #expect(abs(r.value - StandardNormal.logCDF(z)) <= 1e-14 * max(1, abs(r.value)))
            if z > -20 { #expect(abs(r.e1 - q) <= 1e-12 * max(1, q)) }
            else { #expect(abs(r.e1 - 30.03326) < 1e-4) }             // phi/Phi ~ -z - 1/z + 2/z^3
            #expect(abs(r.e12 + r.e1 * (z + r.e1)) <= 1e-12 * max(1, abs(r.e12)))
        }
    }

    @Test func logGammaDerivativesAreDigammaAndTrigamma() {
        let r = HyperDual.logGamma(HyperDual(1, e1: 1, e2: 1))
        #expect(abs(r.value) < 1e-15)
        #expect(abs(r.e1 + 0.5772156649015329) < 1e-14)                // -Euler's constant
        #expect(abs(r.e12 - Double.pi * Double.pi / 6) < 1e-13)        // pi^2/6
    }

    @Test func doubleEvaluationIsThePlainFunction() {
        #expect(Double.log1mexp(-1) == log1p(-exp(-1)))
        #expect(Double.pow(2, exponent: 10) == 1024 && Double.pow(2, 10) == 1024)
        #expect(Double.sqrt(2) == 2.0.squareRoot())
    }
}
