import Testing
@testable import Ingest

/// Inputs that crashed the CSV reader during the fuzzing campaign (docs/FUZZING.md); each must now
/// parse or throw an `IngestError`.
@Suite struct CSVFuzzRegressionTests {
    /// A header of 100,001 (empty) column names over 1,000,000 empty lines: 1.1 MB that made the row
    /// estimate times the column count reserve 943 GB for the field offsets ("Fatal error: failed to
    /// allocate 943740637344 bytes", CSVParsing.swift). Found by review while fuzzing: FuzzCSV's inputs
    /// are capped at 8 KB, too small to reach it.
    @Test func wideHeaderOverManyEmptyLinesThrowsHeaderOnly() {
        let bytes = [UInt8](repeating: UInt8(ascii: ","), count: 100_000) + [UInt8](repeating: UInt8(ascii: "\n"), count: 1_000_000)
        #expect(throws: IngestError(file: "wide.csv", line: 1, message: "header only: expected at least one data row after the header")) {
            try CSVTable.parse(bytes: bytes, name: "wide.csv")
        }
    }

    /// The same with one data row in the middle of the empty lines: one row of 100,001 empty fields.
    @Test func wideHeaderWithOneRowParses() throws {
        let commas = [UInt8](repeating: UInt8(ascii: ","), count: 100_000)
        let lines = [UInt8](repeating: UInt8(ascii: "\n"), count: 500_000)
        let table = try CSVTable.parse(bytes: commas + lines + commas + lines, name: "wide.csv")
        #expect(table.rowCount == 1)
        #expect(table.columnCount == 100_001)
        #expect(table.lineNumber(ofRow: 0) == 500_001)
        #expect(table.isEmpty(row: 0, column: 100_000))
    }
}
