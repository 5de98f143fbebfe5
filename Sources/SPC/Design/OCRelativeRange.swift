import RelmodelNumerics

/// The relative range W = R / sigma of a sample of n independent normal observations, the
/// distribution behind the R chart and its constants d2 = E[W] and d3 = sd(W).
///
/// Method: P(W <= w) = n ∫ phi(x) [Phi(x + w) - Phi(x)]^(n-1) dx (Tippett 1925; Hartley 1942),
/// by composite Gauss-Legendre quadrature (12 panels of order 24) on x in [-9, 9], beyond which
/// phi contributes less than 1e-18. d2 = ∫ [1 - Phi(x)^n - (1 - Phi(x))^n] dx (one integral) and
/// E[W²] = 2 ∫_0^∞ w P(W > w) dw (nested), so d3 = sqrt(E[W²] - d2²). Accuracy about 1e-10
/// absolute; checked against the closed form for n = 2 (W = sqrt(2)|Z|) and Montgomery's
/// Appendix VI table of d2 and d3.
public struct OCRelativeRange: Sendable, Equatable {
    /// Subgroup size n (2 ... 100).
    public let subgroupSize: Int

    /// - Throws: `ARLError.invalidParameter` unless 2 <= n <= 100.
    public init(subgroupSize: Int) throws(ARLError) {
        guard subgroupSize >= 2, subgroupSize <= 100 else {
            throw .invalidParameter("the relative range needs a subgroup size in 2...100, got \(subgroupSize)")
        }
        self.subgroupSize = subgroupSize
    }

    /// Composite Gauss-Legendre over [a, b]: `panels` panels of order 24.
    static func integrate(_ a: Double, _ b: Double, panels: Int, _ f: (Double) -> Double) -> Double {
        let width = (b - a) / Double(panels)
        var total = 0.0
        for p in 0..<panels {
            let left = a + Double(p) * width
            total += GaussLegendre.integrate(left, left + width, order: 24, f)
        }
        return total
    }

    /// P(W <= w). - Complexity: O(288 n): 288 quadrature nodes, each a CDF pair and an (n-1)th power.
    public func cdf(_ w: Double) -> Double {
        guard w > 0 else { return 0 }
        let n = subgroupSize
        let value = Double(n) * Self.integrate(-9, 9, panels: 12) { x in
            var inside = StandardNormal.cdf(x + w) - StandardNormal.cdf(x)
            if x > 0 { inside = StandardNormal.survival(x) - StandardNormal.survival(x + w) }
            return StandardNormal.pdf(x) * Self.power(inside, n - 1)
        }
        return min(max(value, 0), 1)
    }

    /// d2 = E[W]. - Complexity: O(288 n).
    public var d2: Double {
        let n = subgroupSize
        return Self.integrate(-9, 9, panels: 12) { x in
            1 - Self.power(StandardNormal.cdf(x), n) - Self.power(StandardNormal.survival(x), n)
        }
    }

    /// d3 = sd(W). - Complexity: O(288² n) (the CDF inside an outer quadrature over w in [0, 18]).
    public var d3: Double {
        let mean = d2
        let secondMoment = 2 * Self.integrate(0, 18, panels: 12) { w in w * (1 - cdf(w)) }
        return (secondMoment - mean * mean).squareRoot()
    }

    static func power(_ x: Double, _ k: Int) -> Double {
        var result = 1.0
        for _ in 0..<k { result *= x }
        return result
    }
}
