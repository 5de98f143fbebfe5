/// The Nelson/Minitab tests that have an exact run-length Markov chain, as the chain's
/// "m of w beyond z sigma, same side" zone rules (`ARL.RunRule`). This is the only place the
/// test numbers are translated: the chart commands, the simulated and the exact ARL and the
/// subgroup-size study all name rules by the same test numbers.
extension RunRule {
    /// The Nelson/Minitab tests a Markov chain can represent: 1, 2, 5 and 6.
    public static let markovChainTests: Set<Int> = [1, 2, 5, 6]

    /// This test as a zone rule of the run-length Markov chain: test 1 = 1 of 1 beyond
    /// `limitWidth` sigma, test 2 = K of K on one side (beyond 0), test 5 = K of K + 1 beyond
    /// 2 sigma, test 6 = K of K + 1 beyond 1 sigma.
    /// - Throws: `.invalidParameter` for tests 3, 4, 7 and 8 (trends, alternation, stratification
    ///   and mixture have no zone form; simulate them), or a K or limit width the chain refuses.
    public func markovChainRule(limitWidth: Double) throws(ARLError) -> ARL.RunRule {
        switch test {
        case 1: return try .beyondLimits(limitWidth)
        case 2: return try .sameSideRun(k)
        case 5: return try ARL.RunRule(count: k, of: k + 1, beyond: 2)
        case 6: return try ARL.RunRule(count: k, of: k + 1, beyond: 1)
        default:
            throw .invalidParameter(
                "test \(test) has no exact Markov chain (only tests 1, 2, 5 and 6 do); estimate its ARL by simulation")
        }
    }
}

extension RuleSet {
    /// The set's rules as zone rules of the run-length Markov chain, in ascending test order, one
    /// per test (a repeated test keeps its first K). - Throws: as `RunRule.markovChainRule`.
    public func markovChainRules(limitWidth: Double) throws(ARLError) -> [ARL.RunRule] {
        var seen: Set<Int> = []
        var result: [ARL.RunRule] = []
        for rule in rules.sorted(by: { $0.test < $1.test }) where seen.insert(rule.test).inserted {
            result.append(try rule.markovChainRule(limitWidth: limitWidth))
        }
        return result
    }
}

extension RuleSpecification {
    /// The exact run-length chain's zone rules for this specification (as on an individuals chart),
    /// with `runLength` overriding K of test 2.
    /// - Throws: `.invalidParameter` when no rule is left, a test has no exact chain (3, 4, 7, 8: simulate
    ///   them), or K or the limit width is refused; the message quotes the specification.
    public func markovChainRules(runLength: Int? = nil, limitWidth: Double) throws(ARLError) -> [ARL.RunRule] {
        var set = ruleSet(for: .i)
        if let runLength {
            let run: RunRule
            do { run = try RunRule(test: 2, k: runLength) } catch { throw .invalidParameter("\(error)") }
            set.rules = set.rules.map { $0.test == 2 ? run : $0 }
        }
        guard !set.rules.isEmpty else { throw .invalidParameter("--rules: the exact ARL needs at least one rule, got \"\(self)\"") }
        if let other = set.rules.first(where: { !RunRule.markovChainTests.contains($0.test) }) {
            throw .invalidParameter("--rules: test \(other.test) has no exact Markov chain (tests 1, 2, 5 and 6 do); use --simulate for tests 3, 4, 7 and 8; got \"\(self)\"")
        }
        return try set.markovChainRules(limitWidth: limitWidth)
    }
}
