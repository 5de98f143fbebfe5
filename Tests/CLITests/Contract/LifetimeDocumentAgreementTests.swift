import Foundation
import Ingest
import Lifetime
import RelmodelJSON
import Testing

/// The other lifetime documents, CLI against library, byte for byte on the oracle data sets:
/// nonparametric estimates, special models ranked with the standard ones, competing risks with known
/// modes, and bathtub regions.
@Suite struct LifetimeDocumentAgreementTests {
    static func path(_ dataset: String) -> String { LibraryCLIAgreementTests.root + "/datasets/lifetime/\(dataset).csv" }

    static func input(_ dataset: String) throws -> LifetimeInput {
        try LifetimeReader.read(try CSVTable.read(path: path(dataset)), file: path(dataset))
    }

    /// Compares the CLI's stdout with `library` (nil when the library refuses the data: then the CLI
    /// must fail and print nothing on stdout). The exit status is not compared: a document that says
    /// "no answer" (bathtub without regions, no combined model) is printed and the run exits 65.
    static func expectSame(_ arguments: [String], _ library: String?, _ label: String) throws {
        let cli = try CLIRunner.run(arguments)
        if let library {
            #expect(cli.stdout == library + "\n", "\(label): the CLI printed something else than the library's document")
        } else {
            #expect(cli.status != 0 && cli.stdout.isEmpty, "\(label): the library refused the data but the CLI printed \(cli.stdout)")
        }
    }

    @Test(arguments: LibraryCLIAgreementTests.datasets)
    func nonparametricDocuments(dataset: String) throws {
        let data = try Self.input(dataset).data
        let km = try? KaplanMeier(data, confidence: 0.9)
        try Self.expectSame(["nonparametric", Self.path(dataset), "--json", "--confidence", "0.9"],
                            km.map { $0.json.serialized() }, "\(dataset) km")
        try Self.expectSame(["nonparametric", Self.path(dataset), "--json", "--km-bounds", "plain"],
                            (try? KaplanMeier(data))?.json(bounds: .plain).serialized(), "\(dataset) km plain")
        try Self.expectSame(["nonparametric", Self.path(dataset), "--json", "--method", "na"],
                            (try? NelsonAalen(data))?.json.serialized(), "\(dataset) na")
        try Self.expectSame(["nonparametric", Self.path(dataset), "--json", "--method", "turnbull"],
                            (try? Turnbull(data))?.json.serialized(), "\(dataset) turnbull")
    }

    /// Special models by name (defective subpopulations, a mixture, a bathtub family) beside standard ones.
    @Test(arguments: [
        ("ic_lfp1370", ["weibull-lfp", "lognormal-lfp"], [LifetimeFamily]()),
        ("doganaksoy_voltage_two_modes", ["weibull-mixture2"], [.weibull2p]),
        ("reliar_sys2_software_failures", ["chen", "exponential-power"], [.weibull2p, .exponential1p]),
    ])
    func specialModelDocuments(dataset: String, names: [String], standard: [LifetimeFamily]) throws {
        let input = try Self.input(dataset)
        let options = LifetimeAnalysisOptions(families: standard, bLives: [10], times: [100])
        let comparison = ModelComparison(data: input.data, rows: input.rows, general: names.compactMap(FamilyCatalog.family(named:)),
                                         options: options)
        let dists = (standard.map(\.rawValue) + names).flatMap { ["--dist", $0] }
        try Self.expectSame(["fit", Self.path(dataset), "--json", "--at", "100"] + dists, comparison.json.serialized(), "\(dataset) \(names)")
    }

    @Test(arguments: ["shock_absorber", "doganaksoy_voltage_two_modes"])
    func competingRisksDocuments(dataset: String) throws {
        let input = try LifetimeReader.readFailureModes(try CSVTable.read(path: Self.path(dataset)), file: Self.path(dataset),
                                                        columns: .init(), mode: "mode")
        let analysis = CompetingRisksAnalysis(data: input.data, rows: input.rows,
                                              options: LifetimeAnalysisOptions(bLives: [10], times: [10000]))
        try Self.expectSame(["fit", Self.path(dataset), "--json", "--mode", "mode", "--at", "10000"], analysis.json.serialized(),
                            "\(dataset) modes")
    }

    /// Competing risks with a special model per mode (Chen's bathtub family).
    @Test func competingRisksWithASpecialModel() throws {
        let path = Self.path("shock_absorber")
        let input = try LifetimeReader.readFailureModes(try CSVTable.read(path: path), file: path, columns: .init(), mode: "mode")
        let analysis = CompetingRisksAnalysis(data: input.data, rows: input.rows, general: ChenDistribution(),
                                              options: LifetimeAnalysisOptions(bLives: [10], times: [10000]))
        try Self.expectSame(["fit", path, "--json", "--mode", "mode", "--dist", "chen", "--at", "10000"], analysis.json.serialized(),
                            "shock_absorber chen modes")
    }

    /// Bathtub regions with Fisher bounds (likelihood-ratio profiles are slow in a debug build; the
    /// document's code path is the same), in hours and in another unit, under both definitions.
    @Test(arguments: [
        ("reliar_sys2_software_failures", RegionDefinition.threshold(tolerance: 0.10), true),
        ("ic_lfp1370", RegionDefinition.components, false),
    ])
    func bathtubDocuments(dataset: String, definition: RegionDefinition, hours: Bool) throws {
        let input = try Self.input(dataset)
        var options = LifetimeAnalysisOptions(families: [], boundsMethod: .fisher, confidence: 0.95, bLives: [])
        options.criterion = .aicc
        let analysis = BathtubAnalysis(data: input.data, rows: input.rows, definition: definition, bounds: .fisher,
                                       options: options, timesAreHours: hours)
        let name = if case .components = definition { "components" } else { "threshold" }
        try Self.expectSame(["bathtub", Self.path(dataset), "--json", "--bounds", "fisher", "--definition", name,
                             "--time-unit", hours ? "hours" : "other"], analysis.json.serialized(), "\(dataset) bathtub")
    }
}
