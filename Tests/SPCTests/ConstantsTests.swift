import Testing
@testable import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Unbiasing constants")
struct ConstantsTests {
    @Test("d2, d3, c4 against published tables (Montgomery Appendix VI, 3-4 decimals)")
    func publishedTables() {
        #expect(close(UnbiasingConstants.d2(2), 1.128, 0.0005))
        #expect(close(UnbiasingConstants.d2(5), 2.326, 0.0005))
        #expect(close(UnbiasingConstants.d2(10), 3.078, 0.0005))
        #expect(close(UnbiasingConstants.c4(5), 0.9400, 0.00005))
        #expect(close(UnbiasingConstants.d3(5), 0.864, 0.0005))
    }

    @Test("closed forms: d2(2) = 2/√π, d2(3) = 3/√π, d3(2)² = 2 - 4/π, c4(2) = √(2/π)")
    func closedForms() {
        #expect(relativelyClose(UnbiasingConstants.d2(2), 2 / Double.pi.squareRoot(), 1e-14))
        #expect(relativelyClose(UnbiasingConstants.d2(3), 3 / Double.pi.squareRoot(), 1e-12))
        #expect(relativelyClose(UnbiasingConstants.d3(2), (2 - 4 / Double.pi).squareRoot(), 1e-14))
        #expect(relativelyClose(UnbiasingConstants.c4(2), (2 / Double.pi).squareRoot(), 1e-14))
        // c4(3) = √π / 2.
        #expect(relativelyClose(UnbiasingConstants.c4(3), Double.pi.squareRoot() / 2, 1e-14))
    }

    /// d2(n) = 2 E[max of n standard normals] = 2 ∫ x n φ(x) Φ(x)^(n-1) dx, by the trapezoid rule on
    /// [-10, 10] with step 1e-3 (exponentially accurate for this smooth, rapidly decaying integrand).
    @Test("d2 against an independent integral of the expected maximum", arguments: [4, 5, 7, 10, 25])
    func d2Independent(n: Int) {
        let h = 1e-3
        var sum = 0.0
        for step in 0...20_000 {
            let x = -10 + Double(step) * h
            let phi = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            let weight = (step == 0 || step == 20_000) ? 0.5 : 1
            sum += weight * x * Double(n) * phi * pow(cdf, Double(n - 1))
        }
        #expect(relativelyClose(UnbiasingConstants.d2(n), 2 * sum * h, 1e-10))
    }

    /// Full-precision d3 from SciPy's adaptive `dblquad` of the same P(min < x, max > y) integral
    /// (tolerance 1e-12), computed for this test.
    @Test("d3 against SciPy dblquad values")
    func d3Independent() {
        #expect(relativelyClose(UnbiasingConstants.d3(3), 0.8883680040451946, 1e-9))
        #expect(relativelyClose(UnbiasingConstants.d3(5), 0.8640819410995026, 1e-9))
        #expect(relativelyClose(UnbiasingConstants.d3(10), 0.7970506735193963, 1e-9))
        #expect(relativelyClose(UnbiasingConstants.d2(5), 2.3259289472810396, 1e-12))
    }

    /// Every tabulated entry is the exact value rounded to the table's digits (catches typos);
    /// Montgomery's d3, D3 and D4 were computed from slightly older d3 values, hence 1.5 units for those.
    @Test("tables agree with the exact constants to their rounding")
    func tablesConsistent() {
        for (i, value) in ConstantTables.d2.enumerated() {
            let n = i + 2
            let d2 = UnbiasingConstants.d2(n), d3 = UnbiasingConstants.d3(n), c4 = UnbiasingConstants.c4(n)
            #expect(abs(value - d2) <= 0.0005 + 1e-12, "d2(\(n))")
            #expect(abs(ConstantTables.d3[i] - d3) <= 0.0015, "d3(\(n))")
            #expect(abs(ConstantTables.a2[i] - 3 / (d2 * Double(n).squareRoot())) <= 0.0005 + 1e-12, "A2(\(n))")
            #expect(abs(ConstantTables.a3[i] - 3 / (c4 * Double(n).squareRoot())) <= 0.0005 + 1e-12, "A3(\(n))")
            #expect(abs(ConstantTables.d3Factor[i] - max(0, 1 - 3 * d3 / d2)) <= 0.0015, "D3(\(n))")
            #expect(abs(ConstantTables.d4Factor[i] - (1 + 3 * d3 / d2)) <= 0.0015, "D4(\(n))")
            let sc = 3 * (1 - c4 * c4).squareRoot() / c4
            #expect(abs(ConstantTables.b3[i] - max(0, 1 - sc)) <= 0.0005 + 1e-12, "B3(\(n))")
            #expect(abs(ConstantTables.b4[i] - (1 + sc)) <= 0.0005 + 1e-12, "B4(\(n))")
        }
        for (i, value) in ConstantTables.qccD3.enumerated() {
            #expect(abs(value - UnbiasingConstants.d3(i + 2)) < 1e-5, "qcc d3(\(i + 2))")
        }
    }

    @Test("constant sources: table uses d2 = 2.326 and qcc's d3(5) = 0.8640855; exact beyond the table")
    func sources() {
        let table = ChartConstants(n: 5, source: .table)
        #expect(table.d2 == 2.326)
        #expect(table.d3 == 0.8640855)
        #expect(relativelyClose(table.c4, UnbiasingConstants.c4(5), 1e-15))
        let textbook = ChartConstants(n: 5, source: .textbookFactors)
        #expect(textbook.a2 == 0.577 && textbook.d4Factor == 2.114 && textbook.d3Factor == 0)
        let beyond = ChartConstants(n: 30, source: .textbookFactors)
        #expect(relativelyClose(beyond.d2, UnbiasingConstants.d2(30), 1e-15))
        #expect(!beyond.usesFactorTable)
    }
}
