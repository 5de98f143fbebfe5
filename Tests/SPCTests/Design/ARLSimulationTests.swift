import Testing
@testable import SPC

/// The simulated ARL against the exact values it must agree with, within four standard errors.
@Suite struct ARLSimulationTests {
    /// Test 1 alone: ARL = 1 / (2 Phi(-3)) = 370.40.
    @Test func ruleOneAgreesWithTheClosedForm() throws {
        let result = try ARL.Simulation(rules: .tests([1]), replicates: 3000, seed: 5).averageRunLength(shift: 0)
        #expect(abs(result.averageRunLength - 370.40) < 4 * result.standardError)
        #expect(result.censored == 0)
    }

    /// The Western Electric set (tests 1, 5, 6, and 2 with K = 8): 91.75 (Champ & Woodall 1987), the
    /// value the Markov chain gives exactly.
    @Test func westernElectricAgreesWithTheMarkovChain() throws {
        let rules = try RuleSet.tests([1, 2, 5, 6], k: [2: 8])
        let result = try ARL.Simulation(rules: rules, replicates: 3000, seed: 9).averageRunLength(shift: 0)
        #expect(abs(result.averageRunLength - 91.75) < 4 * result.standardError)
        // At a 1-sigma shift, against the chain.
        let chain = try ARL.RunRuleChain(rules: ARL.RunRule.westernElectric)
        let exact = try chain.averageRunLength(shift: 1)
        let shifted = try ARL.Simulation(rules: rules, replicates: 3000, seed: 10).averageRunLength(shift: 1)
        #expect(abs(shifted.averageRunLength - exact) < 4 * shifted.standardError)
    }

    /// All eight Nelson tests signal sooner than test 1 alone, and the same seed repeats exactly.
    @Test func allNelsonTestsAndDeterminism() throws {
        let simulation = try ARL.Simulation(rules: .nelson, replicates: 400, seed: 2)
        let a = try simulation.averageRunLength(shift: 0), b = try simulation.averageRunLength(shift: 0)
        #expect(a == b)
        #expect(a.averageRunLength < 370.40 - 4 * a.standardError)
    }

    @Test func censoredRunsAreCounted() throws {
        let result = try ARL.Simulation(rules: .tests([1]), limitWidth: 6, replicates: 20, maximumLength: 300).averageRunLength(shift: 0)
        #expect(result.censored > 0)
    }
}
