import LinearAlgebra

/// Aligned batch trajectories: I batches × J variables × K time points, every batch with the same K.
///
/// Storage is flat and batch-major, then time, then variable: the value of variable j at time point k
/// of batch i is `values[(i·K + k)·J + j]`. Each batch's block of J·K values is therefore already its
/// row of the **batch-wise unfolded** I × (J·K) matrix (Nomikos & MacGregor 1994), whose column index
/// is `k·J + j` (time-major: all J variables at time 1, then all J variables at time 2, ...).
///
/// Construction checks the shape (no ragged trajectories) and that every value is finite; the
/// monitoring model adds its own requirements (at least 3 batches).
public struct BatchTrajectoryData: Sendable, Equatable {
    /// I, the number of batches.
    public let batchCount: Int
    /// J, the number of variables.
    public let variableCount: Int
    /// K, the number of time points of every batch.
    public let timeCount: Int
    /// The I·J·K values, index `(i·K + k)·J + j`.
    public let values: [Double]
    /// One label per batch (default "1", "2", ...).
    public let labels: [String]
    /// One name per variable (default "x1", "x2", ...).
    public let variables: [String]
    /// The K time points (default 1, 2, ..., K); metadata only, the model uses positions.
    public let times: [Double]

    /// From flat values in the documented order. O(I·J·K).
    /// - Throws: `.insufficientData` for a zero dimension, `.invalidParameter` for a count, label,
    ///   variable or time list that does not match the shape, or a non-finite value (naming batch,
    ///   variable and time point).
    public init(batches: Int, variables: Int, timePoints: Int, values: [Double], labels: [String]? = nil,
                variableNames: [String]? = nil, times: [Double]? = nil) throws(SPCError) {
        guard batches >= 1, variables >= 1, timePoints >= 1 else {
            throw .insufficientData("batch trajectories need at least one batch, variable and time point, got \(batches) × \(variables) × \(timePoints)")
        }
        let (count, overflow) = batches.multipliedReportingOverflow(by: variables * timePoints)
        guard !overflow, values.count == count else {
            throw .invalidParameter("\(batches) batches × \(variables) variables × \(timePoints) time points need \(batches * variables * timePoints) values, got \(values.count)")
        }
        let labels = labels ?? (1...batches).map { String($0) }
        let names = variableNames ?? (1...variables).map { "x\($0)" }
        let times = times ?? (1...timePoints).map { Double($0) }
        guard labels.count == batches else { throw .invalidParameter("\(labels.count) batch labels for \(batches) batches") }
        guard names.count == variables else { throw .invalidParameter("\(names.count) variable names for \(variables) variables") }
        guard times.count == timePoints else { throw .invalidParameter("\(times.count) times for \(timePoints) time points") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            let i = bad / (variables * timePoints), k = (bad / variables) % timePoints, j = bad % variables
            throw .invalidParameter("batch \(labels[i]), variable \(names[j]), time point \(k + 1): non-finite value \(values[bad])")
        }
        self.batchCount = batches
        self.variableCount = variables
        self.timeCount = timePoints
        self.values = values
        self.labels = labels
        self.variables = names
        self.times = times
    }

    /// From nested trajectories `trajectories[batch][time][variable]`. O(I·J·K).
    /// - Throws: as the flat initializer, and `.invalidParameter` for a ragged trajectory (a batch with
    ///   another number of time points than the first, or a time point with another number of variables).
    public init(trajectories: [[[Double]]], labels: [String]? = nil, variableNames: [String]? = nil,
                times: [Double]? = nil) throws(SPCError) {
        let k = trajectories.first?.count ?? 0
        let j = trajectories.first?.first?.count ?? 0
        var flat: [Double] = []
        flat.reserveCapacity(trajectories.count * k * j)
        for (i, batch) in trajectories.enumerated() {
            let name = labels.map { i < $0.count ? $0[i] : String(i + 1) } ?? String(i + 1)
            guard batch.count == k else {
                throw .invalidParameter("batch \(name) has \(batch.count) time points, the first batch has \(k): trajectories must be aligned")
            }
            for (t, point) in batch.enumerated() {
                guard point.count == j else {
                    throw .invalidParameter("batch \(name), time point \(t + 1) has \(point.count) variables, expected \(j)")
                }
                flat += point
            }
        }
        try self.init(batches: trajectories.count, variables: j, timePoints: k, values: flat, labels: labels,
                      variableNames: variableNames, times: times)
    }

    /// Value of `variable` j at time point k of batch i (all 0-based).
    public subscript(batch i: Int, variable j: Int, time k: Int) -> Double {
        values[(i * timeCount + k) * variableCount + j]
    }

    /// J·K, the number of columns of the unfolded matrix.
    public var unfoldedColumnCount: Int { variableCount * timeCount }

    /// The unfolded column of variable j at time point k: `k·J + j`.
    public func unfoldedColumn(variable j: Int, time k: Int) -> Int { k * variableCount + j }

    /// Batch i's row of the unfolded matrix (J·K values, column `k·J + j`). O(J·K).
    public func unfoldedRow(_ i: Int) -> ArraySlice<Double> {
        values[(i * unfoldedColumnCount)..<((i + 1) * unfoldedColumnCount)]
    }

    /// The batch-wise unfolded I × (J·K) matrix. O(I·J·K).
    public func unfolded() -> Matrix {
        // The flat values are the unfolded matrix row by row, i.e. its transpose column by column.
        Matrix(rows: unfoldedColumnCount, columns: batchCount, columnMajor: values).transposed
    }
}
