import Foundation
import Ingest
import RelmodelJSON
import SPC
import Testing

/// The SPC documents, CLI against library, byte for byte on the oracle data sets: control charts,
/// capability, between/within, nested variance components and their chart, the baseline document,
/// and the design studies (ARL, OC, subgroup size, load size).
@Suite struct SPCDocumentAgreementTests {
    static func path(_ name: String) -> String { LibraryCLIAgreementTests.root + "/datasets/spc/\(name).csv" }

    static func expectSame(_ arguments: [String], _ library: String, terminator: String = "\n") throws {
        let cli = try CLIRunner.run(arguments)
        #expect(cli.status == 0, "\(arguments): \(cli.stderr)")
        #expect(cli.stdout == library + terminator, "\(arguments): the CLI printed something else than the library's document")
    }

    static func subgroups(_ table: SPCTable, value: String, subgroup: String) throws -> (SubgroupData, GroupedRows) {
        let values = try table.doubles(value)
        let groups = GroupedRows(try table.rowLabels(subgroup: subgroup))
        return (try SubgroupData(labels: groups.labels, values: groups.rows.map { $0.map { values[$0] } }), groups)
    }

    /// Xbar-R of Montgomery's piston rings with the phase column, Nelson's tests on the x-bar chart.
    @Test func xbarRChart() throws {
        let table = try SPCTable(path: Self.path("piston_rings"))
        let (data, groups) = try Self.subgroups(table, value: "diameter", subgroup: "sample")
        var options = ChartOptions(rules: try RuleSpecification(parsing: "1,2,5").ruleSet(for: .xbar))
        options.phaseI = try table.phaseI(column: "phase", range: nil, firstRows: groups.firstRows)
        let charts = try VariablesCharts.xbarR(data, sigmaMethod: .rBar, options: options).charts
        try Self.expectSame(["spc", "xbar-r", Self.path("piston_rings"), "--value", "diameter", "--subgroup", "sample", "--phase", "phase",
                             "--rules", "1,2,5", "--json"],
                            CommandDocument(command: "xbar-r", file: Self.path("piston_rings"), result: ChartSet(charts)).json.serialized())
    }

    @Test func capabilityDocuments() throws {
        let file = Self.path("hardbake_flow_width")
        let table = try SPCTable(path: file)
        let (data, _) = try Self.subgroups(table, value: "flow_width", subgroup: "sample")
        let spec = Specification(lsl: 1, usl: 2, target: nil)
        let sigma = try SigmaEstimators.withinSigma(data.values, method: .rBar, constants: .exact)
        let normal = try ProcessCapability.normal(data.values.flatMap { $0 }, withinSigma: sigma, specification: spec, confidence: 0.95)
        try Self.expectSame(["spc", "capability", file, "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2", "--json"],
                            normal.json.serialized())
        let weibull = try ProcessCapability.percentile(data.values.flatMap { $0 }, family: .weibull2p, specification: spec)
        try Self.expectSame(["spc", "capability", file, "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2",
                             "--dist", "weibull", "--json"], weibull.json.serialized())
    }

    @Test func betweenWithinDocument() throws {
        let file = Self.path("hardbake_flow_width")
        let (data, _) = try Self.subgroups(try SPCTable(path: file), value: "flow_width", subgroup: "sample")
        let result = try BetweenWithinCharts.chart(data, options: ChartOptions(rules: try RuleSpecification(parsing: "1").ruleSet(for: .i)),
                                                   specification: Specification(lsl: 1, usl: 2, target: nil), confidence: 0.95)
        try Self.expectSame(["spc", "between-within", file, "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2", "--json"],
                            CommandDocument(command: "between-within", file: file, result: result).json.serialized())
    }

    static func nested(_ name: String, value: String, levels: [String]) throws -> NestedSample {
        let table = try SPCTable(path: path(name))
        return try NestedSample(values: try table.doubles(value), labels: try levels.map { try table.strings($0) }, levels: levels)
    }

    @Test(arguments: [ComponentsMethod.reml, .ml, .anova])
    func componentsDocuments(method: ComponentsMethod) throws {
        let pastes = try Self.nested("pastes_nested", value: "strength", levels: ["batch", "cask", "rownum"])
        try Self.expectSame(["spc", "components", Self.path("pastes_nested"), "--value", "strength", "--levels", "batch,cask,rownum",
                             "--method", method.rawValue, "--json"],
                            try NestedComponentsAnalysis(pastes, method: method).json.serialized())
        let ep05 = try Self.nested("vca_ep05a2_1", value: "y", levels: ["day", "run", "rownum"])
        try Self.expectSame(["spc", "components", Self.path("vca_ep05a2_1"), "--value", "y", "--levels", "day,run,rownum",
                             "--method", method.rawValue, "--confidence", "0.9", "--json"],
                            try NestedComponentsAnalysis(ep05, method: method, confidence: 0.9).json.serialized())
    }

