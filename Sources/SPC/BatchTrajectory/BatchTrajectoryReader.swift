import Ingest

/// Reads batch trajectories from a long-format CSV table: a `batch` column (labels), a `time` column
/// (numbers) and every other column a variable, in file order; one row per batch and time point.
///
/// Batches are taken in order of first appearance. Within a batch, rows must have strictly increasing
/// times, and every batch must have the same time points as the first batch (or as `reference` when
/// given; then the variable columns must also be the reference's, in its order). Errors are
/// `IngestError`s at the offending field (file, line, column): a value that is not a finite number, a
/// time out of order, a time point missing, different or extra. O(rows·columns).
public enum BatchTrajectoryReader {
    public static func read(_ table: CSVTable, batchColumn: String = "batch", timeColumn: String = "time",
                            reference: (variables: [String], times: [Double])? = nil) throws(IngestError) -> BatchTrajectoryData {
        guard let batchIndex = table.columnIndex(named: batchColumn) else {
            throw table.headerError("no column '\(batchColumn)'; columns are \(table.headerDescription)")
        }
        guard let timeIndex = table.columnIndex(named: timeColumn) else {
            throw table.headerError("no column '\(timeColumn)'; columns are \(table.headerDescription)")
        }
        let variableIndices = (0..<table.columnCount).filter { $0 != batchIndex && $0 != timeIndex }
        let variables = variableIndices.map { table.header[$0] }
        guard !variableIndices.isEmpty else {
            throw table.headerError("no variable columns besides '\(batchColumn)' and '\(timeColumn)'")
        }
        if let reference, variables.map({ $0.lowercased() }) != reference.variables.map({ $0.lowercased() }) {
            throw table.headerError("variables \(variables.joined(separator: ", ")) do not match the reference model's \(reference.variables.joined(separator: ", "))")
        }

        // Rows per batch, in order of first appearance.
        var labels: [String] = [], index: [String: Int] = [:], rows: [[Int]] = []
        for row in 0..<table.rowCount {
            let label = table.string(row: row, column: batchIndex)
            if let i = index[label] { rows[i].append(row) } else {
                index[label] = labels.count
                labels.append(label)
                rows.append([row])
            }
        }

        var times: [Double] = reference?.times ?? []
        let timesFrom = reference == nil ? "batch '\(labels[0])'" : "the reference model"
        var values: [Double] = []
        values.reserveCapacity(table.rowCount * variableIndices.count)
        for (b, batchRows) in rows.enumerated() {
            var previous = -Double.infinity
            for (k, row) in batchRows.enumerated() {
                let t = try table.double(row: row, column: timeIndex)
                guard t > previous else {
                    throw table.error(row: row, column: timeIndex,
                                      "batch '\(labels[b])': time \(show(t)) after \(show(previous)): rows of a batch must be sorted by increasing time")
                }
                previous = t
                if b == 0 && reference == nil {
                    times.append(t)
                } else if k >= times.count {
                    throw table.error(row: row, column: timeIndex,
                                      "batch '\(labels[b])' has more time points than \(timesFrom) (\(times.count)): extra time \(show(t))")
                } else if t != times[k] {
                    throw table.error(row: row, column: timeIndex,
                                      "batch '\(labels[b])' has time \(show(t)) at its time point \(k + 1) where \(timesFrom) has \(show(times[k])): every batch needs the same time points")
                }
                for column in variableIndices { values.append(try table.double(row: row, column: column)) }
            }
            if batchRows.count < times.count {
                throw table.error(row: batchRows[batchRows.count - 1], column: timeIndex,
                                  "batch '\(labels[b])' ends after \(batchRows.count) time points; \(timesFrom) has \(times.count) (next would be time \(show(times[batchRows.count])))")
            }
        }
        do {
            return try BatchTrajectoryData(batches: labels.count, variables: variables.count, timePoints: times.count,
                                           values: values, labels: labels, variableNames: reference?.variables ?? variables,
                                           times: times)
        } catch {
            throw IngestError(file: table.name, message: error.description)
        }
    }

    /// A time for messages: whole numbers without a decimal point.
    static func show(_ t: Double) -> String {
        t == t.rounded() && abs(t) < 1e15 ? String(Int64(t)) : "\(t)"
    }
}
