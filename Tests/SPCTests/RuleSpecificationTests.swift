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
