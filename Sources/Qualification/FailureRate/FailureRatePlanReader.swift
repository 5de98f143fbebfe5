import Lifetime
import Ingest

/// Reads a `FailureRatePlan` from CSV, one row per (stress test, failure mechanism):
///
///     test,units,hours,stress_temp_c,mechanism,ea_ev,failures[,use_temp_c]
///     HTOL-125,231,1000,125,oxide,0.7,0
///     HTOL-125,231,1000,125,electromigration,0.9,1
///     HTOL-150,77,500,150,oxide,0.7,1
///
/// - `test`: the name of a stress test. Rows of one test must repeat the same `units` (positive),
///   `hours` (positive) and `stress_temp_c` (Celsius).
/// - `mechanism`: the name of a failure mechanism; rows of one mechanism must repeat the same
///   `ea_ev` (activation energy in eV, >= 0).
/// - `failures`: failures of that mechanism in that test, a whole number >= 0. A (test, mechanism)
///   pair that has no row has 0 failures: every test's device-hours count for every mechanism.
///   A pair may appear only once.
/// - `use_temp_c` (optional): the use temperature, the same on every row; otherwise it comes from
///   the caller (`--use-temp`). Giving both with different values is an error.
/// Column names match case-insensitively; other columns are ignored. Every error is an
/// `IngestError` naming file, line and column (exit code 65 at the CLI).
/// - A plan has at most `maximumCells` (test, mechanism) pairs: the plan holds their failures as a
///   dense tests x mechanisms table, so a file of a few hundred KB naming a new test and a new
///   mechanism on every row would otherwise ask for gigabytes.
public enum FailureRatePlanReader {
    public static let columns = ["test", "units", "hours", "stress_temp_c", "mechanism", "ea_ev", "failures"]
    /// The largest number of tests times mechanisms a plan may have.
    public static let maximumCells = 1_000_000

