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
        let charts = try ChartPair.xbarR(data, sigmaMethod: .rBar, options: options).charts
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
        let normal = try NormalCapability(data.values.flatMap { $0 }, withinSigma: sigma, specification: spec, confidence: 0.95)
        try Self.expectSame(["spc", "capability", file, "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2", "--json"],
                            normal.json.serialized())
        let weibull = try PercentileCapability(data.values.flatMap { $0 }, family: .weibull2p, specification: spec)
        try Self.expectSame(["spc", "capability", file, "--value", "flow_width", "--subgroup", "sample", "--lsl", "1", "--usl", "2",
                             "--dist", "weibull", "--json"], weibull.json.serialized())
    }

    @Test func betweenWithinDocument() throws {
        let file = Self.path("hardbake_flow_width")
        let (data, _) = try Self.subgroups(try SPCTable(path: file), value: "flow_width", subgroup: "sample")
        let result = try BetweenWithinChart(data, options: ChartOptions(rules: try RuleSpecification(parsing: "1").ruleSet(for: .i)),
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
        let result = try BaselineResult(selection.data, options: BaselineOptions(chart: .xbarR, rules: rules.ruleSet(for: .xbar),
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
        let loads = try LoadSizeStudy(arrivalRate: 1, service: .exponential(mean: 2), capacity: 4, lots: 20_000, replications: 4)
        try Self.expectSame(["study", "load-size", "--arrival-rate", "1", "--service-mean", "2", "--capacity", "4", "--lots", "20000",
                             "--replications", "4", "--json"], loads.json.serialized())
    }
}

/// The remaining SPC oracle data sets through their chart commands, CLI against library.
@Suite struct SPCChartAgreementTests {
    static func options(_ table: SPCTable, phase: String?, firstRows: [Int], rules: String = "1") throws -> ChartOptions {
        var options = ChartOptions()
        options.ruleSpecification = try RuleSpecification(parsing: rules)
        options.phaseI = try table.phaseI(column: phase, range: nil, firstRows: firstRows)
        return options
    }

    static func expectCharts(_ command: String, _ name: String, _ extra: [String], _ charts: [ControlChart]) throws {
        let file = SPCDocumentAgreementTests.path(name)
        try SPCDocumentAgreementTests.expectSame(["spc", command, file, "--json"] + extra,
                                                 CommandDocument(command: command, file: file, result: ChartSet(charts)).json.serialized())
    }

    @Test func individualsAndAttributeCharts() throws {
        let flow = try SPCTable(path: SPCDocumentAgreementTests.path("nist_individuals_flow_rate"))
        let values = try flow.doubles("flow_rate")
        let labels = try flow.rowLabels(subgroup: "batch")
        let imr = try ChartPair.individuals(values, labels: labels, span: 2,
                                                  options: try Self.options(flow, phase: nil, firstRows: Array(values.indices), rules: "all"))
        try Self.expectCharts("imr", "nist_individuals_flow_rate", ["--value", "flow_rate", "--subgroup", "batch", "--rules", "all"], imr.charts)

        for (name, command, count, size, type) in [("orange_juice", "p", "nonconforming", "size", ChartType.p),
                                                  ("circuit_boards", "c", "defects", nil, ChartType.c)] {
            let table = try SPCTable(path: SPCDocumentAgreementTests.path(name))
            let counts = try table.doubles(count, .nonNegative)
            let sizes = try size.map { try table.doubles($0, .positive) }
            let data = try AttributeData(labels: try table.rowLabels(subgroup: "sample"), counts: counts, sizes: sizes)
            let options = try Self.options(table, phase: "phase", firstRows: Array(counts.indices), rules: "all")
            let chart = type == .p ? try ControlChart.p(data, options: options) : try ControlChart.c(data, options: options)
            try Self.expectCharts(command, name, ["--value", count, "--subgroup", "sample", "--phase", "phase", "--rules", "all"]
                                  + (size.map { ["--size", $0] } ?? []), [chart])
        }
    }

    @Test func timeWeightedCharts() throws {
        let ewmaTable = try SPCTable(path: SPCDocumentAgreementTests.path("nist_ewma_example"))
        let ewmaValues = try ewmaTable.doubles("value")
        let ewma = try ControlChart.ewma(ewmaValues, labels: try ewmaTable.rowLabels(subgroup: "sample"), lambda: 0.3, target: 50,
                                               sigma: 2.0539, options: try Self.options(ewmaTable, phase: nil, firstRows: Array(ewmaValues.indices)))
        try Self.expectCharts("ewma", "nist_ewma_example", ["--value", "value", "--subgroup", "sample", "--lambda", "0.3", "--target", "50",
                                                           "--sigma", "2.0539"], [ewma])
        let cusumTable = try SPCTable(path: SPCDocumentAgreementTests.path("montgomery_cusum_table_9_1"))
        let cusumValues = try cusumTable.doubles("value")
        let cusum = try ControlChart.cusum(cusumValues, labels: try cusumTable.rowLabels(subgroup: "observation"), target: 10, sigma: 1,
                                                 k: 0.5, h: 5, options: try Self.options(cusumTable, phase: nil, firstRows: Array(cusumValues.indices)))
        try Self.expectCharts("cusum", "montgomery_cusum_table_9_1", ["--value", "value", "--subgroup", "observation", "--target", "10",
                                                                     "--sigma", "1", "--k", "0.5", "--h", "5"], [cusum])
        let nist = try SPCTable(path: SPCDocumentAgreementTests.path("nist_cusum_example"))
        let means = try nist.doubles("mean_of_4")
        let nistCUSUM = try ControlChart.cusum(means, labels: try nist.rowLabels(subgroup: nil), target: 325, k: 0.3175, h: 4.1959,
                                                     units: .data, options: try Self.options(nist, phase: nil, firstRows: Array(means.indices)))
        try Self.expectCharts("cusum", "nist_cusum_example", ["--value", "mean_of_4", "--target", "325", "--k", "0.3175", "--h", "4.1959",
                                                             "--units", "data"], [nistCUSUM])
    }

    /// Xbar-S of the paint viscosity (one value per batch is not subgrouped: I-MR) and the hard-bake Xbar-S.
    @Test func remainingVariablesCharts() throws {
        let paint = try SPCTable(path: SPCDocumentAgreementTests.path("paint_viscosity"))
        let values = try paint.doubles("viscosity")
        let imr = try ChartPair.individuals(values, labels: try paint.rowLabels(subgroup: "batch"), span: 2,
                                                  options: try Self.options(paint, phase: "phase", firstRows: Array(values.indices)))
        try Self.expectCharts("imr", "paint_viscosity", ["--value", "viscosity", "--subgroup", "batch", "--phase", "phase"], imr.charts)
        let bake = try SPCTable(path: SPCDocumentAgreementTests.path("hardbake_flow_width"))
        let (data, groups) = try SPCDocumentAgreementTests.subgroups(bake, value: "flow_width", subgroup: "sample")
        let pair = try ChartPair.xbarS(data, sigmaMethod: .sBar, options: try Self.options(bake, phase: nil, firstRows: groups.firstRows, rules: "nelson"))
        try Self.expectCharts("xbar-s", "hardbake_flow_width", ["--value", "flow_width", "--subgroup", "sample", "--rules", "nelson"], pair.charts)
    }
}
