import Testing
@testable import SPC

/// One small exact case per rule (center 0, sigma 1, limits ±3 unless stated).
@Suite("Run rules")
struct RuleEngineTests {
    func flagged(_ values: [Double], _ test: Int, k: Int? = nil) -> [Int] {
        let signals = RuleEngine.signals(values.map { point($0) }, rules: RuleSet([try! RunRule(test: test, k: k)]))
        return signals.indices.filter { !signals[$0].isEmpty }
    }

    @Test("test 1: strictly beyond a limit; a point exactly on the limit is not")
    func test1() {
        #expect(flagged([3, -3, 3.0000001, -3.5, 0], 1) == [2, 3])
        // Clamped or stepped limits: the point's own limits decide.
        let p = ChartPoint(subgroup: "", value: 0, center: 0.1, lcl: 0, ucl: 0.5, sigma: 0.2)
        #expect(RuleEngine.signals([p], rules: .minitabDefault) == [[]])
    }

    @Test("test 2: 9 in a row on one side; a point on the center line breaks the run")
    func test2() {
        #expect(flagged(Array(repeating: 0.5, count: 10), 2) == [8, 9])
        #expect(flagged(Array(repeating: 0.5, count: 4) + [0] + Array(repeating: 0.5, count: 8), 2) == [])
        #expect(flagged(Array(repeating: -0.1, count: 9), 2) == [8])
        #expect(flagged(Array(repeating: 0.5, count: 3), 2, k: 3) == [2])
    }

    @Test("test 3: 6 in a row increasing or decreasing; equal neighbours break the trend")
    func test3() {
        #expect(flagged([0, 1, 2, 3, 4, 5], 3) == [5])
        #expect(flagged([5, 4, 3, 2, 1, 0, -1], 3) == [5, 6])
        #expect(flagged([0, 1, 2, 2, 3, 4, 5], 3) == [])
        #expect(flagged([0, 0.1, 0.2, 0.3, 0.4], 3) == [])
    }

    @Test("test 4: 14 in a row alternating; a repeated value breaks it")
    func test4() {
        let alternating = (0..<14).map { $0 % 2 == 0 ? -0.5 : 0.5 }
        #expect(flagged(alternating, 4) == [13])
        #expect(flagged(alternating + [-0.5], 4) == [13, 14])
        var broken = alternating
        broken[7] = broken[6]
        #expect(flagged(broken, 4) == [])
    }

    @Test("test 5: 2 of 3 beyond 2 sigma on one side; exactly 2 sigma is not beyond")
    func test5() {
        #expect(flagged([2.5, 0, 2.1], 5) == [2])
        #expect(flagged([2.5, 2.0, 0], 5) == [])
        #expect(flagged([2.5, -2.5, 0], 5) == [])
        #expect(flagged([2.5, 2.2], 5) == [1])
        // The point completing the pattern must itself be beyond: the third point is not flagged.
        #expect(flagged([2.5, 2.2, 0], 5) == [1])
        #expect(flagged([-2.5, 0, 0, -2.5], 5) == [])
    }

    @Test("test 6: 4 of 5 beyond 1 sigma on one side")
    func test6() {
        #expect(flagged([1.5, 1.5, 0, 1.5, 1.5], 6) == [4])
        #expect(flagged([1.5, 1.5, 1.0, 1.5, 0.5], 6) == [])
        #expect(flagged([-1.5, -1.5, -1.5, -1.5], 6) == [3])
    }

    @Test("test 7: 15 in a row within 1 sigma, either side; exactly 1 sigma counts as within")
    func test7() {
        let inside = (0..<15).map { $0 % 2 == 0 ? 1.0 : -0.3 }
        #expect(flagged(inside, 7) == [14])
        var broken = inside
        broken[3] = 1.01
        #expect(flagged(broken, 7) == [])
    }

    @Test("test 8: 8 in a row beyond 1 sigma, either side; exactly 1 sigma breaks the run")
    func test8() {
        let outside = (0..<8).map { $0 % 2 == 0 ? 1.5 : -1.5 }
        #expect(flagged(outside, 8) == [7])
        var broken = outside
        broken[4] = 1.0
        #expect(flagged(broken, 8) == [])
    }

