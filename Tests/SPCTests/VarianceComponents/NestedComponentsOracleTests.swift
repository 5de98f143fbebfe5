import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import SPC

/// Nested variance components against published values (../shared/oracles/README.md, datasets/spc).
@Suite struct NestedComponentsOracleTests {
    static func pastes() throws -> NestedSample {
        let csv = TestCSV("pastes_nested.csv")
        return try NestedSample(values: csv.doubles("strength"),
                                labels: [csv.strings("batch"), csv.strings("cask"), csv.strings("rownum")],
                                levels: ["batch", "cask", "assay"])
    }

    /// The EP05-A2 set (20 days x 2 runs x 2 replicates); `unbalanced` deletes rows 11, 12, 17, 37, 45,
    /// 56, 57 and 68 as VCA's tests do.
    static func ep05(unbalanced: Bool) throws -> NestedSample {
        let csv = TestCSV("vca_ep05a2_1.csv")
        let deleted: Set<String> = unbalanced ? ["11", "12", "17", "37", "45", "56", "57", "68"] : []
        let keep = csv.strings("rownum").map { !deleted.contains($0) }
        func column(_ name: String) -> [String] { zip(csv.strings(name), keep).filter(\.1).map(\.0) }
        return try NestedSample(values: column("y").map { Double($0)! },
                                labels: [column("day"), column("run"), column("rep")], levels: ["day", "run", "rep"])
    }