    /// - Complexity: O(rows), with dictionary lookups by test and mechanism name.
    public static func read(_ table: CSVTable, useCelsius: Double?,
                            constants: ThermalConstants = .codata) throws(IngestError) -> FailureRatePlan {
        var index: [String: Int] = [:]
        for name in columns {
            guard let i = table.columnIndex(named: name) else {
                throw table.headerError("no '\(name)' column; a plan needs \(columns.joined(separator: ", ")) [, use_temp_c]; the header has: \(table.headerDescription)")
            }
            index[name] = i
        }
        let testColumn = index["test"]!, unitsColumn = index["units"]!, hoursColumn = index["hours"]!
        let stressColumn = index["stress_temp_c"]!, mechanismColumn = index["mechanism"]!
        let eaColumn = index["ea_ev"]!, failuresColumn = index["failures"]!
        let useColumn = table.columnIndex(named: "use_temp_c")

        var tests: [StressTest] = [], testIndex: [String: Int] = [:]
        var mechanisms: [FailureMechanism] = [], mechanismIndex: [String: Int] = [:]
        var cells: [[Int: Int]] = []   // per test: mechanism -> failures
        var totals: [Int] = []          // per test: failures over its mechanisms
        var use = useCelsius
        var useFromFile: Double?

        func name(_ row: Int, _ column: Int) throws(IngestError) -> String {
            let text = table.string(row: row, column: column)
            guard !text.isEmpty else { throw table.error(row: row, column: column, "expected a name, found an empty field") }
            return text
        }
        func checkSize(row: Int, column: Int) throws(IngestError) {
            guard tests.count * mechanisms.count <= maximumCells else {
                throw table.error(row: row, column: column, "the plan now has \(tests.count) tests and \(mechanisms.count) failure mechanisms; at most \(maximumCells) (test, mechanism) pairs are supported")
            }
        }
        func mustEqual(_ value: Double, _ first: Double, row: Int, column: Int, _ what: String) throws(IngestError) {
            guard value == first else {
                throw table.error(row: row, column: column, "expected \(first) as on the first row of \(what), found \(table.describeValue(row: row, column: column))")
            }
        }

        for row in 0..<table.rowCount {
            let testName = try name(row, testColumn)
            let units = try table.double(row: row, column: unitsColumn, .positive)
            let hours = try table.double(row: row, column: hoursColumn, .positive)
            let stress = try table.double(row: row, column: stressColumn)
            guard constants.kelvin(stress) > 0 else {
                throw table.error(row: row, column: stressColumn, "expected a temperature above absolute zero, found \(table.describeValue(row: row, column: stressColumn))")
            }
            let c: Int
            if let existing = testIndex[testName] {
                c = existing
                try mustEqual(units, tests[c].units, row: row, column: unitsColumn, "test '\(testName)'")
                try mustEqual(hours, tests[c].hours, row: row, column: hoursColumn, "test '\(testName)'")
                try mustEqual(stress, tests[c].stressCelsius, row: row, column: stressColumn, "test '\(testName)'")
            } else {
                c = tests.count
                testIndex[testName] = c
                tests.append(StressTest(name: testName, units: units, hours: hours, stressCelsius: stress))
                cells.append([:])
                totals.append(0)
                try checkSize(row: row, column: testColumn)
            }
            let mechanismName = try name(row, mechanismColumn)
            let ea = try table.double(row: row, column: eaColumn, .nonNegative)
            let m: Int
            if let existing = mechanismIndex[mechanismName] {
                m = existing
                try mustEqual(ea, mechanisms[m].activationEnergy, row: row, column: eaColumn, "mechanism '\(mechanismName)'")
            } else {
                m = mechanisms.count
                mechanismIndex[mechanismName] = m
                mechanisms.append(FailureMechanism(name: mechanismName, activationEnergy: ea))
                try checkSize(row: row, column: mechanismColumn)
            }
            let r = try table.double(row: row, column: failuresColumn, .nonNegative)
            guard r == r.rounded(), r <= 1e9 else {
                throw table.error(row: row, column: failuresColumn, "expected a whole number >= 0, found \(table.describeValue(row: row, column: failuresColumn))")
            }
            guard cells[c][m] == nil else {
                throw table.error(row: row, column: mechanismColumn, "test '\(testName)' already has a row for mechanism '\(mechanismName)'")
            }
            cells[c][m] = Int(r)
            totals[c] += Int(r)   // a running total: summing the test's cells on every row was O(rows²)
            let total = totals[c]
            guard Double(total) <= units else {
                throw table.error(row: row, column: failuresColumn, "test '\(testName)' now has \(total) failures but only \(NumberText.plain(units)) units")
            }
            if let useColumn {
                let u = try table.double(row: row, column: useColumn)
                if let first = useFromFile {
                    try mustEqual(u, first, row: row, column: useColumn, "the file (one use temperature per plan)")
                } else {
                    if let given = useCelsius, given != u {
                        throw table.error(row: row, column: useColumn, "the use temperature \(NumberText.plain(given)) C was also given on the command line; found \(table.describeValue(row: row, column: useColumn))")
                    }
                    useFromFile = u
                    use = u
                }
                guard u <= stress else {
                    throw table.error(row: row, column: useColumn, "expected a use temperature at or below the stress temperature \(NumberText.plain(stress)) C, found \(table.describeValue(row: row, column: useColumn))")
                }
            } else if let u = use, u > stress {
                throw table.error(row: row, column: stressColumn, "expected a stress temperature at or above the use temperature \(NumberText.plain(u)) C, found \(table.describeValue(row: row, column: stressColumn))")
            }
        }
        guard let use else {
            throw table.headerError("no 'use_temp_c' column and no use temperature given (--use-temp)")
        }
        let failures = cells.map { row in mechanisms.indices.map { row[$0] ?? 0 } }
        return FailureRatePlan(tests: tests, mechanisms: mechanisms, failures: failures,
                               useCelsius: use, constants: constants)
    }
}

/// Minimal number text for messages (no Foundation): whole numbers without ".0".
enum NumberText {
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}
