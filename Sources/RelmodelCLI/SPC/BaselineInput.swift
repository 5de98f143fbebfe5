import ArgumentParser
import Ingest
import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BaselineChart: ExpressibleByArgument {}

extension SPCInput {
    init(table: CSVTable, file: String) {
        self.table = table
        self.file = file
    }
}

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
        guard value != nil else { throw ValidationError("--value COLUMN is required") }
        if [.xbarR, .xbarS].contains(chart), subgroup == nil { throw ValidationError("--subgroup COLUMN is required for the \(chart.rawValue) chart") }
        if [.p, .np, .u].contains(chart), size == nil { throw ValidationError("--size COLUMN is required for the \(chart.rawValue) chart") }
    }

    /// The file's table and the SHA-256 of its bytes (nil for standard input).
    static func load(_ file: String) throws -> (input: SPCInput, sha256: String?) {
        if file == "-" { return (try SPCInput(file), nil) }
        let bytes = try storeErrors { () throws(BaselineFileStore.StoreError) in try BaselineFileStore.read(file) }
        let table = try SPCInput.dataErrors { try CSVTable.parse(bytes: bytes, name: file) }
        return (SPCInput(table: table, file: file), BaselineProvenance.sha256Hex(bytes))
    }

    /// The data of `rows` of the table (all rows when nil), as `read` builds them.
    static func build(_ input: SPCInput, rows: [Int]?, chart: BaselineChart, value: String?, subgroup: String?, size: String?,
                      phase: String? = nil, phase1: String? = nil, sha256: String?) throws -> BaselineInput {
        try check(chart: chart, value: value, subgroup: subgroup, size: size)
        guard let value else { throw ValidationError("--value COLUMN is required") }
        let used = rows ?? Array(0..<input.table.rowCount)
        let rowLabels: [String]
        if let subgroup { rowLabels = try input.strings(subgroup) } else { rowLabels = (0..<input.table.rowCount).map { String($0 + 1) } }
        // Subgroups: grouped rows for x̄ charts, one row each otherwise (row indices of the table).
        let groups: [[Int]] = chart == .xbarR || chart == .xbarS
            ? GroupedRows(used.map { rowLabels[$0] }).rows.map { $0.map { used[$0] } }
            : used.map { [$0] }
        var selected = Array(groups.indices)
        var selection = "all rows"
        if let phase {
            let marks = try input.strings(phase)
            selected = groups.indices.filter { ["I", "i", "1"].contains(marks[groups[$0][0]].trimmingSpaces) }
            selection = "phase column '\(phase)' = I"
        } else if let phase1 {
            let range = try ChartInputOptions.parseRange(phase1)
            selected = groups.indices.filter { range.contains($0 + 1) }
            selection = "subgroups \(range.lowerBound)-\(range.upperBound)"
        }
        let labels = selected.map { rowLabels[groups[$0][0]] }
        let data: BaselineData
        switch chart {
        case .xbarR, .xbarS:
            let values = try input.doubles(value)
            data = .subgroups(try SubgroupData(labels: labels, values: selected.map { groups[$0].map { values[$0] } }))
        case .imr:
            let values = try input.doubles(value)
            data = .individuals(values: selected.map { values[groups[$0][0]] }, labels: labels)
        case .p, .np, .c, .u:
            let counts = try input.doubles(value, .nonNegative)
            let sizes = try size.map { try input.doubles($0, .positive) }
            data = .attributes(try AttributeData(labels: labels, counts: selected.map { counts[groups[$0][0]] },
                                             sizes: sizes.map { s in selected.map { s[groups[$0][0]] } }))
        }
        return BaselineInput(data: data, rows: selected.reduce(0) { $0 + groups[$1].count }, fileRows: input.table.rowCount,
                             selection: selection, sha256: sha256)
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
