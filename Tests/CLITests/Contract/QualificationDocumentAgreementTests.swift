import Foundation
import Ingest
import Lifetime
import Qualification
import RelmodelJSON
import Testing

/// The qualification documents, CLI against library, byte for byte: ALT on Nelson's insulating fluid,
/// FIT from one test, every demonstration-plan kind, burn-in from a fitted defective subpopulation
/// (the IC data) and from a given model.
@Suite struct QualificationDocumentAgreementTests {
    static func expectSame(_ arguments: [String], _ library: JSONValue) throws {
        let cli = try CLIRunner.run(arguments)
        #expect(cli.status == 0, "\(arguments): \(cli.stderr)")
        #expect(cli.stdout == library.serialized() + "\n", "\(arguments): the CLI printed something else than the library's document")
    }

    @Test(arguments: [LifeStressRelationship.inversePower, .exponential])
    func altDocument(relationship: LifeStressRelationship) throws {
        let path = LibraryCLIAgreementTests.root + "/datasets/lifetime/nelson_insulating_fluid_voltage.csv"
        let (levels, rows) = try LifeStressReader.read(try CSVTable.read(path: path), file: path, stressColumns: ["voltage_kV"],
                                                       relationship: relationship)
        let analysis = try LifeStressAnalysis(levels: levels, rows: rows, family: .weibull2p, relationship: relationship,
                                              confidence: 0.9, use: [20], bLifePercent: 1, missionHours: 50_000)
        try Self.expectSame(["alt", path, "--stress", "voltage_kV", "--relationship", relationship.rawValue, "--use-stress", "20",
                             "--confidence", "0.9", "--b-life", "1", "--mission-hours", "50000", "--json"], analysis.json)
    }

    @Test func fitRateDocument() throws {
        let plan = FailureRatePlan.single(units: 300, hours: 2000, failures: 1, stressCelsius: 125, useCelsius: 55,
                                          activationEnergy: 0.7, constants: ThermalConstants())
        let result = try plan.evaluate(confidence: 0.6)
        try Self.expectSame(["fitrate", "--units", "300", "--hours", "2000", "--failures", "1", "--stress-temp", "125",
                             "--use-temp", "55", "--ea", "0.7", "--json"], result.json)
    }

    @Test func planDocuments() throws {
        try Self.expectSame(["plan", "--reliability", "0.9", "--confidence", "0.9", "--failures", "1", "--json"],
                            try DemonstrationPlan(.successRun, confidence: 0.9, failures: 1, reliability: 0.9).json)
        try Self.expectSame(["plan", "--kind", "exponential", "--mttf", "1e6", "--confidence", "0.6", "--units", "77",
                             "--acceleration-factor", "80", "--json"],
                            try DemonstrationPlan(.exponential, confidence: 0.6, units: 77, mttf: 1e6, accelerationFactor: 80).json)
        try Self.expectSame(["plan", "--kind", "weibayes", "--units", "20", "--reliability", "0.95", "--mission-time", "1000",
                             "--shape", "2", "--confidence", "0.9", "--json"],
                            try DemonstrationPlan(.weibayes, confidence: 0.9, units: 20, reliability: 0.95, missionTime: 1000, shape: 2).json)
        try Self.expectSame(["plan", "--kind", "ltpd", "--units", "116", "--confidence", "0.9", "--json"],
                            try DemonstrationPlan(.ltpd, confidence: 0.9, units: 116).json)
        try Self.expectSame(["plan", "--kind", "elfr", "--units", "3000", "--failures", "2", "--confidence", "0.6", "--json"],
                            try DemonstrationPlan(.elfr, confidence: 0.6, failures: 2, units: 3000).json)
    }

    @Test func burnInDocuments() throws {
        let path = LibraryCLIAgreementTests.root + "/datasets/lifetime/ic_lfp1370.csv"
        let input = try LifetimeReader.read(try CSVTable.read(path: path), file: path)
        let fit = try DefectiveSubpopulation.fit(.weibull2p, to: input.data)
        let plan = try BurnInPlan(BurnInModel(fit), target: .defectiveFractionRemoved(0.5), accelerationFactor: 20, confidence: 0.9)
        try Self.expectSame(["burnin", path, "--acceleration-factor", "20", "--remove-fraction", "0.5", "--json"],
                            BurnInReport(model: BurnInModelSummary(fit), accelerationFactor: 20, confidence: 0.9, plan: plan).json)
        let given = BurnInModel(population: DefectiveSubpopulation(fraction: 0.01, defectLife: .weibull(eta: 1000, beta: 0.5)))
        let givenPlan = try BurnInPlan(given, target: .hazardFIT(50), accelerationFactor: 10, confidence: 0.9)
        try Self.expectSame(["burnin", "--shape", "0.5", "--scale", "1000", "--fraction", "0.01", "--acceleration-factor", "10",
                             "--target-fit", "50", "--json"],
                            BurnInReport(model: BurnInModelSummary(shape: 0.5, scale: 1000, fraction: 0.01), accelerationFactor: 10,
                                         confidence: 0.9, plan: givenPlan).json)
    }
}