    @Test func nestedChartDocument() throws {
        let pastes = try Self.nested("pastes_nested", value: "strength", levels: ["batch", "cask", "rownum"])
        let analysis = try NestedChartAnalysis(pastes, level: "batch", options: ChartOptions(rules: try RuleSpecification(parsing: "1").ruleSet(for: .xbar)))
        try Self.expectSame(["spc", "nested", Self.path("pastes_nested"), "--value", "strength", "--levels", "batch,cask,rownum",
                             "--chart", "batch", "--json"],
                            CommandDocument(command: "nested", file: Self.path("pastes_nested"), result: analysis).json.serialized())
    }

    /// The baseline document `--json` prints (no --out): version 1, provenance with the file's SHA-256.
    @Test func baselineDocument() throws {
        let file = Self.path("piston_rings")
        let table = try SPCTable(path: file)
        let selection = try table.baselineData(chart: .xbarR, value: "diameter", subgroup: "sample", size: nil, phase: "phase")
        let rules = try RuleSpecification(parsing: "1")
        let result = try BaselineStudy.run(selection.data, options: BaselineOptions(chart: .xbarR, rules: rules.ruleSet(for: .xbar),
                                                                                      dispersionRules: rules.ruleSet(for: .r)))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let provenance = BaselineProvenance(file: file, sha256: BaselineProvenance.sha256Hex(bytes), rows: selection.rows,
                                            fileRows: selection.fileRows, subgroups: selection.data.count, selection: selection.selection,
                                            value: "diameter", subgroup: "sample", size: nil)
        try Self.expectSame(["spc", "baseline", file, "--chart", "xbar-r", "--value", "diameter", "--subgroup", "sample", "--phase", "phase", "--json"],
                            BaselineDocument(result, provenance: provenance, version: 1, rulesName: "1").json.pretty(), terminator: "")
    }

    @Test func designStudyDocuments() throws {
        let shifts = [0, 0.5, 1, 1.5, 2, 3.0]
        try Self.expectSame(["spc", "arl", "--rules", "we", "--json"],
                            try ARLStudy(.shewhart(rules: .westernElectric, runLength: nil, limitWidth: nil), shifts: shifts).json.serialized())
        try Self.expectSame(["spc", "arl", "--rules", "1,2:8", "--n", "4", "--shifts", "0,1", "--json"],
                            try ARLStudy(.shewhart(rules: try RuleSpecification(parsing: "1,2:8"), runLength: nil, limitWidth: nil),
                                         shifts: [0, 1], subgroupSize: 4).json.serialized())
        try Self.expectSame(["spc", "arl", "--chart", "ewma", "--lambda", "0.2", "--target-arl", "370", "--shifts", "0,1", "--json"],
                            try ARLStudy(.ewma(lambda: 0.2, limitWidth: nil), shifts: [0, 1], targetARL: 370).json.serialized())
        try Self.expectSame(["spc", "arl", "--chart", "cusum", "--k", "0.5", "--h", "5", "--method", "siegmund", "--json"],
                            try ARLStudy(.cusum(reference: 0.5, decisionInterval: 5, headStart: 0, method: .siegmund), shifts: shifts).json.serialized())
        try Self.expectSame(["spc", "arl", "--simulate", "--rules", "1,3", "--replicates", "200", "--shifts", "1", "--json"],
                            try ARLStudy(.shewhartSimulated(rules: try RuleSpecification(parsing: "1,3"), limitWidth: 3, replicates: 200, seed: 1),
                                         shifts: [1]).json.serialized())
        try Self.expectSame(["spc", "oc", "--chart", "p", "--center", "0.1", "--n", "50", "--at", "0.05,0.1,0.2", "--json"],
                            try OCStudy(.p, at: [0.05, 0.1, 0.2], subgroupSize: 50, center: 0.1).json.serialized())
        let zone = try RuleSpecification(parsing: "1,2").markovChainRules(limitWidth: 3)
        try Self.expectSame(["study", "subgroup-size", "--sizes", "2,4,8", "--rules", "1,2", "--json"],
                            try SubgroupSizeStudy(sizes: [2, 4, 8], intervals: [1], shift: 1, rules: zone).json.serialized())
        let loads = try LoadSizeStudy.run(arrivalRate: 1, service: .exponential(mean: 2), capacity: 4, lots: 20_000, replications: 4)
        try Self.expectSame(["study", "load-size", "--arrival-rate", "1", "--service-mean", "2", "--capacity", "4", "--lots", "20000",
                             "--replications", "4", "--json"], loads.json.serialized())
    }
}
