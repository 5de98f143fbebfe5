import Ingest

/// The data of a baseline study (or of phase II charts against frozen limits) read from long-form
/// CSV, with what an audit needs to know about which rows were used.
public struct BaselineSelection: Sendable {
    public let data: BaselineData
    /// Rows the data were built from, and rows in the file.
    public let rows: Int
    public let fileRows: Int
    /// Which rows were selected ("all rows", "phase column 'phase' = I", "subgroups 1-30").
    public let selection: String
}

extension SPCTable {
    /// The columns `chart` needs: a value always, a subgroup for x-bar charts, a size for p, np and u.
    /// - Throws: `SPCError.invalidParameter` naming the missing option.
    public static func checkColumns(chart: BaselineChart, value: String?, subgroup: String?, size: String?) throws(SPCError) {
        guard value != nil else { throw .invalidParameter("--value COLUMN is required") }
        if [.xbarR, .xbarS].contains(chart), subgroup == nil { throw .invalidParameter("--subgroup COLUMN is required for the \(chart.rawValue) chart") }
        if [.p, .np, .u].contains(chart), size == nil { throw .invalidParameter("--size COLUMN is required for the \(chart.rawValue) chart") }
    }

    /// The data of `rows` of the table (all rows when nil) for `chart`: subgroups of grouped rows for
    /// x-bar charts, one row each otherwise. `phase` (a column: subgroups whose first row says I, i
    /// or 1) or `phaseRange` (subgroup positions) selects the subgroups; without them all are used.
    /// - Throws: `SPCError.input` for a missing column or a bad field (file, line, column), other
    ///   `SPCError` cases for data that make no subgroups.
    /// - Complexity: O(rows).
    public func baselineData(chart: BaselineChart, value: String, subgroup: String?, size: String?, rows: [Int]? = nil,
                             phase: String? = nil, phaseRange: ClosedRange<Int>? = nil) throws(SPCError) -> BaselineSelection {
        try Self.checkColumns(chart: chart, value: value, subgroup: subgroup, size: size)
        do {
            let used = rows ?? Array(0..<table.rowCount)
            let rowLabels = try self.rowLabels(subgroup: subgroup)
            // Subgroups: grouped rows for x-bar charts, one row each otherwise (row indices of the table).
            let groups: [[Int]] = chart == .xbarR || chart == .xbarS
                ? GroupedRows(used.map { rowLabels[$0] }).rows.map { $0.map { used[$0] } }
                : used.map { [$0] }
            var selected = Array(groups.indices)
            var selection = "all rows"
            if let marks = try phaseI(column: phase, range: phaseRange, firstRows: groups.map { $0[0] }) {
                selected = groups.indices.filter { marks[$0] }
                if let phase { selection = "phase column '\(phase)' = I" }
                if let r = phaseRange, phase == nil { selection = "subgroups \(r.lowerBound)-\(r.upperBound)" }
            }
            let labels = selected.map { rowLabels[groups[$0][0]] }
            let data: BaselineData
            switch chart {
            case .xbarR, .xbarS:
                let values = try doubles(value)
                data = .subgroups(try SubgroupData(labels: labels, values: selected.map { groups[$0].map { values[$0] } }))
            case .imr:
                let values = try doubles(value)
                data = .individuals(values: selected.map { values[groups[$0][0]] }, labels: labels)
            case .p, .np, .c, .u:
                let counts = try doubles(value, .nonNegative)
                let sizes = try size.map { (name: String) throws(IngestError) in try doubles(name, .positive) }
                data = .attributes(try AttributeData(labels: labels, counts: selected.map { counts[groups[$0][0]] },
                                                 sizes: sizes.map { s in selected.map { s[groups[$0][0]] } }))
            }
            return BaselineSelection(data: data, rows: selected.reduce(0) { $0 + groups[$1].count }, fileRows: table.rowCount,
                                     selection: selection)
        } catch let error as IngestError {
            throw .input(error)
        } catch let error as SPCError {
            throw error
        } catch {
            throw .invalidParameter("\(error)")
        }
    }
}
