import RelmodelNumerics

/// The distribution of the relative range W = R / sigma of a sample of n independent normal
/// observations, the distribution behind the R chart's OC curve (its mean and standard deviation
/// are `UnbiasingConstants.d2` and `.d3`).
///
/// Method: P(W <= w) = n ∫ phi(x) [Phi(x + w) - Phi(x)]^(n-1) dx (Tippett 1925; Hartley 1942), by
/// the composite 16-point Gauss-Legendre rule of `UnbiasingConstants` on unit panels over
/// x in [-12, 12], beyond which phi is below 1e-31. The integrand is analytic, so the accuracy is
/// about 1e-14 absolute; checked against the closed form for n = 2 (W = sqrt(2)|Z|).
public struct OCRelativeRange: Sendable, Equatable {
    /// Subgroup size n (>= 2).
    public let subgroupSize: Int

    /// - Throws: `ARLError.invalidParameter` unless n >= 2.
    public init(subgroupSize: Int) throws(ARLError) {
        guard subgroupSize >= 2 else {
            throw .invalidParameter("the relative range needs a subgroup size n >= 2, got \(subgroupSize)")
        }
        self.subgroupSize = subgroupSize
    }

    /// P(W <= w); 0 for w <= 0.
    /// - Complexity: O(384 n): 384 quadrature nodes, each a pair of normal tail probabilities and an
    ///   (n-1)th power.
    public func cdf(_ w: Double) -> Double {
        guard w > 0 else { return 0 }
        let exponent = subgroupSize - 1
        let value = Double(subgroupSize) * UnbiasingConstants.rule.integrate(-12, 12, panels: 24) { x in
            // Phi(x + w) - Phi(x) from the tail on x's side, so that neither term is close to 1.
            let inside = x > 0
                ? StandardNormal.survival(x) - StandardNormal.survival(x + w)
                : StandardNormal.cdf(x + w) - StandardNormal.cdf(x)
            var power = 1.0
            for _ in 0..<exponent { power *= inside }
            return StandardNormal.pdf(x) * power
        }
        return min(max(value, 0), 1)
    }
}
