/// Measurements from a fully nested random design (sites within wafers within lots), reduced to what
/// every variance-component method needs: the tree of groups and, per innermost group (a "cell"), its
/// count, mean and within sum of squares. Nothing of size n is kept: the methods cost O(groups).
///
/// Levels are named outermost first; the last level is the residual (the replicates within the
/// innermost group), so a design with levels lot, wafer, site has groups at lot and wafer level and
/// the site-to-site variation within wafers as its residual. Labels of an inner level are relative to
/// their parent: wafer 1 of lot A and wafer 1 of lot B are two wafers. Groups may be unbalanced.
///
/// Values are centred on the grand mean before any sum is formed, and each cell's sum of squares is
/// taken about its own mean (two passes), so that data like 1000.000 ± 0.001 lose no digits.
public struct NestedSample: Sendable, Equatable {
    /// Level names, outermost first; the last is the residual.
    public let levels: [String]
    /// Number of observations, N.
    public let count: Int
    /// The grand mean of the observations.
    public let mean: Double
    /// `parents[l][g]`: the index of group g's parent among the groups of level l - 1 (0 at level 0,
    /// whose parent is the whole sample), for the grouping levels l = 0 ..< levels.count - 1.
    public let parents: [[Int]]
    /// `sizes[l][g]`: observations in group g of grouping level l.
    public let sizes: [[Int]]
    /// `labels[l][g]`: group g's label at grouping level l, with its parents' (lot A's wafer 1: "A/1").
    public let labels: [[String]]
    /// Per cell (group of the innermost grouping level): its mean minus the grand mean.
    public let cellMeans: [Double]
    /// Per cell: the sum of squared deviations of its observations from the cell mean.
    public let cellSumsOfSquares: [Double]

    /// Number of grouping levels (levels.count - 1): the components other than the residual.
    public var groupingLevels: Int { levels.count - 1 }

    /// Groups at grouping level l.
    public func groupCount(_ l: Int) -> Int { sizes[l].count }

    /// Builds the tree from one value and one label per level per row.
    /// - Parameters:
    ///   - values: the measurements, one per row.
    ///   - labels: `labels[l][row]`, the row's label at level l, outermost first (the last level's
    ///     labels only name replicates and are not used for grouping).
    ///   - levels: the level names, as many as `labels`.
    /// - Throws: `SPCError.invalidParameter` for fewer than two levels, mismatched lengths or a
    ///   non-finite value; `SPCError.insufficientData` when a component cannot be estimated: fewer than
    ///   two groups at the outermost level, a level whose groups never split their parent (each parent
    ///   has one), or no replicates within the innermost groups.
    /// - Complexity: O(n L) hashing of labels, L the number of levels.
    public init(values: [Double], labels: [[String]], levels: [String]) throws(SPCError) {
        guard levels.count >= 2 else {
            throw .invalidParameter("a nested design needs at least two levels (groups and the residual within them), got \(levels.count)")
        }
        guard labels.count == levels.count, labels.allSatisfy({ $0.count == values.count }) else {
            throw .invalidParameter("one label per level per value is needed")
        }
        guard !values.isEmpty else { throw .insufficientData("no observations") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .invalidParameter("value \(bad + 1) is not a finite number")
        }
        let n = values.count, grouping = levels.count - 1
        // Group index of every row at every grouping level, labels relative to the parent group.
        struct Key: Hashable { let parent: Int; let label: String }
        var rowGroup = [Int](repeating: 0, count: n)
        var parents: [[Int]] = [], sizes: [[Int]] = [], groupLabels: [[String]] = []
        var parentOfRow = [Int](repeating: 0, count: n)
        for l in 0..<grouping {
            var index: [Key: Int] = [:]
            var levelParents: [Int] = [], levelSizes: [Int] = [], levelLabels: [String] = []
            for row in 0..<n {
                let key = Key(parent: parentOfRow[row], label: labels[l][row])
                let g: Int
                if let existing = index[key] { g = existing } else {
                    g = levelParents.count
                    index[key] = g
                    levelParents.append(key.parent)
                    levelSizes.append(0)
                    levelLabels.append(l == 0 ? key.label : groupLabels[l - 1][key.parent] + "/" + key.label)
                }
                levelSizes[g] += 1
                rowGroup[row] = g
            }
            parents.append(levelParents)
            sizes.append(levelSizes)
            groupLabels.append(levelLabels)
            parentOfRow = rowGroup
        }
        // Centred cell means and within sums of squares, two passes.
        var total = 0.0
        for v in values { total += v }
        let mean = total / Double(n)
        let cells = sizes[grouping - 1].count
        var sums = [Double](repeating: 0, count: cells)
        for row in 0..<n { sums[rowGroup[row]] += values[row] - mean }
        let cellMeans = zip(sums, sizes[grouping - 1]).map { $0 / Double($1) }
        var squares = [Double](repeating: 0, count: cells)
        for row in 0..<n {
            let d = values[row] - mean - cellMeans[rowGroup[row]]
            squares[rowGroup[row]] += d * d
        }
        self.levels = levels
        self.count = n
        self.mean = mean
        self.parents = parents
        self.sizes = sizes
        self.labels = groupLabels
        self.cellMeans = cellMeans
        self.cellSumsOfSquares = squares
        try checkEstimable()
    }

    /// Every component needs degrees of freedom: two or more groups at the top, more groups than
    /// parents at every inner grouping level, and more observations than cells.
    private func checkEstimable() throws(SPCError) {
        guard groupCount(0) >= 2 else {
            throw .insufficientData("level '\(levels[0])' has \(groupCount(0)) group; its variance needs at least two")
        }
        for l in 1..<max(groupingLevels, 1) where groupCount(l) == groupCount(l - 1) {
            throw .insufficientData("every '\(levels[l - 1])' group has a single '\(levels[l])' group: the '\(levels[l])' variance cannot be separated from the '\(levels[l - 1])' variance")
        }
        guard count > groupCount(groupingLevels - 1) else {
            throw .insufficientData("no '\(levels[groupingLevels - 1])' group has more than one observation: the residual ('\(levels[groupingLevels])') variance cannot be estimated")
        }
    }

    /// The means of the groups of grouping level l (on the data's scale).
    /// - Complexity: O(G).
    public func groupMeans(_ l: Int) -> [Double] { centredGroupMeans(l).map { $0 + mean } }

    /// The means of the groups of grouping level l minus the grand mean, from the cells up.
    /// - Complexity: O(G).
    func centredGroupMeans(_ l: Int) -> [Double] {
        var means = cellMeans
        for level in stride(from: groupingLevels - 2, through: l, by: -1) {
            var sums = [Double](repeating: 0, count: groupCount(level))
            for (g, parent) in parents[level + 1].enumerated() { sums[parent] += Double(sizes[level + 1][g]) * means[g] }
            means = zip(sums, sizes[level]).map { $0 / Double($1) }
        }
        return means
    }

    /// True when every group of each level has the same number of children and every cell the same count.
    public var isBalanced: Bool {
        for l in 0..<groupingLevels {
            guard let first = sizes[l].first, sizes[l].allSatisfy({ $0 == first }) else { return false }
        }
        return true
    }
}
