import Testing
@testable import SPC

/// Public SPC entry points given inputs a caller can build but that make no sense: each throws a
/// typed error or returns a documented non-number, never traps (issue 10, item 10).
@Suite struct SPCEdgeCaseTests {
    @Test func runRulesOutsideTheNumbering() {
        for test in [0, 9, -1] {
            #expect(throws: SPCError.self) { _ = try RunRule(test: test) }
        }
        #expect(throws: SPCError.self) { _ = try RunRule(test: 2, k: 0) }
        #expect((try? RunRule(test: 2))?.k == 9)
    }

    @Test func subgroupAndAttributeShapes() {
        #expect(throws: SPCError.self) { _ = try SubgroupData(labels: ["a"], values: [[1], [2]]) }
        #expect(throws: SPCError.self) { _ = try SubgroupData(longForm: [1, 2, 3], subgroups: ["a"]) }
        #expect(throws: SPCError.self) { _ = try AttributeData(counts: [1, 2], sizes: [10]) }
        #expect(throws: SPCError.self) { _ = try AttributeData(labels: ["x"], counts: [1, 2]) }
        // The properties are mutable: a mismatch made afterwards is caught where the data are used.
        var data = try! AttributeData(counts: [1, 2, 3], sizes: [10, 10, 10])
        data.sizes.removeLast()
        #expect(throws: SPCError.self) { _ = try ControlChart.p(data) }
    }

    @Test func constantsBelowTwoAreNaN() {
        #expect(UnbiasingConstants.d2(1).isNaN && UnbiasingConstants.d3(0).isNaN && UnbiasingConstants.c4(-3).isNaN)
        let constants = ChartConstants(n: 1, source: .exact)
        #expect(constants.d2.isNaN && constants.d3.isNaN && constants.c4.isNaN)
        #expect(abs(ChartConstants(n: 5, source: .table).d2 - 2.326) < 1e-12)
    }

    /// A rule set whose in-control ARL is astronomically long (L = 6) would simulate for hours: the
    /// time budget stops it and says how far it got.
    @Test func simulationBudget() throws {
        let simulation = try ARL.Simulation(rules: .tests([1]), limitWidth: 6, replicates: 50, seconds: 0)
        #expect {
            _ = try simulation.averageRunLength(shift: 0)
        } throws: { error in
            guard case let .budgetSpent(message) = error as? ARLError else { return false }
            return message.contains("time budget") && message.contains("of 50 replicates")
        }
        #expect(throws: ARLError.self) { _ = try ARL.Simulation(rules: .tests([1]), maximumLength: 0) }
    }
}

extension SPCEdgeCaseTests {
    @Test func ruleSetByNumbers() {
        #expect(throws: SPCError.self) { _ = try RuleSet.tests([1, 9]) }
        #expect(throws: SPCError.self) { _ = try RuleSet.tests([2], k: [2: -1]) }
        #expect((try? RuleSet.tests([1, 2]))?.rules.map(\.test) == [1, 2])
    }
}
