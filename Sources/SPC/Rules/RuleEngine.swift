/// Evaluates run rules on a sequence of points (see `RunRule` for the exact semantics).
public enum RuleEngine {
    /// The signals of each point: for each index, the ascending Nelson/Minitab test numbers of the
    /// rules it triggers.
    ///
    /// Points are evaluated in blocks of equal `stage` (runs restart at a stage boundary). A zone
    /// test on a point without `sigma` never fires.
    /// - Complexity: O(points · rules · K).
    public static func signals(_ points: [ChartPoint], rules: RuleSet) -> [[Int]] {
        var result = [[Int]](repeating: [], count: points.count)
        var start = 0
        while start < points.count {
            var end = start + 1
            while end < points.count && points[end].stage == points[start].stage { end += 1 }
            // One stage (the usual case): evaluate the array itself instead of a copy of it.
            let block = start == 0 && end == points.count ? points : Array(points[start..<end])
            for rule in rules.rules {
                let flags = evaluate(rule, block)
                for (offset, flagged) in flags.enumerated() where flagged {
                    if !result[start + offset].contains(rule.test) { result[start + offset].append(rule.test) }
                }
            }
            start = end
        }
        return result.map { $0.count > 1 ? $0.sorted() : $0 }
    }

    /// Sets each point's `signals`. - Complexity: as `signals(_:rules:)`.
    public static func apply(_ rules: RuleSet, to points: inout [ChartPoint]) {
        let all = signals(points, rules: rules)
        for index in points.indices { points[index].signals = all[index] }
    }

    /// Which points of one stage a rule flags.
    static func evaluate(_ rule: RunRule, _ points: [ChartPoint]) -> [Bool] {
        let k = rule.k
        switch rule.test {
        case 1:
            return points.map { p in p.value > p.ucl || p.value < p.lcl || (p.lowerValue.map { $0 < p.lcl } ?? false) }
        case 2:
            return runs(points.map { side($0) }, length: k) { $0 != 0 }
        case 3:
            let steps = differences(points)
            // A run of K points is K - 1 equal-signed, non-zero steps.
            let flags = runs(steps, length: k - 1) { $0 != 0 }
            return [false] + flags
        case 4:
            let steps = differences(points)
            var flags = [false]
            var length = 0   // number of alternating non-zero steps ending here
            for (index, step) in steps.enumerated() {
                if step == 0 { length = 0 } else if index > 0 && steps[index - 1] != 0 && steps[index - 1] == -step { length += 1 } else { length = 1 }
                flags.append(length >= k - 1)
            }
            return flags
        case 5:
            return kOutOf(points, zone: 2, k: k)
        case 6:
            return kOutOf(points, zone: 1, k: k)
        case 7:
            return runs(points.map { p -> Int in
                guard let s = p.sigma else { return 0 }
                return abs(p.value - p.center) <= s ? 1 : 0
            }, length: k) { $0 == 1 }
        case 8:
            return runs(points.map { p -> Int in
                guard let s = p.sigma else { return 0 }
                return abs(p.value - p.center) > s ? 1 : 0
            }, length: k) { $0 == 1 }
        default:
            return Array(repeating: false, count: points.count)
        }
    }

    /// +1 above the center line, -1 below, 0 exactly on it.
    static func side(_ p: ChartPoint) -> Int { p.value > p.center ? 1 : (p.value < p.center ? -1 : 0) }

    /// Signs of consecutive differences (count - 1 of them).
    static func differences(_ points: [ChartPoint]) -> [Int] {
        guard points.count > 1 else { return [] }
        return (1..<points.count).map { i in
            points[i].value > points[i - 1].value ? 1 : (points[i].value < points[i - 1].value ? -1 : 0)
        }
    }

    /// Flags position i when the run of equal, `counts`-satisfying labels ending at i has at least
    /// `length` members.
    static func runs(_ labels: [Int], length: Int, counts: (Int) -> Bool) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(labels.count)
        var run = 0
        for (index, label) in labels.enumerated() {
            if !counts(label) { run = 0 } else if index > 0 && labels[index - 1] == label && run > 0 { run += 1 } else { run = 1 }
            flags.append(length > 0 && run >= length)
        }
        return flags
    }

    /// Test 5/6: K of the last K + 1 points strictly beyond center ± zone·sigma on one side, the
    /// current point among them.
    static func kOutOf(_ points: [ChartPoint], zone: Double, k: Int) -> [Bool] {
        func beyond(_ p: ChartPoint, _ side: Int) -> Bool {
            guard let s = p.sigma else { return false }
            return side > 0 ? p.value > p.center + zone * s : p.value < p.center - zone * s
        }
        // Counting loops, no allocation per point: this runs on every point of every chart.
        var flags = [Bool](repeating: false, count: points.count)
        for i in points.indices {
            for side in stride(from: 1, through: -1, by: -2) where beyond(points[i], side) {
                var count = 0
                for j in max(0, i - k)...i where beyond(points[j], side) { count += 1 }
                if count >= k { flags[i] = true; break }
            }
        }
        return flags
    }
}
