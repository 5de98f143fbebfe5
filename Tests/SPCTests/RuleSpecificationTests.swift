@testable import SPC
import Testing

/// `--rules` is parsed once, by the library.
@Suite struct RuleSpecificationTests {
    @Test func namedSetsAndTestLists() throws {
        #expect(try RuleSpecification(parsing: "WE").ruleSet(for: .xbar) == .westernElectric)
        #expect(try RuleSpecification(parsing: "western-electric") == .westernElectric)
        #expect(try RuleSpecification(parsing: "nelson").ruleSet(for: .r) == .nelson)
        #expect(try RuleSpecification(parsing: "all").ruleSet(for: .r) == .minitabAll(for: .r))
        #expect(try RuleSpecification(parsing: "all").ruleSet(for: .xbar) == .minitabAll(for: .xbar))
        #expect(try RuleSpecification(parsing: "none").ruleSet(for: .xbar) == .none)
        let list = try RuleSpecification(parsing: "1,2:8,5")
        #expect(list.ruleSet(for: .xbar) == RuleSet([try RunRule(test: 1), try RunRule(test: 2, k: 8), try RunRule(test: 5)]))
        #expect(list.description == "1,2:8,5")
        #expect(try RuleSpecification(parsing: list.description) == list)
    }

    @Test(arguments: ["9", "0", "x", "1:", "1:0", "1:2:3", "", ",", "2:-1"])
    func badSpecificationsAreRefused(text: String) {
        #expect(throws: SPCError.self) { try RuleSpecification(parsing: text) }
    }
}

/// `ChartOptions.ruleSpecification` resolves the rules per chart: with `all`, the x-bar chart gets
/// Minitab's tests 1-8 and the R chart tests 1-4, as two separate computations give them.
@Suite struct PerChartRulesTests {
    @Test func allGivesEachChartItsOwnSet() throws {
        var values: [[Double]] = []
        for i in 0..<30 {
            var row: [Double] = []
            for j in 0..<5 {
                let base = Double((i * 7 + j * 3) % 11)
                let shift: Double = i > 20 ? 6 : 0
                let spread: Double = i == 10 ? Double(j * 4) : 0
                row.append(base + shift + spread)
            }
            values.append(row)
        }
        let data = try SubgroupData(labels: (1...30).map { String($0) }, values: values)
        var options = ChartOptions()
        options.ruleSpecification = .all
        let combined = try ChartPair.xbarR(data, sigmaMethod: .rBar, options: options)
        let location = try ChartPair.xbarR(data, sigmaMethod: .rBar, options: ChartOptions(rules: .minitabAll(for: .xbar))).location
        let dispersion = try ChartPair.xbarR(data, sigmaMethod: .rBar, options: ChartOptions(rules: .minitabAll(for: .r))).dispersion
        let combinedLocation: [[Int]] = combined.location.points.map { $0.signals }
        let combinedDispersion: [[Int]] = combined.dispersion.points.map { $0.signals }
        #expect(combinedLocation == location.points.map { $0.signals })
        #expect(combinedDispersion == dispersion.points.map { $0.signals })
        #expect(combinedLocation.contains { $0.contains { $0 > 4 } }, "the data must exercise a test the R chart does not run")
    }
}
