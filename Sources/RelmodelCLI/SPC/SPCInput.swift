import ArgumentParser
import Ingest
import SPC

extension ConstantSource: ExpressibleByArgument {}
extension SigmaMethod: ExpressibleByArgument {}
extension CUSUMUnits: ExpressibleByArgument {}
extension GChartLimits: ExpressibleByArgument {}

/// Options shared by every SPC command that reads measurements (the chart commands and capability):
/// input columns, phase I, constants and output.
struct SPCDataOptions: ParsableArguments {
    @Argument(help: "CSV file (long form, with a header row), or - for standard input.")
    var file: String

    @Option(help: "Column of measurements (counts for attribute charts).")
    var value: String?

    @Option(help: "Column identifying the subgroup (sample) of each row.")
    var subgroup: String?

    @Option(help: "Column marking phase I rows with I or 1 (they estimate the limits); other rows are phase II.")
    var phase: String?

    @Option(name: .customLong("phase1"), help: "Phase I as a range of subgroup positions, FIRST-LAST (1-based).")
    var phase1: String?

    @Option(help: "Constants: exact, table (qcc: d2 to 3 decimals), textbook (Montgomery's A2, D3, D4, ... factors).")
    var constants: ConstantSource = .exact

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    @Option(help: "Also write an SVG plot to this file: the chart(s), or for capability the capability histogram.")
    var svg: String?

    func validate() throws {
        if phase != nil && phase1 != nil { throw ValidationError("give --phase or --phase1, not both") }
        if let phase1 { _ = try ChartInputOptions.parseRange(phase1) }
    }
}

/// Options shared by every chart command: the data options plus stages, run rules and the limit width.
struct ChartInputOptions: ParsableArguments {
    @OptionGroup var data: SPCDataOptions

    @Option(help: "Column of stage labels; each run of equal labels gets its own limits.")
    var stage: String?

    @Option(help: "Run rules, reported as Nelson/Minitab test numbers: we (Western Electric: tests 1, 5, 6 and 2 with K = 8), nelson (tests 1-8), all (Minitab's set for the chart), none, or test numbers like 1,2,5 (K overrides as 2:8).",
            transform: RuleSpecification.argument)
    var rules: RuleSpecification = .minitabDefault

    @Option(name: .customLong("sigma-multiplier"), help: "Control limits at ± this many sigma (L).")
    var sigmaMultiplier: Double = 3

    var file: String { data.file }
    var value: String? { data.value }
    var subgroup: String? { data.subgroup }
    var phase: String? { data.phase }
    var phase1: String? { data.phase1 }
    var constants: ConstantSource { data.constants }
    var json: Bool { data.json }
    var svg: String? { data.svg }

    func validate() throws {
        guard sigmaMultiplier > 0, sigmaMultiplier.isFinite else { throw ValidationError("--sigma-multiplier must be positive") }
    }

    static func parseRange(_ text: String) throws -> ClosedRange<Int> {
        do { return try SPCTable.phaseRange(text) } catch {
            if case let .invalidParameter(message) = error { throw ValidationError(message) }
            throw ValidationError(error.description)
        }
    }

}

/// A CSV input read for an SPC command: the library's `SPCTable`, with its errors mapped to exit
/// codes (65 data, 66 unreadable).
struct SPCInput {
    let spc: SPCTable
    let file: String
    var table: CSVTable { spc.table }

    init(_ file: String) throws {
        self.file = file
        do { spc = try SPCTable(path: file) } catch {
            printError(error.description)
            throw ExitCode(error.kind == .io ? 66 : 65)
        }
    }

    init(table: CSVTable, file: String) {
        spc = SPCTable(table)
        self.file = file
    }

    /// Runs `body`, printing an input or estimation error and exiting 65 (66 when unreadable).
    static func dataErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as IngestError {
            printError(error.description)
            throw ExitCode(error.kind == .io ? 66 : 65)
        } catch let error as SPCError {
            printError(error.description)
            if case let .input(inner) = error, inner.kind == .io { throw ExitCode(66) }
            throw ExitCode(65)
        }
    }

    func column(_ name: String) throws -> Int { try Self.dataErrors { try spc.column(name) } }

    func doubles(_ name: String, _ requirement: NumberRequirement = .any) throws -> [Double] {
        try Self.dataErrors { try spc.doubles(name, requirement) }
    }

    func strings(_ name: String) throws -> [String] { try Self.dataErrors { try spc.strings(name) } }

    /// Subgroup label per row (row numbers when no column is given).
    func rowLabels(_ options: ChartInputOptions) throws -> [String] { try rowLabels(options.data) }

    func rowLabels(_ options: SPCDataOptions) throws -> [String] {
        try Self.dataErrors { try spc.rowLabels(subgroup: options.subgroup) }
    }

    /// Chart options with phase I and stages per subgroup (`SPCTable.chartOptions`; each chart resolves
    /// its rules through `ruleSpecification`); `firstRows` gives each subgroup's first row.
    func chartOptions(_ options: ChartInputOptions, firstRows: [Int]) throws -> ChartOptions {
        let range = try options.phase1.map(ChartInputOptions.parseRange)
        return try Self.dataErrors {
            try spc.chartOptions(firstRows: firstRows, phase: options.phase, phaseRange: range, stage: options.stage,
                                 rules: options.rules, constants: options.constants, sigmaMultiplier: options.sigmaMultiplier)
        }
    }

    /// The value column in subgroups (`SPCTable.subgroups`).
    func subgroups(_ value: String, _ options: SPCDataOptions) throws -> (data: SubgroupData, groups: GroupedRows) {
        try Self.dataErrors { try spc.subgroups(value: value, subgroup: options.subgroup) }
    }

    /// The phase I subgroups of the value column (`SPCTable.phaseISubgroups`).
    func phaseISubgroups(_ value: String, _ options: SPCDataOptions) throws -> [[Double]] {
        let range = try options.phase1.map(ChartInputOptions.parseRange)
        return try Self.dataErrors { try spc.phaseISubgroups(value: value, subgroup: options.subgroup, phase: options.phase, phaseRange: range) }
    }
}

extension RuleSpecification {
    /// `--rules` parsed once, by the library; a bad specification is a usage error (exit 64) with
    /// the library's explanation.
    static func argument(_ text: String) throws -> RuleSpecification {
        do { return try RuleSpecification(parsing: text) } catch {
            if case let .invalidParameter(message) = error { throw ValidationError(message) }
            throw ValidationError(error.description)
        }
    }
}
