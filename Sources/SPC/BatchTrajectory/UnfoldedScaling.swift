/// Autoscaling of the batch-wise unfolded matrix: every column k·J + j (one variable at one time
/// point) is centred by its mean over the reference batches and divided by its standard deviation
/// (divisor I - 1), so each column has variance 1 and the average trajectory is removed
/// (Nomikos & MacGregor 1994).
///
/// A column whose reference values are all exactly equal has standard deviation 0: it is centred
/// only (its scale is 1) and listed in `constantColumns`. Its reference values centre to exactly
/// 0, so it does not enter the model; a new batch that departs from the constant adds its raw
/// deviation squared to its SPE. Nearly constant columns are scaled as usual.
public struct UnfoldedScaling: Sendable, Equatable {
    /// Column means over the reference batches (J·K values, column `k·J + j`).
    public let means: [Double]
    /// Column standard deviations, divisor I - 1 (0 for constant columns).
    public let standardDeviations: [Double]
    /// Unfolded indices of the constant columns, ascending.
    public let constantColumns: [Int]

    /// Means and standard deviations of the reference batches' unfolded columns. Two passes, O(I·J·K).
    /// Requires at least 2 batches (the caller checks).
    public init(reference data: BatchTrajectoryData) {
        let n = data.batchCount, width = data.unfoldedColumnCount
        var means = [Double](repeating: 0, count: width)
        for i in 0..<n {
            let row = data.unfoldedRow(i)
            for (c, x) in zip(0..<width, row) { means[c] += x }
        }
        for c in 0..<width { means[c] /= Double(n) }
        var squares = [Double](repeating: 0, count: width)
        var constant = [Bool](repeating: true, count: width)
        let first = data.unfoldedRow(0)
        for i in 0..<n {
            let row = data.unfoldedRow(i)
            for (c, x) in zip(0..<width, row) {
                let d = x - means[c]
                squares[c] += d * d
                if x != first[first.startIndex + c] { constant[c] = false }
            }
        }
        var sds = [Double](repeating: 0, count: width)
        var constantColumns: [Int] = []
        for c in 0..<width {
            if constant[c] {
                means[c] = first[first.startIndex + c]  // exactly, so the reference column centres to 0
                constantColumns.append(c)
            } else {
                sds[c] = (squares[c] / Double(n - 1)).squareRoot()
            }
        }
        self.means = means
        self.standardDeviations = sds
        self.constantColumns = constantColumns
    }

    /// A batch's unfolded row, centred and scaled (constant columns centred only). O(J·K).
    public func scale(_ row: ArraySlice<Double>) -> [Double] {
        var out = [Double](repeating: 0, count: means.count)
        for (c, x) in zip(0..<means.count, row) {
            let s = standardDeviations[c]
            out[c] = s > 0 ? (x - means[c]) / s : x - means[c]
        }
        return out
    }
}
