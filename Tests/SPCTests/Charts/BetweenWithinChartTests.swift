import Testing
import RelmodelNumerics
@testable import SPC

/// Between/within (I-MR-R/S) charts: the hard-bake oracle and an independent computation of the three
/// sigmas written here.
@Suite struct BetweenWithinChartTests {
    static func hardBake() throws -> SubgroupData {
        let csv = TestCSV("hardbake_flow_width.csv")
        return try SubgroupData(longForm: csv.doubles("flow_width"), subgroups: csv.strings("sample"))
    }

    /// Montgomery Example 6.1: R-bar 0.32521, sigma 0.1398 (within); grand mean 1.5056.
    @Test func hardBakeWithinSigma() throws {
        let result = try BetweenWithinChart(try Self.hardBake())
        #expect(abs(result.sigmaWithin - 0.1398) < 5e-5)
        #expect(abs(result.within.center - 0.32521) < 5e-6)
        #expect(abs(result.individuals.center - 1.5056) < 5e-5)
        #expect(result.charts.map(\.type) == [.i, .mr, .r])
        #expect(result.batchSize == 5)
    }

    /// Batches with a real between-batch variance: 30 batches of 4, batch sd 2, within sd 0.5. The
    /// sigmas from the definitions, computed here from the raw numbers: within R-bar/d2(4) (d2 = 2.058751),
    /// means MR-bar/d2(2) (1.128379), between sqrt(sigma_means^2 - sigma_within^2/4).
    @Test func sigmasFromTheirDefinitions() throws {
        var generator = Xoshiro256StarStar(seed: 42)
        var groups: [[Double]] = []
        for _ in 0..<30 {
            let batch = 2 * RandomVariates.standardNormal(using: &generator)
            groups.append((0..<4).map { _ in 50 + batch + 0.5 * RandomVariates.standardNormal(using: &generator) })
        }
        let data = try SubgroupData(labels: (1...30).map(String.init), values: groups)
        let result = try BetweenWithinChart(data)
        let rBar = groups.map { $0.max()! - $0.min()! }.reduce(0, +) / 30
        let within = rBar / 2.058750746
        let means = groups.map { $0.reduce(0, +) / 4 }
        let mrBar = zip(means.dropFirst(), means).map { abs($0 - $1) }.reduce(0, +) / 29
        let sigmaMeans = mrBar / 1.128379167
        let between = (sigmaMeans * sigmaMeans - within * within / 4).squareRoot()
        #expect(abs(result.sigmaWithin - within) < 1e-7 * within)
        #expect(abs(result.sigmaMeans - sigmaMeans) < 1e-7 * sigmaMeans)
        #expect(abs(result.sigmaBetween - between) < 1e-7 * between)
        #expect(abs(result.sigmaTotal - (between * between + within * within).squareRoot()) < 1e-7 * result.sigmaTotal)
        let grand = means.reduce(0, +) / 30
        #expect(abs(result.individuals.ucl! - (grand + 3 * sigmaMeans)) < 1e-9 * grand)
        #expect(result.notes.isEmpty)
    }

    /// No subgroup size shared by more than half of the subgroups: no batch size, refused.
    @Test func noMajoritySize() throws {
        let data = try SubgroupData(labels: ["1", "2", "3"], values: [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4]])
        #expect(throws: SPCError.self) { try BetweenWithinChart(data) }
    }
}
