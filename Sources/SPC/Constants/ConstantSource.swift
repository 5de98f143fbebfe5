/// Where a chart takes its unbiasing constants and limit factors from.
///
/// Published software and textbooks differ only here, so matching one of them number for number
/// means choosing its convention:
/// - `exact`: d2, d3, c4 computed (`UnbiasingConstants`); limits from them. Minitab and JMP agree
///   with these to the digits they print.
/// - `table`: the qcc convention (`useTableConstants`): d2 from the 3-decimal textbook table
///   (n = 2...25; qcc's `exp.R.unscaled`), d3 from qcc's 7-digit `se.R.unscaled` for n = 2...10
///   (exact beyond, where the two agree to about 1e-5), c4 exact (qcc computes it). qcc's piston-ring
///   numbers (sigma = R̄/2.326) need this.
/// - `textbookFactors`: Montgomery's Appendix VI factors A2, A3, D3, D4, B3, B4 (3 decimals) used
///   directly in the limits (x̄ ± A2 R̄, D4 R̄, ...), with d2 from the 3-decimal table for sigma;
///   n = 2...25. Montgomery's worked examples (hard-bake flow width: A2 = 0.577, D4 = 2.114) need this.
/// Outside a table's range the exact value is used (never an extrapolated table entry).
public enum ConstantSource: String, Sendable, Hashable, CaseIterable {
    case exact
    case table
    case textbookFactors = "textbook"
}

/// Unbiasing constants and limit factors for subgroup size n under a `ConstantSource`.
///
/// The exact d3 costs ~1.5e5 normal CDF evaluations; charts build one `ChartConstants` per distinct
/// subgroup size. - Complexity: O(1) per value.
public struct ChartConstants: Sendable, Equatable {
    public let n: Int
    public let source: ConstantSource
    public let d2: Double
    public let d3: Double
    public let c4: Double

    /// The constants for subgroups of `n`; NaN for n < 2 (no range or standard deviation of one value).
    public init(n: Int, source: ConstantSource) {
        self.n = n
        self.source = source
        guard n >= 2 else {
            (d2, d3, c4) = (.nan, .nan, .nan)
            return
        }
        let index = n - 2
        switch source {
        case .exact:
            d2 = UnbiasingConstants.d2(n)
            d3 = UnbiasingConstants.d3(n)
        case .table:
            d2 = index < ConstantTables.d2.count ? ConstantTables.d2[index] : UnbiasingConstants.d2(n)
            d3 = index < ConstantTables.qccD3.count ? ConstantTables.qccD3[index] : UnbiasingConstants.d3(n)
        case .textbookFactors:
            d2 = index < ConstantTables.d2.count ? ConstantTables.d2[index] : UnbiasingConstants.d2(n)
            d3 = index < ConstantTables.d3.count ? ConstantTables.d3[index] : UnbiasingConstants.d3(n)
        }
        c4 = UnbiasingConstants.c4(n)
    }

    private func factor(_ table: [Double], _ computed: @autoclosure () -> Double) -> Double {
        if source == .textbookFactors, n - 2 < table.count { return table[n - 2] }
        return computed()
    }

    /// x̄ chart half-width in units of R̄ at 3 sigma: 3 / (d2 √n).
    public var a2: Double { factor(ConstantTables.a2, 3 / (d2 * Double(n).squareRoot())) }
    /// x̄ chart half-width in units of S̄ at 3 sigma: 3 / (c4 √n).
    public var a3: Double { factor(ConstantTables.a3, 3 / (c4 * Double(n).squareRoot())) }
    /// R chart lower factor at 3 sigma: max(0, 1 - 3 d3/d2).
    public var d3Factor: Double { factor(ConstantTables.d3Factor, max(0, 1 - 3 * d3 / d2)) }
    /// R chart upper factor at 3 sigma: 1 + 3 d3/d2.
    public var d4Factor: Double { factor(ConstantTables.d4Factor, 1 + 3 * d3 / d2) }
    /// S chart lower factor at 3 sigma: max(0, 1 - 3 sqrt(1 - c4²)/c4).
    public var b3: Double { factor(ConstantTables.b3, max(0, 1 - 3 * (1 - c4 * c4).squareRoot() / c4)) }
    /// S chart upper factor at 3 sigma: 1 + 3 sqrt(1 - c4²)/c4.
    public var b4: Double { factor(ConstantTables.b4, 1 + 3 * (1 - c4 * c4).squareRoot() / c4) }
    /// True when the limits use tabulated factors (which exist only for 3-sigma limits).
    public var usesFactorTable: Bool { source == .textbookFactors && n - 2 < ConstantTables.a2.count }
}
