#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SPC

/// Anderson-Darling normality and lag-1 autocorrelation against independent computations.
@Suite struct NormalityTests {
    /// A² from `scipy.stats.anderson(x).statistic` (SciPy 1.x; same definition, sample sd with n - 1).
    /// A*² = A²(1 + 0.75/n + 2.25/n²) and the p-value computed by hand in Python from the
    /// D'Agostino-Stephens branches (nortest::ad.test):
    ///   x = 1..10, 20, 40 (n = 12): A² = 1.3839509651013149, A*² = 1.492072134249855,
    ///     p = exp(1.2937 - 5.709·A*² + 0.0186·A*²²) = 0.0007592867741975959;
    ///   x = exp(linspace(-2, 2, 15)) (n = 15): A² = 1.1124363458438822, A*² = 1.1791825265945153,
    ///     p = 0.004460964522365709.
    @Test func andersonDarlingAgainstSciPy() throws {
        let a = try AndersonDarlingNormality([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 40])
        #expect(relativelyClose(a.statistic, 1.3839509651013149, 1e-12))
        #expect(relativelyClose(a.adjustedStatistic, 1.492072134249855, 1e-12))
        #expect(relativelyClose(a.pValue, 0.0007592867741975959, 1e-10))
        let x = (0..<15).map { exp(-2 + 4 * Double($0) / 14) }
        let b = try AndersonDarlingNormality(x)
        #expect(relativelyClose(b.statistic, 1.1124363458438822, 1e-12))
        #expect(relativelyClose(b.adjustedStatistic, 1.1791825265945153, 1e-12))
        #expect(relativelyClose(b.pValue, 0.004460964522365709, 1e-10))
    }

    /// One value in each branch of the p-value approximation, each written out by hand.
    @Test func pValueBranches() {
        #expect(relativelyClose(AndersonDarlingNormality.pValue(0.1), 1 - exp(-13.436 + 10.114 - 2.2373), 1e-14))
        #expect(relativelyClose(AndersonDarlingNormality.pValue(0.3), 1 - exp(-8.318 + 12.8388 - 5.39442), 1e-14))
        #expect(relativelyClose(AndersonDarlingNormality.pValue(0.5), exp(0.9177 - 2.1395 - 0.345), 1e-14))
        #expect(relativelyClose(AndersonDarlingNormality.pValue(2), exp(1.2937 - 11.418 + 0.0744), 1e-14))
        #expect(AndersonDarlingNormality.pValue(12) == 3.7e-24)
    }

    @Test func domain() {
        #expect(throws: SPCError.self) { try AndersonDarlingNormality([1, 2, 3, 4, 5, 6, 7]) }
        #expect(throws: SPCError.self) { try AndersonDarlingNormality(Array(repeating: 3, count: 10)) }
        #expect(throws: SPCError.self) { try LagOneAutocorrelation([1, 1, 1, 1]) }
    }

    /// r1 of 1, 2, ..., 5: mean 3, deviations -2..2; numerator (-2)(-1) + (-1)(0) + 0·1 + 1·2 = 4,
    /// denominator 10: r1 = 0.4 (R: acf(1:5, plot = FALSE)$acf[2] = 0.4).
    @Test func autocorrelationByHand() throws {
        let r = try LagOneAutocorrelation([1, 2, 3, 4, 5])
        #expect(abs(r.r1 - 0.4) < 1e-15)
        #expect(r.limit == 1.96 / 5.0.squareRoot())
        #expect(!r.significant)
        let alternating = try LagOneAutocorrelation((0..<40).map { $0 % 2 == 0 ? 1 : -1 })
        #expect(abs(alternating.r1 - (-39.0 / 40)) < 1e-15)
        #expect(alternating.significant)
    }
}
