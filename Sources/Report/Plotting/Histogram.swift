/// Equal-width bins of a sample, scaled as a density (the area of all bars is 1) so a fitted
/// probability density can be drawn over them, as on a capability histogram.
///
/// Bins: `binCount` of them (default Sturges' rule, ceil(log2 n) + 1, at least 5), spanning the
/// sample's minimum to maximum, widened to include `include` (e.g. specification limits inside the
/// plotted range do not change the bins; only the data do). A value equal to an inner edge goes to
/// the bin on its right; the maximum goes to the last bin. Non-finite values are ignored.
/// - Complexity: O(n).
public struct Histogram: Sendable, Equatable {
    /// bins + 1 increasing edges.
    public let edges: [Double]
    /// Values in each bin.
    public let counts: [Int]
    /// Number of finite values binned.
    public let total: Int

    public init(_ values: [Double], binCount: Int? = nil) {
        let finite = values.filter(\.isFinite)
        total = finite.count
        let bins = max(1, binCount ?? max(5, Histogram.sturges(finite.count)))
        guard var low = finite.min(), var high = finite.max() else {
            edges = [0, 1]
            counts = [0]
            return
        }
        if !(high > low) {
            let half = low == 0 ? 0.5 : abs(low) * 0.05
            low -= half
            high += half
        }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { $0 == bins ? high : low + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for v in finite {
            let index = min(bins - 1, max(0, Int((v - low) / width)))
            counts[index] += 1
        }
        self.counts = counts
    }

    /// Sturges' rule: ceil(log2 n) + 1 bins.
    static func sturges(_ n: Int) -> Int {
        guard n > 1 else { return 1 }
        var bins = 1, power = 1
        while power < n { power *= 2; bins += 1 }
        return bins
    }

    /// Density of each bin: count / (total x width).
    public var densities: [Double] {
        counts.indices.map { i in
            total == 0 ? 0 : Double(counts[i]) / (Double(total) * (edges[i + 1] - edges[i]))
        }
    }

    /// The outline of the bars as a step series (step-after): up from zero at the first edge, along
    /// each bar's top, down to zero at the last edge.
    public var outline: [LinePlot.Point] {
        let d = densities
        var points: [LinePlot.Point] = [(edges[0], 0)]
        for i in d.indices { points.append((edges[i], d[i])) }
        points.append((edges[edges.count - 1], 0))
        return points
    }
}

extension LinePlot.Series {
    /// A line through `f` sampled at `count` + 1 equally spaced points of `range` (points where `f`
    /// is not finite break the line).
    public static func function(label: String? = nil, over range: ClosedRange<Double>, count: Int = 200,
                                color: String? = nil, dashed: Bool = false, _ f: (Double) -> Double) -> LinePlot.Series {
        let n = max(1, count)
        let step = (range.upperBound - range.lowerBound) / Double(n)
        let points: [LinePlot.Point] = (0...n).map { i in
            let x = i == n ? range.upperBound : range.lowerBound + Double(i) * step
            return (x, f(x))
        }
        return LinePlot.Series(label: label, points: points, style: .line, color: color, dashed: dashed)
    }
}
