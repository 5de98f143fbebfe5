/// Measurements in rational subgroups, in time order.
public struct SubgroupData: Sendable, Equatable {
    public var labels: [String]
    public var values: [[Double]]

    /// - Throws: `SPCError.invalidParameter` unless there is one label per subgroup.
    public init(labels: [String], values: [[Double]]) throws(SPCError) {
        guard labels.count == values.count else {
            throw .invalidParameter("one label per subgroup: \(labels.count) labels for \(values.count) subgroups")
        }
        self.labels = labels
        self.values = values
    }

    /// Groups long-form data (one row per measurement) by consecutive equal subgroup labels, in order
    /// of first appearance. A label that reappears after another one is a new subgroup only if it
    /// is not contiguous (then its rows are appended to the first one: subgroups are identified by label).
    /// - Complexity: O(n) expected.
    /// - Throws: `SPCError.invalidParameter` unless there is one subgroup label per value.
    public init(longForm values: [Double], subgroups: [String]) throws(SPCError) {
        guard values.count == subgroups.count else {
            throw .invalidParameter("one subgroup label per value: \(subgroups.count) labels for \(values.count) values")
        }
        var order: [String] = []
        var position: [String: Int] = [:]
        var grouped: [[Double]] = []
        for (value, label) in zip(values, subgroups) {
            if let index = position[label] {
                grouped[index].append(value)
            } else {
                position[label] = order.count
                order.append(label)
                grouped.append([value])
            }
        }
        try self.init(labels: order, values: grouped)
    }

    public var count: Int { values.count }
    public var sizes: [Int] { values.map(\.count) }
    public var means: [Double] { values.map(Statistics.mean) }
    public var ranges: [Double] { values.map { ($0.max() ?? 0) - ($0.min() ?? 0) } }
    public var standardDeviations: [Double] { values.map(Statistics.standardDeviation) }
}

/// Small descriptive statistics (two-pass, for accuracy on data with a large mean).
enum Statistics {
    static func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }

    /// Sample standard deviation (n - 1 divisor); 0 for a single value.
    static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    static func median(_ x: [Double]) -> Double {
        let s = x.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// Per-size cache of `ChartConstants` (the exact d3 is an O(1e5) integral).
struct ConstantsCache {
    let source: ConstantSource
    private var cache: [Int: ChartConstants] = [:]

    init(source: ConstantSource) { self.source = source }

    mutating func callAsFunction(_ n: Int) -> ChartConstants {
        if let c = cache[n] { return c }
        let c = ChartConstants(n: n, source: source)
        cache[n] = c
        return c
    }
}
