import Ingest

/// A CSV table read for SPC (long form: one row per measurement): columns by name, subgroups in
/// order of first appearance, the phase I marks and stage labels per subgroup. Errors name the file,
/// line and column (`IngestError`).
public struct SPCTable: Sendable {
    public let table: CSVTable

    public init(_ table: CSVTable) { self.table = table }

    /// Reads `path` ("-" for standard input).
    /// - Throws: `IngestError` (kind `.io` when the file cannot be read).
    public init(path: String) throws(IngestError) { table = try CSVTable.read(path: path) }

    public var rowCount: Int { table.rowCount }

    /// The index of the column `name`.
    /// - Throws: a header error listing the columns when there is none.
    public func column(_ name: String) throws(IngestError) -> Int {
        guard let index = table.columnIndex(named: name) else {
            throw table.headerError("no column '\(name)'; columns are \(table.headerDescription)")
        }
        return index
    }

    public func doubles(_ name: String, _ requirement: NumberRequirement = .any) throws(IngestError) -> [Double] {
        try table.doubles(column: try column(name), requirement)
    }

    public func strings(_ name: String) throws(IngestError) -> [String] {
        table.strings(column: try column(name))
    }

    /// The subgroup label of each row: the column's values, or row numbers 1, 2, ... without one.
    public func rowLabels(subgroup: String?) throws(IngestError) -> [String] {
        if let subgroup { return try strings(subgroup) }
        return (0..<table.rowCount).map { String($0 + 1) }
    }

    /// Which subgroups are phase I, from a column (a subgroup's first row marked I, i or 1) or a range
    /// of subgroup positions; nil when neither is given (every subgroup estimates the limits).
    /// - Parameters:
    ///   - column: the phase column, or nil.
    ///   - range: the phase I subgroup positions (1-based), used when there is no column.
    ///   - firstRows: each subgroup's first row (`GroupedRows.firstRows`).
    public func phaseI(column: String?, range: ClosedRange<Int>?, firstRows: [Int]) throws(IngestError) -> [Bool]? {
        if let column {
            let values = try strings(column)
            return firstRows.map { ["I", "1", "i"].contains(values[$0].trimmingSpaces) }
        }
        if let range { return ChartOptions.phaseI(range: range, count: firstRows.count) }
        return nil
    }

    /// The stage label of each subgroup (its first row's).
    public func stages(column: String, firstRows: [Int]) throws(IngestError) -> [String] {
        let values = try strings(column)
        return firstRows.map { values[$0] }
    }

    /// `"FIRST-LAST"` (1-based subgroup positions) as a range.
    /// - Throws: `SPCError.invalidParameter` unless 1 <= FIRST <= LAST.
    public static func phaseRange(_ text: String) throws(SPCError) -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, a <= b else {
            throw .invalidParameter("--phase1 must be FIRST-LAST with 1 <= FIRST <= LAST, got '\(text)'")
        }
        return a...b
    }
}

/// Rows grouped by subgroup label, in order of first appearance.
/// - Complexity: O(rows) with a dictionary lookup per row.
public struct GroupedRows: Sendable {
    public let labels: [String]
    /// The rows of each subgroup, in file order.
    public let rows: [[Int]]
    public var firstRows: [Int] { rows.map { $0[0] } }

    public init(_ labels: [String]) {
        var order: [String] = [], index: [String: Int] = [:], rows: [[Int]] = []
        for (row, label) in labels.enumerated() {
            if let i = index[label] { rows[i].append(row) } else {
                index[label] = order.count
                order.append(label)
                rows.append([row])
            }
        }
        self.labels = order
        self.rows = rows
    }
}

extension SPCTable {
    /// The `value` column grouped into subgroups by the `subgroup` column (in order of first
    /// appearance; one row each without a column), with the grouping.
    /// - Throws: `SPCError.input` for a missing column or a field that is not a number; other cases
    ///   for subgroups the charts cannot take.
    /// - Complexity: O(rows).
    public func subgroups(value: String, subgroup: String?) throws(SPCError) -> (data: SubgroupData, groups: GroupedRows) {
        let values: [Double], groups: GroupedRows
        do {
            values = try doubles(value)
            groups = GroupedRows(try rowLabels(subgroup: subgroup))
        } catch {
            throw .input(error)
        }
        return (try SubgroupData(labels: groups.labels, values: groups.rows.map { $0.map { values[$0] } }), groups)
    }

    /// The phase I subgroups of the `value` column (every subgroup without a phase), each kept whole.
    /// - Throws: `SPCError.input` for a missing column or a bad field.
    public func phaseISubgroups(value: String, subgroup: String?, phase: String?, phaseRange: ClosedRange<Int>?) throws(SPCError) -> [[Double]] {
        do {
            let values = try doubles(value)
            let groups = GroupedRows(try rowLabels(subgroup: subgroup))
            let mask = try phaseI(column: phase, range: phaseRange, firstRows: groups.firstRows)
                ?? Array(repeating: true, count: groups.labels.count)
            return zip(groups.rows, mask).filter(\.1).map { $0.0.map { values[$0] } }
        } catch {
            throw .input(error)
        }
    }

    /// Chart options for the subgroups starting at `firstRows`: phase I from a column or a range,
    /// stages from a column, the rules resolved per chart (`ChartOptions.ruleSpecification`).
    /// - Throws: `SPCError.input` for a missing column.
    public func chartOptions(firstRows: [Int], phase: String? = nil, phaseRange: ClosedRange<Int>? = nil, stage: String? = nil,
                             rules: RuleSpecification = .minitabDefault, constants: ConstantSource = .exact,
                             sigmaMultiplier: Double = 3) throws(SPCError) -> ChartOptions {
        var options = ChartOptions(constants: constants, sigmaMultiplier: sigmaMultiplier)
        options.ruleSpecification = rules
        do {
            options.phaseI = try phaseI(column: phase, range: phaseRange, firstRows: firstRows)
            if let stage { options.stages = try stages(column: stage, firstRows: firstRows) }
        } catch {
            throw .input(error)
        }
        return options
    }
}