    /// Pastes (Davies & Goldsmith; lme4): balanced, so REML equals ANOVA. Mean squares 27.489185 (9 df),
    /// 17.545333 (20), 0.678 (30); components 1.657309, 8.433667, 0.678000; intercept 60.05333 with
    /// SE 0.67687; REML criterion 246.99075; ML deviance 247.994466.
    @Test func pastes() throws {
        let sample = try Self.pastes()
        #expect(sample.isBalanced)
        let anova = NestedANOVA(sample)
        let ms = anova.lines.map(\.meanSquare), df = anova.lines.map(\.degreesOfFreedom)
        #expect(df == [9, 20, 30])
        for (a, b) in zip(ms, [27.489185, 17.545333, 0.678]) { #expect(abs(a - b) <= 5e-7, "MS \(a) \(b)") }
        for (a, b) in zip(anova.components, [1.657309, 8.433667, 0.678000]) { #expect(abs(a - b) <= 5e-7, "ANOVA \(a) \(b)") }
        let reml = try NestedREML.fit(sample)
        for (a, b) in zip(reml.components, [1.657309, 8.433667, 0.678000]) { #expect(abs(a - b) <= 5e-7, "REML \(a) \(b)") }
        #expect(reml.converged)
        #expect(reml.gradientNorm < 1e-8, "\(reml.gradientNorm)")
        #expect(abs(reml.criterion - 246.99075) <= 5e-6, "\(reml.criterion)")
        #expect(abs(reml.mean - 60.05333) <= 5e-6)
        #expect(abs(reml.meanStandardError - 0.67687) <= 5e-6)
        let ml = try NestedREML.fit(sample, restricted: false, intervals: false)
        #expect(abs(ml.criterion - 247.994466) <= 5e-7, "\(ml.criterion)")
    }

    /// EP05-A2 balanced (VCA): day 0.001096, run 1.344492, error 1.953397, ANOVA = REML.
    @Test func ep05Balanced() throws {
        let sample = try Self.ep05(unbalanced: false)
        let expected = [0.001096, 1.344492, 1.953397]
        let anova = NestedANOVA(sample)
        for (a, b) in zip(anova.components, expected) { #expect(abs(a - b) <= 5e-7, "ANOVA \(a) \(b)") }
        let reml = try NestedREML.fit(sample, intervals: false)
        for (a, b) in zip(reml.components, expected) { #expect(abs(a - b) <= 5e-7, "REML \(a) \(b)") }
    }

    /// EP05-A2 unbalanced: Type I ANOVA (SAS PROC NESTED / VARCOMP, as VCA's tests quote them) day
    /// 0.278178, run 0.875624, error 2.118229, total 3.272031, to all six decimals; REML at the exact
    /// optimum day 0.28358737, run 0.90586507, error 2.06768457 to 1e-6 relative (SAS PROC MIXED prints
    /// 0.28354702, 0.90581094, 2.06774293, up to 7.6e-4 away: its gradient there is about 1e-3).
    @Test func ep05Unbalanced() throws {
        let sample = try Self.ep05(unbalanced: true)
        #expect(!sample.isBalanced)
        #expect(sample.count == 72)
        let anova = NestedANOVA(sample)
        for (a, b) in zip(anova.components, [0.278178, 0.875624, 2.118229]) { #expect(abs(a - b) <= 5e-7, "ANOVA \(a) \(b)") }
        #expect(abs(anova.components.reduce(0, +) - 3.272031) <= 5e-7)
        let reml = try NestedREML.fit(sample, intervals: false)
        for (a, b) in zip(reml.components, [0.28358737, 0.90586507, 2.06768457]) {
            #expect(abs(a - b) <= 1e-6 * b, "REML \(a) \(b)")
        }
        #expect(reml.converged)
        #expect(reml.gradientNorm < 1e-8, "\(reml.gradientNorm)")
    }

    /// Minitab's fully nested ANOVA example, from its mean squares 243.8385, 41.6510, 31.9774, 12.4062
    /// with 48, 12 and 3 observations per group of the three grouping levels: components 4.212, 0.806,
    /// 6.524 and 12.406.
    @Test func minitabFullyNestedFromMeanSquares() {
        let coefficients: [[Double]] = [[48, 12, 3, 1], [0, 12, 3, 1], [0, 0, 3, 1], [0, 0, 0, 1]]
        let components = NestedANOVA.components(meanSquares: [243.8385, 41.6510, 31.9774, 12.4062], coefficients: coefficients)
        for (a, b) in zip(components, [4.212, 0.806, 6.524, 12.406]) { #expect(abs(a - b) <= 5e-4, "\(a) \(b)") }
    }

    /// The unbalanced two-level expected-mean-square coefficients of the oracle README, computed here by
    /// hand for EP05 unbalanced and compared with the table's.
    @Test func unbalancedCoefficientsMatchTheFormula() throws {
        let sample = try Self.ep05(unbalanced: true)
        let anova = NestedANOVA(sample)
        // n_ij per (day, run) cell and n_i per day, from the sample's tree.
        let cells = sample.sizes[1].map(Double.init), days = sample.sizes[0].map(Double.init)
        let n = Double(sample.count)
        var sumCellOverDay = 0.0
        for (j, size) in cells.enumerated() { sumCellOverDay += size * size / days[sample.parents[1][j]] }
        let dfA = anova.lines[0].degreesOfFreedom, dfB = anova.lines[1].degreesOfFreedom
        let k1 = (n - sumCellOverDay) / dfB
        let k2 = (sumCellOverDay - cells.reduce(0) { $0 + $1 * $1 } / n) / dfA
        let k3 = (n - days.reduce(0) { $0 + $1 * $1 } / n) / dfA
        #expect(abs(anova.lines[1].expectedMeanSquare[1] - k1) < 1e-12)
        #expect(abs(anova.lines[0].expectedMeanSquare[1] - k2) < 1e-12)
        #expect(abs(anova.lines[0].expectedMeanSquare[0] - k3) < 1e-12)
    }
}

/// REML profile-likelihood intervals (95%) against a dense computation independent of the tree
/// recursion (`scripts/reference/nested_profile_intervals.R`: V formed as an n x n matrix, the other
/// components re-maximised over their boundary too, ends by `uniroot`). lme4 1.1-31's
/// `confint(method = "profile")` gives the same residual interval and the same lower end for the cask
/// (0.42513, 1.17820; 4.65668) but upper ends of 8.6824 (batch) and 16.4316 (cask), squared from its
/// standard-deviation scale: the dense criterion rises there by only 2.875 and 3.588, short of the
/// 3.8415 of a 95% interval (lme4 interpolates its profile by splines).
@Suite struct NestedProfileIntervalTests {
    static func check(_ fit: NestedREML.Fit, _ expected: [(Double, Double)]) {
        for (i, (lower, upper)) in expected.enumerated() {
            guard let interval = fit.intervals[i] else {
                Issue.record("no interval for \(fit.levels[i])")
                continue
            }
            #expect(abs(interval.lowerBound - lower) <= 1e-7 * max(upper, 1), "\(fit.levels[i]) lower \(interval.lowerBound) \(lower)")
            #expect(abs(interval.upperBound - upper) <= 1e-7 * upper, "\(fit.levels[i]) upper \(interval.upperBound) \(upper)")
        }
    }

    @Test func pastes() throws {
        let fit = try NestedREML.fit(try NestedComponentsOracleTests.pastes())
        Self.check(fit, [(0, 10.8017128259), (4.6566658733, 16.8103734073), (0.4251338480, 1.1781964025)])
    }

    @Test func ep05Unbalanced() throws {
        let fit = try NestedREML.fit(try NestedComponentsOracleTests.ep05(unbalanced: true))
        #expect(abs(fit.criterion - 284.210712475) <= 1e-8)
        Self.check(fit, [(0, 1.7214643918), (0, 2.5900343309), (1.3348349664, 3.4360263375)])
    }
}
