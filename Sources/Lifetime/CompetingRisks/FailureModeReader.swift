import Ingest

extension LifetimeReader {
    /// Reads every row with the failure mode in column `mode`: a failure row names its mode (trimmed,
    /// quoted fields unquoted), a suspension row leaves it empty.
    ///
    /// Errors (kind `.data`, exit code 65 at the CLI), besides those of `read()`:
    /// - header: `no 'mode' column with the failure modes; the header has: time, event`
    /// - `column 'mode' (4): expected the failure mode of a failure, found an empty field`
    /// - `column 'mode' (4): expected an empty field for a suspension (it has not failed of any mode), found "Mode1"`
    /// - `column 'start' (1): competing risks with known modes need exact failure times; this failure is
    ///   left- or interval-censored` (at the `start` column of interval data)
    /// - Complexity: one pass over the rows; one `String` per failure row for its mode.
    public static func readFailureModes(_ table: CSVTable, file: String? = nil, columns: LifetimeColumns = .init(),
                                        mode modeColumn: String) throws(IngestError) -> FailureModeInput {
        var columns = columns
        columns.extra.append(modeColumn)
        let reader = try LifetimeReader(table, file: file, columns: columns)
        guard let mode = table.columnIndex(named: modeColumn) else {
            throw relabel(table.headerError(
                "no '\(modeColumn)' column with the failure modes; the header has: \(table.headerDescription)"),
                file: reader.file)
        }
        var data = FailureModeData()
        for row in 0..<table.rowCount {
            let observation = try reader.observation(row: row)
            let label = table.string(row: row, column: mode).trimmingCharacters(" \t")
            do {
                switch observation {
                case let .failure(time, count):
                    guard !label.isEmpty else {
                        throw relabel(table.error(row: row, column: mode, "expected the failure mode of a failure, found an empty field"), file: reader.file)
                    }
                    try data.addFailure(at: time, count: count, mode: label)
                case let .suspension(time, count):
                    guard label.isEmpty else {
                        throw relabel(table.error(row: row, column: mode,
                            "expected an empty field for a suspension (it has not failed of any mode), found \(table.describeValue(row: row, column: mode))"),
                            file: reader.file)
                    }
                    try data.addSuspension(at: time, count: count)
                case .leftCensored, .interval:
                    let column: Int
                    switch reader.layout {
                    case let .exact(time, _): column = time
                    case let .interval(start, _, _): column = start
                    }
                    throw relabel(table.error(row: row, column: column,
                        "competing risks with known modes need exact failure times; this failure is left- or interval-censored"),
                        file: reader.file)
                }
            } catch let error as IngestError {
                throw error
            } catch {
                throw relabel(table.error(row: row, column: mode, "\(error)"), file: reader.file)
            }
        }
        var used = reader.usedColumns
        if let k = used.firstIndex(where: { $0.name == table.header[mode] }) { used[k].role = "mode" }
        return FailureModeInput(data: data, rows: table.rowCount, usedColumns: used, unusedColumns: reader.unusedColumns)
    }
}

extension String {
    /// The text without leading and trailing characters of `set`.
    func trimmingCharacters(_ set: String) -> String {
        let scalars = Set(set)
        return String(drop(while: { scalars.contains($0) }).reversed().drop(while: { scalars.contains($0) }).reversed())
    }
}
