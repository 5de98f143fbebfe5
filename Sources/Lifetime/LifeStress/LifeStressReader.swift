import Ingest

/// Reads life-stress data: the lifetime columns of `LifetimeReader` (time/event/count or
/// start/end/count) plus one numeric column per stress variable, grouped into stress levels.
///
/// Each stress value must be a finite number inside the relationship's domain (a temperature above
/// absolute zero for Arrhenius, Eyring and Peck; a positive voltage for inverse power; a positive
/// relative humidity for Peck); otherwise the error names file, line and column:
/// `column 'voltage_kV' (4): expected a positive stress for the inverse-power relationship, found "0"`.
/// Levels come in order of first appearance; rows with equal stress values form one level.
/// - Complexity: O(rows) with a dictionary lookup per row.
public enum LifeStressReader {
    public static func read(_ table: CSVTable, file: String? = nil, stressColumns: [String],
                            relationship: LifeStressRelationship, constants: ThermalConstants = .codata,
                            columns: LifetimeColumns = .init()) throws(IngestError) -> (levels: [StressLevel], rows: Int) {
        var columns = columns
        columns.extra += stressColumns
        let reader = try LifetimeReader(table, file: file, columns: columns)
        guard stressColumns.count == relationship.stressCount else {
            throw IngestError(file: reader.file, message: "the \(relationship.rawValue) relationship needs \(relationship.stressCount) stress column\(relationship.stressCount == 1 ? "" : "s"), \(stressColumns.count) given")
        }
        var indices: [Int] = []
        for name in stressColumns { indices.append(try reader.column(named: name)) }
        var levels: [StressLevel] = []
        var index: [[Double]: Int] = [:]
        for row in 0..<table.rowCount {
            let observation = try reader.observation(row: row)
            var stress: [Double] = []
            for column in indices {
                let value: Double
                do { value = try table.double(row: row, column: column) } catch { throw relabel(error, reader.file) }
                stress.append(value)
            }
            if relationship.covariates(stress, constants: constants) == nil {
                let position = relationship == .peck && constants.kelvin(stress[0]) > 0 ? 1 : 0
                let what = relationship == .inversePower ? "a positive stress"
                    : position == 1 ? "a positive relative humidity"
                    : "a temperature above absolute zero (Kelvin offset \(constants.kelvinOffset))"
                let bad = indices[position]
                throw relabel(table.error(row: row, column: bad,
                    "expected \(what) for the \(relationship.rawValue) relationship, found \(table.describeValue(row: row, column: bad))"), reader.file)
            }
            let k: Int
            if let existing = index[stress] {
                k = existing
            } else {
                k = levels.count
                index[stress] = k
                levels.append(StressLevel(stress: stress, data: LifetimeData()))
            }
            try reader.append(observation, to: &levels[k].data, row: row)
        }
        return (levels, table.rowCount)
    }

    private static func relabel(_ error: IngestError, _ file: String) -> IngestError {
        IngestError(file: file, line: error.line, column: error.column, columnIndex: error.columnIndex,
                    message: error.message, kind: error.kind)
    }
}
