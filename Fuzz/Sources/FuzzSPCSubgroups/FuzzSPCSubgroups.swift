import Ingest
import SPC
@testable import RelmodelCLI
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry: the SPC input paths of the chart commands on long-form CSV bytes, as the CLI
/// runs them: `SPCInput` columns, subgroup labels grouped in order of first appearance
/// (`GroupedRows`, `SubgroupData`), phase and stage columns, then the x̄-R, x̄-S, I-MR, p and c charts;
/// and `BaselineInput.read` (the `spc baseline` / `--baseline` reader) for every baseline chart.
/// Columns are taken by position so that any CSV exercises the path: subgroup = column 1, value =
/// column 2 (or 1), size = column 3; `phase` and `stage` by name when present.
/// Expected failures: `ExitCode` (the CLI's data errors, after printing), `ValidationError`,
/// `SPCError`. Standard error is silenced around each call unless FUZZ_VERBOSE is set.
func fuzzSPCSubgroups(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let table = try? CSVTable.parse(bytes: bytes, name: "fuzz.csv") else { return 0 }
    let header = table.header
    let subgroup = header[0]
    let value = header.count > 1 ? header[1] : header[0]
    let sizeColumn = header.count > 2 ? header[2] : nil
    // Tabulated constants: the exact d3 is an O(1e5) integral per subgroup size, which would make the
    // fuzzer spend its time there instead of in the input path.
    var arguments = ["fuzz.csv", "--value", value, "--subgroup", subgroup, "--constants", "table"]
    if table.columnIndex(named: "phase") != nil { arguments += ["--phase", "phase"] }
    if table.columnIndex(named: "stage") != nil { arguments += ["--stage", "stage"] }
    let input = SPCInput(table: table, file: "fuzz.csv")

    quietly {
        for rules in ["1", "all"] {
            guard let options = try? ChartInputOptions.parse(arguments + ["--rules", rules]) else { continue }
            _ = try? subgroupCharts(input, options, dispersion: .r)
            _ = try? subgroupCharts(input, options, dispersion: .s)
            _ = try? individualsCharts(input, options)
            _ = try? attributeChart(input, options, size: sizeColumn, type: .p)
            _ = try? attributeChart(input, options, size: nil, type: .c)
        }
        // The baseline reader takes a path: write the bytes to a per-process temporary file.
        if writeAll(bytes, to: temporaryPath) {
            for chart in BaselineChart.allCases {
                _ = try? BaselineInput.read(file: temporaryPath, chart: chart, value: value, subgroup: subgroup,
                                            size: sizeColumn ?? value,
                                            phase: table.columnIndex(named: "phase") != nil ? "phase" : nil)
                _ = try? BaselineInput.read(file: temporaryPath, chart: chart, value: value, subgroup: subgroup,
                                            size: sizeColumn ?? value, phase1: "2-5")
            }
            unlink(temporaryPath)
        }
    }
    return 0
}

/// The steps of the CLI's x̄-R / x̄-S command (VariablesChartCommands.swift) from a parsed table.
func subgroupCharts(_ input: SPCInput, _ options: ChartInputOptions, dispersion: ChartType) throws -> [ControlChart] {
    let values = try input.doubles(options.value!)
    let groups = GroupedRows(try input.rowLabels(options))
    let data = try SubgroupData(labels: groups.labels, values: groups.rows.map { $0.map { values[$0] } })
    let chartOptions = try input.chartOptions(options, firstRows: groups.firstRows)
    // Beyond the tables (n > 25) the constants are integrals again: slow, and numerics, not input.
    guard data.sizes.allSatisfy({ $0 <= 25 }) else { return [] }
    let pair = try SPCInput.dataErrors {
        dispersion == .r
            ? try ChartPair.xbarR(data, sigmaMethod: .rBar, options: chartOptions)
            : try ChartPair.xbarS(data, sigmaMethod: .sBar, options: chartOptions)
    }
    return pair.charts
}

/// The steps of the CLI's I-MR command.
func individualsCharts(_ input: SPCInput, _ options: ChartInputOptions) throws -> [ControlChart] {
    let values = try input.doubles(options.value!)
    let labels = try input.rowLabels(options)
    let chartOptions = try input.chartOptions(options, firstRows: Array(0..<values.count))
    return try SPCInput.dataErrors { try ChartPair.individuals(values, labels: labels, span: 2, options: chartOptions) }.charts
}

/// The steps of the CLI's attribute chart commands (AttributeChartCommands.swift).
func attributeChart(_ input: SPCInput, _ options: ChartInputOptions, size: String?, type: ChartType) throws -> ControlChart {
    let counts = try input.doubles(options.value!, .nonNegative)
    let sizes = try size.map { try input.doubles($0, .positive) }
    let labels = try input.rowLabels(options)
    let chartOptions = try input.chartOptions(options, firstRows: Array(0..<counts.count))
    let data = try AttributeData(labels: labels, counts: counts, sizes: sizes)
    return try SPCInput.dataErrors {
        type == .p ? try ControlChart.p(data, options: chartOptions) : try ControlChart.c(data, options: chartOptions)
    }
}

let temporaryPath = "/tmp/relmodel-fuzz-spc-\(getpid()).csv"
let verbose = getenv("FUZZ_VERBOSE") != nil
let devNull = open("/dev/null", O_WRONLY)
let savedStandardError = dup(2)

/// Runs `body` with standard error sent to /dev/null (the CLI prints every data error).
func quietly(_ body: () -> Void) {
    if verbose { return body() }
    let saved = savedStandardError   // a lazy global: take the copy before fd 2 changes
    dup2(devNull, 2)
    body()
    dup2(saved, 2)
}

func writeAll(_ bytes: [UInt8], to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
        guard n > 0 else { return false }
        written += n
    }
    return true
}
