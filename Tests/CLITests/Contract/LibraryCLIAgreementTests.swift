import Foundation
import Ingest
import Lifetime
import RelmodelJSON
import Testing

/// The JSON contract is the library's: `relmodel fit --json` prints exactly what a pipeline gets by
/// reading the same file with `LifetimeReader`, running `LifetimeAnalysis` with the same options and
/// serialising `json`, byte for byte, on every lifetime oracle data set in datasets/lifetime.
@Suite struct LibraryCLIAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let datasets = [
        "doganaksoy_voltage_two_modes", "gehan_6mp_leukaemia", "ic_lfp1370", "lieblein_zelen_ball_bearings",
        "meeker_escobar_p199_lognormal_example", "nelson_insulating_fluid_voltage", "nist_8_4_1_3_weibull_example",
        "reliar_sys2_software_failures", "shock_absorber",
    ]

    /// The same request on both sides: CLI arguments and library options.
    struct Request: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let options: @Sendable () -> LifetimeAnalysisOptions
        var testDescription: String { name }
    }

    static let requests: [Request] = [
        Request(name: "defaults", arguments: [], options: { LifetimeAnalysisOptions(bLives: [10]) }),
        Request(name: "every family with quantities",
                arguments: ["--all", "--b-life", "1", "--b-life", "10", "--at", "50", "--conditional", "20:30", "--mrl", "25"],
                options: {
                    LifetimeAnalysisOptions(families: LifetimeFamily.allCases, bLives: [1, 10], times: [50],
                                            conditional: [(20, 30)], residualLifeAges: [25])
                }),
        Request(name: "known shape, lower bounds at 90 %",
                arguments: ["--shape", "1.5", "--confidence", "0.9", "--sides", "lower", "--rank", "bic"],
                options: {
                    LifetimeAnalysisOptions(confidence: 0.9, bLives: [10], criterion: .bic, sides: .lower, fixedWeibullShape: 1.5)
                }),
    ]

    @Test(arguments: datasets, requests)
    func fitJSONIsTheLibrarysDocument(dataset: String, request: Request) throws {
        let path = Self.root + "/datasets/lifetime/\(dataset).csv"
        let cli = try CLIRunner.run(["fit", path, "--json"] + request.arguments)
        let input = try LifetimeReader.read(try CSVTable.read(path: path), file: path)
        let analysis = LifetimeAnalysis(data: input.data, rows: input.rows, options: request.options())
        let library = analysis.json.serialized() + "\n"
        if analysis.best != nil || analysis.weibayes != nil {
            #expect(cli.status == 0, "\(cli.stderr)")
        }
        #expect(cli.stdout == library, "\(dataset) \(request.name): the CLI printed something else than the library's document")
    }

    /// `--by`: each group's line is the library's document with the group key in front.
    @Test func groupedLinesAreTheLibrarysDocuments() throws {
        let path = Self.root + "/datasets/lifetime/shock_absorber.csv"
        let cli = try CLIRunner.run(["fit", path, "--json", "--by", "mode"])
        let groups = try LifetimeReader.readGrouped(try CSVTable.read(path: path), file: path, columns: .init(), by: "mode")
        let lines = groups.map { group, input in
            GroupedDocument(group: group, result: LifetimeAnalysis(data: input.data, rows: input.rows,
                                                                   options: LifetimeAnalysisOptions(bLives: [10]))).json.serialized()
        }
        #expect(cli.stdout == lines.joined(separator: "\n") + "\n")
    }
}
