import Foundation
import Testing
@testable import SPC

@Suite("Run-rule Markov chain ARL")
struct ARLRunRuleChainTests {
    /// Champ & Woodall (1987): 370.40 for rule 1 alone.
    @Test func ruleOneAloneMatchesChampWoodallAndClosedForm() throws {
        let arl = try ARL.shewhart(rules: [.westernElectric1], shift: 0)
        #expect(abs(arl - 370.40) <= 0.005)
        // Independent closed form: ARL = 1 / (2 Phi(-3)).
        let closed = 1 / (2 * DesignTestSupport.normalCDF(-3))
        #expect(abs(arl - closed) <= 1e-10 * closed)
        // Out of control, 1 / (Phi(-3 - d) + Phi(-3 + d)).
        for shift in [0.5, 1.0, 2.0, -1.5] {
            let value = try ARL.shewhart(rules: [.westernElectric1], shift: shift)
            let expected = 1 / (DesignTestSupport.normalCDF(-3 - shift) + DesignTestSupport.normalCDF(-3 + shift))
            #expect(abs(value - expected) <= 1e-10 * expected)
        }
    }

    /// Champ & Woodall (1987): 91.75 with the four Western Electric rules together.
    @Test func westernElectricRulesMatchChampWoodall() throws {
        let chain = try ARL.RunRuleChain(rules: ARL.RunRule.westernElectric)
        #expect(abs(try chain.averageRunLength(shift: 0) - 91.75) <= 0.005)
        #expect(chain.stateCount == 295)
        // The rules are symmetric: a shift up or down gives the same ARL.
        let up = try chain.averageRunLength(shift: 1), down = try chain.averageRunLength(shift: -1)
        #expect(abs(up - down) <= 1e-9 * up)
    }

    /// Xbar chart n = 5, 3-sigma limits: shift 1 process sigma -> ARL 4.50, 0.5 -> 33.40 (Montgomery,
    /// qcc oc.curves on the piston rings); the chart's shift is delta sqrt(5) subgroup-mean sigmas.
    @Test func xbarOCValuesThroughTheChain() throws {
        let chain = try ARL.RunRuleChain(rules: [.westernElectric1])
        #expect(abs(try chain.averageRunLength(shift: 1 * 5.0.squareRoot()) - 4.50) <= 0.005)
        #expect(abs(try chain.averageRunLength(shift: 0.5 * 5.0.squareRoot()) - 33.40) <= 0.005)
    }

    /// Rule 1 plus K in a row on one side, against an explicit chain written here: states are the
    /// signed length of the current run (1...K-1 above, 1...K-1 below) plus the empty start.
    @Test(arguments: [8, 9])
    func sameSideRunAgainstExplicitRunLengthChain(length: Int) throws {
        for shift in [0.0, 0.75] {
            let above = DesignTestSupport.normalCDF(3 - shift) - DesignTestSupport.normalCDF(-shift)
            let below = DesignTestSupport.normalCDF(-shift) - DesignTestSupport.normalCDF(-3 - shift)
            let n = 2 * length - 1   // 0: start; 1...K-1: run above; K...2K-2: run below
            var q = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for state in 0..<n {
                let runAbove = state >= 1 && state <= length - 1 ? state : 0
                let runBelow = state >= length ? state - length + 1 : 0
                if runAbove + 1 < length { q[state][runAbove + 1] += above }
                if runBelow + 1 < length { q[state][length + runBelow] += below }
            }
            let expected = DesignTestSupport.arl(transitions: q)
            let rules = [ARL.RunRule.westernElectric1, try .sameSideRun(length)]
            let value = try ARL.shewhart(rules: rules, shift: shift)
            #expect(abs(value - expected) <= 1e-9 * expected)
        }
    }

    /// Rules 1, 2 and 3 against a brute-force chain written here whose state is the full zone
    /// history of the last four points (no trimming), solved by value iteration.
    @Test func rulesOneToThreeAgainstBruteForceHistories() throws {
        let cuts: [Double] = [-3, -2, -1, 1, 2, 3]
        let rules: [(count: Int, window: Int, threshold: Double)] = [(1, 1, 3), (2, 3, 2), (4, 5, 1)]
        for shift in [0.0, 1.0] {
            // Zone z is (cuts[z-1], cuts[z]); zone -1 marks "no point yet".
            let probabilities: [Double] = (0...cuts.count).map { z in
                let upper = z == cuts.count ? 1.0 : DesignTestSupport.normalCDF(cuts[z] - shift)
                let lower = z == 0 ? 0.0 : DesignTestSupport.normalCDF(cuts[z - 1] - shift)
                return upper - lower
            }
            func beyond(_ zone: Int, _ threshold: Double, upper: Bool) -> Bool {
                guard zone >= 0 else { return false }
                return upper ? zone >= 1 && cuts[zone - 1] >= threshold
                             : zone < cuts.count && cuts[zone] <= -threshold
            }
            func signals(_ window: [Int]) -> Bool {   // newest last
                rules.contains { rule in
                    let recent = window.suffix(rule.window)
                    return [true, false].contains { side in
                        recent.filter { beyond($0, rule.threshold, upper: side) }.count >= rule.count
                    }
                }
            }
            var index: [[Int]: Int] = [[-1, -1, -1, -1]: 0]
            var states: [[Int]] = [[-1, -1, -1, -1]]
            var edges: [[(Int, Double)]] = []
            var i = 0
            while i < states.count {
                var out: [(Int, Double)] = []
                for zone in 0...cuts.count where !signals(states[i] + [zone]) {
                    let next = Array((states[i] + [zone]).suffix(4))
                    if index[next] == nil { index[next] = states.count; states.append(next) }
                    out.append((index[next]!, probabilities[zone]))
                }
                edges.append(out)
                i += 1
            }
            var x = [Double](repeating: 0, count: states.count)
            for _ in 0..<20_000 {   // Gauss-Seidel on x = 1 + Q x
                var change = 0.0
                for s in 0..<states.count {
                    let value = 1 + edges[s].reduce(0) { $0 + $1.1 * x[$1.0] }
                    change = max(change, abs(value - x[s]))
                    x[s] = value
                }
                if change < 1e-11 { break }
            }
            let value = try ARL.shewhart(rules: Array(ARL.RunRule.westernElectric.prefix(3)), shift: shift)
            #expect(abs(value - x[0]) <= 1e-8 * x[0])
        }
    }

    @Test func impossibleRulesAreErrors() {
        #expect(throws: ARLError.self) { try ARL.RunRule(count: 3, of: 2, beyond: 1) }
        #expect(throws: ARLError.self) { try ARL.RunRule(count: 1, of: 31, beyond: 1) }
        #expect(throws: ARLError.self) { try ARL.RunRule(count: 1, of: 1, beyond: -1) }
        #expect(throws: ARLError.self) { try ARL.RunRuleChain(rules: []) }
        #expect(throws: ARLError.self) { try ARL.shewhart(rules: [.westernElectric1], shift: .nan) }
        #expect(throws: ARLError.self) { try ARL.RunRuleChain(rules: [try ARL.RunRule(count: 10, of: 25, beyond: 0.5)]) }
    }

    /// L = z_(1 - 1/(2 ARL)): 370.398 -> 3.
    @Test func shewhartLimitWidthInvertsRuleOne() throws {
        let target = 1 / (2 * DesignTestSupport.normalCDF(-3))
        #expect(abs(try ARL.shewhartLimitWidth(targetARL: target) - 3) <= 1e-9)
        #expect(throws: ARLError.self) { try ARL.shewhartLimitWidth(targetARL: 1) }
    }
}