    @Test("zones under stepped limits use each point's own sigma")
    func steppedZones() throws {
        // Both points are 2.5 units above center: beyond 2 sigma for sigma 1, within it for sigma 2.
        let points = [point(2.5, sigma: 1), point(2.5, sigma: 2), point(2.5, sigma: 1)]
        let signals = RuleEngine.signals(points, rules: RuleSet([try RunRule(test: 5)]))
        #expect(signals == [[], [], [5]])
    }

    @Test("runs do not cross a stage boundary")
    func stages() throws {
        let points = (0..<9).map { point(0.5, stage: $0 < 5 ? "A" : "B") }
        let signals = RuleEngine.signals(points, rules: RuleSet([try RunRule(test: 2)]))
        #expect(signals.allSatisfy { $0.isEmpty })
    }

    @Test("Western Electric set reports Nelson test numbers: 8 in a row is test 2, beyond the limits test 1")
    func westernElectric() {
        let points = Array(repeating: point(0.5), count: 8) + [point(3.5)]
        let signals = RuleEngine.signals(points, rules: .westernElectric)
        #expect(signals[7] == [2])
        #expect(signals[8] == [1, 2])
        let nelson = RuleEngine.signals(points, rules: .nelson)
        #expect(nelson[7] == [] && nelson[8] == [1, 2])   // Nelson's test 2 needs 9 in a row
        #expect(RuleSet.westernElectric.rules.map(\.test) == [1, 5, 6, 2])
        #expect(RuleSet.westernElectric.rules.map(\.k) == [3, 2, 4, 8])
    }

    @Test("Western Electric 2 of 3 beyond 2 sigma is reported as test 5, 4 of 5 beyond 1 sigma as test 6")
    func westernElectricZoneTestsAreFiveAndSix() {
        let twoOfThree = [0, 2.5, 0.3, 2.6].map { point($0) }
        #expect(RuleEngine.signals(twoOfThree, rules: .westernElectric) == [[], [], [], [5]])
        let fourOfFive = [0, -1.5, -1.2, 0.2, -1.4, -1.6].map { point($0) }
        #expect(RuleEngine.signals(fourOfFive, rules: .westernElectric) == [[], [], [], [], [], [6]])
        // Every signal of the set is one of its tests' numbers, never a handbook rule number 3 or 4.
        let mixed = ([0, 2.5, 0.3, 2.6, -1.5, -1.2, 0.2, -1.4, -1.6] + Array(repeating: 0.4, count: 8) + [3.4]).map { point($0) }
        let all = Set(RuleEngine.signals(mixed, rules: .westernElectric).flatMap { $0 })
        #expect(all == [1, 2, 5, 6])
    }

    @Test("default rule sets as Minitab")
    func defaults() {
        #expect(RuleSet.minitabDefault.rules.map(\.test) == [1])
        #expect(RuleSet.minitabAll(for: .xbar).rules.map(\.test) == Array(1...8))
        #expect(RuleSet.minitabAll(for: .r).rules.map(\.test) == [1, 2, 3, 4])
        #expect(RuleSet.minitabAll(for: .p).rules.map(\.test) == [1, 2, 3, 4])
        #expect(RuleSet.nelson.applicable(to: .ewma).rules.map(\.test) == [1])
        #expect(RuleSet.nelson.rules.map(\.k) == [3, 9, 6, 14, 2, 4, 15, 8])
    }
}

@Suite("Run rules as Markov-chain zone rules")
struct RunRuleMarkovChainTests {
    @Test("the Western Electric set is the chain's four Western Electric zone rules")
    func westernElectric() throws {
        let rules = try RuleSet.westernElectric.markovChainRules(limitWidth: 3)
        #expect(rules == [ARL.RunRule.westernElectric1, .westernElectric4, .westernElectric2, .westernElectric3])
        #expect(Set(rules) == Set(ARL.RunRule.westernElectric))
    }

    @Test("tests 1, 2, 5, 6 with their K; tests 3, 4, 7, 8 have no chain")
    func mapping() throws {
        let rules = try RuleSet.tests([6, 2, 5, 1], k: [2: 7, 5: 3]).markovChainRules(limitWidth: 2.5)
        #expect(rules == [try .beyondLimits(2.5), try .sameSideRun(7), try ARL.RunRule(count: 3, of: 4, beyond: 2),
                          try ARL.RunRule(count: 4, of: 5, beyond: 1)])
        for test in [3, 4, 7, 8] {
            #expect(throws: ARLError.self) { try RuleSet.tests([1, test]).markovChainRules(limitWidth: 3) }
        }
    }
}
