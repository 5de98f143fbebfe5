import Ingest

/// libFuzzer entry: the CSV reader on arbitrary bytes, then every accessor on every field.
/// Thrown `IngestError`s are expected; a trap, crash, hang or runaway memory is a bug.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let table: CSVTable
    do {
        table = try CSVTable.parse(bytes: bytes, name: "fuzz.csv")
    } catch {
        // Every parse error except "empty file" and "too large" names a line.
        if !error.message.hasPrefix("empty file") && !error.message.hasPrefix("input too large") && error.line == nil {
            fatalError("parse error without a line: \(error)")
        }
        _ = error.description
        return 0
    }
    guard table.rowCount >= 1, table.columnCount >= 1 else { fatalError("a table without rows or columns") }
    _ = table.headerDescription
    for name in table.header { _ = table.columnIndex(named: name) }
    var fields = 0
    for row in 0..<table.rowCount {
        _ = table.lineNumber(ofRow: row)
        for column in 0..<table.columnCount {
            fields += 1
            if fields > 20_000 { return 0 }
            let line = table.lineNumber(row: row, column: column)
            guard line >= table.lineNumber(ofRow: row) else { fatalError("field line before its row's line") }
            _ = table.string(row: row, column: column)
            _ = table.describeValue(row: row, column: column)
            _ = table.isEmpty(row: row, column: column)
            for requirement in [NumberRequirement.any, .nonNegative, .positive, .positiveWhole] {
                do {
                    let x = try table.double(row: row, column: column, requirement)
                    guard x.isFinite else { fatalError("a non-finite number passed") }
                } catch {
                    guard error.line == line, error.columnIndex == column + 1 else {
                        fatalError("number error at the wrong place: \(error) (field line \(line), column \(column + 1))")
                    }
                }
                _ = try? table.optionalDouble(row: row, column: column, requirement)
            }
        }
    }
    return 0
}
