import ArgumentParser
import Ingest
import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BaselineChart: ExpressibleByArgument {}

/// The data of a baseline study or of a phase II chart, read from long-form CSV, with what an audit
/// needs to know about where it came from.
struct BaselineInput {
    let data: BaselineData
    /// Rows the data were built from, and rows in the file.
    let rows: Int
    let fileRows: Int
    /// Which rows were selected ("all rows", "phase column 'phase' = I", "subgroups 1-30").
    let selection: String
    /// SHA-256 of the file's bytes (nil for standard input).
    let sha256: String?

    /// Reads `file` for `chart`. `phase` (a column: rows of subgroups whose first row says I, i or 1)
    /// or `phase1` (FIRST-LAST subgroup positions) selects the subgroups; without them every row is used.
    static func read(file: String, chart: BaselineChart, value: String?, subgroup: String?, size: String?,
                     phase: String? = nil, phase1: String? = nil) throws -> BaselineInput {
        try check(chart: chart, value: value, subgroup: subgroup, size: size)
        let (input, sha256) = try load(file)
        return try build(input, rows: nil, chart: chart, value: value, subgroup: subgroup, size: size, phase: phase, phase1: phase1,
                         sha256: sha256)
    }

    /// The columns `chart` needs (usage errors otherwise).
    static func check(chart: BaselineChart, value: String?, subgroup: String?, size: String?) throws {
        do { try SPCTable.checkColumns(chart: chart, value: value, subgroup: subgroup, size: size) } catch {
            if case let .invalidParameter(message) = error { throw ValidationError(message) }
            throw ValidationError(error.description)
        }
    }

    /// The file's table and the SHA-256 of its bytes (nil for standard input).
    static func load(_ file: String) throws -> (input: SPCInput, sha256: String?) {
        if file == "-" { return (try SPCInput(file), nil) }
        let bytes = try storeErrors { () throws(BaselineFileStore.StoreError) in try BaselineFileStore.read(file) }
        let table = try SPCInput.dataErrors { try CSVTable.parse(bytes: bytes, name: file) }
        return (SPCInput(table: table, file: file), BaselineProvenance.sha256Hex(bytes))
    }

    /// The data of `rows` of the table (all rows when nil), as `read` builds them (the library's
    /// `SPCTable.baselineData`).
    static func build(_ input: SPCInput, rows: [Int]?, chart: BaselineChart, value: String?, subgroup: String?, size: String?,
                      phase: String? = nil, phase1: String? = nil, sha256: String?) throws -> BaselineInput {
        try check(chart: chart, value: value, subgroup: subgroup, size: size)
        let range = try phase1.map(ChartInputOptions.parseRange)
        let selected = try SPCInput.dataErrors {
            try input.spc.baselineData(chart: chart, value: value!, subgroup: subgroup, size: size, rows: rows, phase: phase, phaseRange: range)
        }
        return BaselineInput(data: selected.data, rows: selected.rows, fileRows: selected.fileRows, selection: selected.selection,
                             sha256: sha256)
    }
}

/// Runs `body`, printing a baseline file error and exiting with its documented code: 66 when the
/// file cannot be opened, 65 when it is not a usable baseline, 73 when it cannot be written.
/// - Parameter notOverwritten: add "; not overwritten" to a refusal to replace a file (`--out`).
func storeErrors<T>(notOverwritten: Bool = false, _ body: () throws(BaselineFileStore.StoreError) -> T) throws -> T {
    do { return try body() } catch {
        switch error {
        case .cannotOpen:
            printError(error.description)
            throw ExitCode(66)
        case .notABaseline:
            printError(error.description + (notOverwritten ? "; not overwritten" : ""))
            throw ExitCode(65)
        case .otherChart:
            printError(error.description)
            throw ExitCode(65)
        case .archiveExists, .cannotWrite:
            printError(error.description)
            throw ExitCode(73)
        }
    }
}
