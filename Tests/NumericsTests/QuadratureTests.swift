import Testing
@testable import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct QuadratureTests {
    @Test func gaussLegendreClosedForms() {
        // 3-point rule: nodes 0, +-sqrt(3/5), weights 8/9, 5/9 (Abramowitz & Stegun 25.4.29).
        let three = GaussLegendre.rule(order: 3)
        // Within 2 ulps (4.5e-16), well inside the 1e-15 required of the rules.
        expectAbsolute(three.nodes[0], -0.7745966692414834, 4.5e-16)
        #expect(three.nodes[1] == 0)
        expectAbsolute(three.nodes[2], 0.7745966692414834, 4.5e-16)
        expectAbsolute(three.weights[0], 5.0 / 9.0, 4.5e-16)
        expectAbsolute(three.weights[1], 8.0 / 9.0, 4.5e-16)
        // 20-point rule, from mpmath at 40 digits (mp.findroot on mp.legendre(20, x), weights
        // 2 / ((1 - x^2) P20'(x)^2)); numpy's leggauss(20) is 1.2e-15 off in the last weight.
        let twenty = GaussLegendre.rule(order: 20)
        expectAbsolute(twenty.nodes[19], 0.9931285991850949, 4.5e-16)
        expectAbsolute(twenty.weights[19], 0.017614007139152118, 1e-16)
        expectAbsolute(twenty.nodes[10], 0.07652652113349734, 1e-16)
        expectAbsolute(twenty.weights[10], 0.15275338713072584, 4.5e-16)
    }

    @Test func gaussLegendreIsExactForPolynomials() {
        for n in [1, 2, 3, 5, 8, 13, 20, 64, 100] {
            let rule = GaussLegendre.rule(order: n)
            #expect(rule.nodes.count == n)
            #expect(zip(rule.nodes, rule.nodes.dropFirst()).allSatisfy { $0 < $1 })   // ascending
            expectAbsolute(rule.weights.reduce(0, +), 2, 4e-15, "sum of weights, n = \(n)")
            // x^k integrates to 2/(k+1) for even k and 0 for odd k, up to degree 2n - 1.
            for k in 0...(2 * n - 1) {
                var sum = 0.0
                for i in 0..<n { sum += rule.weights[i] * pow(rule.nodes[i], Double(k)) }
                let exact = k % 2 == 0 ? 2 / Double(k + 1) : 0
                expectAbsolute(sum, exact, 1e-14, "n = \(n), degree \(k)")
            }
        }
        // Degree 2n is not integrated exactly: the rule really has order n.
        let rule = GaussLegendre.rule(order: 4)
        var sum = 0.0
        for i in 0..<4 { sum += rule.weights[i] * pow(rule.nodes[i], 8) }
        #expect(abs(sum - 2.0 / 9.0) > 1e-3)
    }

    @Test func gaussLegendreIntegrate() {
        expectRelative(GaussLegendre.integrate(0, Double.pi) { sin($0) }, 2, 1e-15)
        expectRelative(GaussLegendre.integrate(1, 3, order: 5) { $0 * $0 * $0 * $0 }, (243.0 - 1.0) / 5.0, 1e-15)
        #expect(GaussLegendre.integrate(2, 2) { $0 } == 0)
        #expect(GaussLegendre.integrate(0, .infinity) { $0 }.isNaN)
    }

    @Test func adaptiveFiniteAndSingular() {
        expectRelative(AdaptiveQuadrature.integrate(0, 1) { $0.squareRoot() }, 2.0 / 3.0, 1e-12)
        expectRelative(AdaptiveQuadrature.integrate(0, 1) { log($0) }, -1, 1e-12)      // end-point singularity
        expectRelative(AdaptiveQuadrature.integrate(0, 1) { 1 / $0.squareRoot() }, 2, 1e-10)
        expectRelative(AdaptiveQuadrature.integrate(0, 2) { $0 < 1 ? 1 : 3 }, 4, 1e-12)  // jump
        expectRelative(AdaptiveQuadrature.integrate(1, 0) { $0 * $0 }, -1.0 / 3.0, 1e-14)
        let zero = AdaptiveQuadrature.integrateWithErrorEstimate(-1, 1) { sin(3 * $0) }
        #expect(zero.converged)
        expectAbsolute(zero.value, 0, 1e-15)
    }

    @Test func adaptiveInfiniteLimits() {
        expectRelative(AdaptiveQuadrature.integrate(0, .infinity) { exp(-$0) }, 1, 1e-12)
        expectRelative(AdaptiveQuadrature.integrate(-.infinity, 0) { exp($0) }, 1, 1e-12)
        expectRelative(AdaptiveQuadrature.integrate(-.infinity, .infinity) { StandardNormal.pdf($0) }, 1, 1e-12)
        // Gamma(3.5) = 15 sqrt(pi) / 8 as the integral of x^2.5 e^-x.
        expectRelative(AdaptiveQuadrature.integrate(0, .infinity) { pow($0, 2.5) * exp(-$0) },
                       15 * Double.pi.squareRoot() / 8, 1e-12)
        // Mean of a Weibull(shape 2, scale 1) = Gamma(1.5) = sqrt(pi)/2, from its survival function.
        expectRelative(AdaptiveQuadrature.integrate(0, .infinity) { exp(-$0 * $0) }, Double.pi.squareRoot() / 2, 1e-12)
        let report = AdaptiveQuadrature.integrateWithErrorEstimate(2, .infinity) { 1 / ($0 * $0) }
        #expect(report.converged)
        expectRelative(report.value, 0.5, 1e-12)
        #expect(report.errorEstimate <= 1e-12 * 0.5)
    }
}
