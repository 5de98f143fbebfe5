import Ingest

/// Maps the columns of a `CSVTable` to `LifetimeData`.
///
/// ## Layouts
/// The header decides the layout (names from `LifetimeColumns`, matched ignoring case):
///
/// - **Exact times**: a `time` column, optionally `event` and `count`.
///   - `time`: a finite number >= 0.
///   - `event`: `1`, `F` or `failure` for a failure; `0`, `S` or `suspension` for a suspension
///     (right-censored at `time`); any letter case, surrounding spaces ignored. Without an `event`
///     column every row is a failure.
/// - **Intervals**: `start` and `end` columns (no `time` column), optionally `count` and `event`.
///   - `end` empty: suspension (right-censored) at `start`;
///   - `start == end`: exact failure at that time (`start` empty counts as 0 here, so an empty
///     `start` with `end` 0 is a failure at 0);
///   - `start` empty or 0, `end` > 0: left-censored, failed by `end`;
///   - otherwise `0 < start < end`: failed in (`start`, `end`].
///   - The `event` column is not needed; when present, each row's code must agree with `end`
///     (suspension exactly when `end` is empty), so no row is reinterpreted silently.
/// - `count` (both layouts): a whole number from 1 to 2^53 (`3.0` is accepted); 1 when the column
///   is absent. An empty count is an error, not 1.
/// - Any other column is ignored unless the caller asks for it (`column(named:)`, then
///   `table.string(row:column:)` / `table.double(row:column:_:)`, or `readGrouped`).
///
/// ## Errors
/// Every error is an `IngestError` (kind `.data`, exit code 65 at the CLI) printed as
/// `file:line: column 'name' (index): message`, line 1-based and physical, column index 1-based.
/// Messages, with the default column names:
///
/// Whole file (see `CSVTable.parse(bytes:name:)` for the exact wording):
/// `empty file: ...`, `header only: ...`, `expected 3 fields as in the header, found 4`,
/// `unterminated quoted field: ...`, `duplicate column name ...`.
///
/// Header (line of the header):
/// - `no 'time' column (or 'start' and 'end' columns for interval data); the header has: t, event`
/// - `column 'start' (3): a 'time' column (1) is present too; use either 'time' (with 'event') or 'start' and 'end'`
///   (also for a lone `end` column next to `time`)
/// - `column 'start' (1): interval data needs an 'end' column too` (and the converse for `end`)
/// - `no 'lot' column to group by; the header has: time, event` (`readGrouped`)
/// - `no 'stress' column; the header has: time, event` (`column(named:)`)
///
/// Rows (line of the field):
/// - `column 'time' (1): expected a non-negative number, found "-3"` (also for text such as
///   `"abc"`, and `found an empty field`)
/// - `column 'time' (1): expected a finite number, found "nan"` (`nan`, `inf`, `infinity`, any
///   case and sign, and literals beyond the `Double` range such as `1e400`)
/// - `column 'event' (2): expected an event code: 1, F or failure for a failure; 0, S or suspension for a suspension (any letter case), found "x"`
/// - `column 'count' (3): expected a positive whole number, found "2.5"` (also `0`, `-1`, empty);
///   `expected a positive whole number (at most 2^53), found "1e300"`
/// - `column 'start' (1): expected a non-negative number, found "-1"` (same for `end`)
/// - `column 'start' (1): expected a non-negative number, found an empty field (start and end cannot both be empty)`
/// - `column 'end' (2): expected a number >= start (5), found "3"`
/// - `column 'event' (3): found "0" (a suspension), but 'end' is not empty; a suspension has an empty 'end'`
/// - `column 'event' (3): found "1" (a failure), but 'end' is empty; an empty 'end' means a suspension at 'start'`
///
/// Nothing is skipped: every data row becomes exactly one observation or an error (completely
/// empty lines are not rows, see `CSVTable`).
///
/// ## Cost
/// One pass over the rows; numbers are parsed in place (no allocation per field). `readGrouped`
/// allocates one `String` per row for the group key.
public struct LifetimeReader: Sendable {
    /// Which columns hold the observations (0-based indices into the table).
    public enum Layout: Sendable, Equatable {
        case exact(time: Int, event: Int?)
        case interval(start: Int, end: Int, event: Int?)
    }

    public let table: CSVTable
    /// The name used in errors.
    public let file: String
    public let layout: Layout
    /// The count column, if any.
    public let countColumn: Int?
    /// Columns the caller reads itself (`LifetimeColumns.extra`) that the header has.
    public let extraColumns: [Int]

    /// Resolves the columns of `table`; throws the header errors listed above. `file` overrides the
    /// table's name in errors (default: `table.name`).
    public init(_ table: CSVTable, file: String? = nil, columns: LifetimeColumns = .init()) throws(IngestError) {
        self.table = table
        self.file = file ?? table.name
        let time = table.columnIndex(named: columns.time)
        let start = table.columnIndex(named: columns.start)
        let end = table.columnIndex(named: columns.end)
        let event = table.columnIndex(named: columns.event)
        countColumn = table.columnIndex(named: columns.count)
        extraColumns = columns.extra.compactMap { table.columnIndex(named: $0) }
        // One column, one role: `--columns count=time` must not read the times as counts.
        let roles = [("time", time), ("start", start), ("end", end), ("event", event), ("count", countColumn)]
            .compactMap { role, index in index.map { (role, $0) } }
        for (k, (role, index)) in roles.enumerated() {
            if let other = roles[..<k].first(where: { $0.1 == index }) {
                throw Self.relabel(table.headerError(column: index,
                    "read as both '\(other.0)' and '\(role)'; map each role to its own column"), file: file ?? table.name)
            }
        }

        switch (time, start, end) {
        case let (time?, nil, nil):
            layout = .exact(time: time, event: event)
        case let (time?, start, end):
            let other = start ?? end!
            throw Self.relabel(table.headerError(column: other,
                "a '\(columns.time)' column (\(time + 1)) is present too; use either '\(columns.time)' (with '\(columns.event)') or '\(columns.start)' and '\(columns.end)'"),
                file: self.file)
        case let (nil, start?, end?):
            layout = .interval(start: start, end: end, event: event)
        case let (nil, start?, nil):
            throw Self.relabel(table.headerError(column: start,
                "interval data needs an '\(columns.end)' column too"), file: self.file)
        case let (nil, nil, end?):
            throw Self.relabel(table.headerError(column: end,
                "interval data needs a '\(columns.start)' column too"), file: self.file)
        case (nil, nil, nil):
            let guesses = Self.misspellings(in: table, of: [columns.time, columns.start, columns.end])
                .map { "'\(table.header[$0.index])' for '\($0.known)'" }
            let hint = guesses.isEmpty ? "" : "; did you mean " + guesses.joined(separator: ", ") + "? (rename the column or map it with --columns time=NAME)"
            throw Self.relabel(table.headerError(
                "no '\(columns.time)' column (or '\(columns.start)' and '\(columns.end)' columns for interval data); the header has: \(table.headerDescription)\(hint)"),
                file: self.file)
        }
        try checkUnusedColumns(columns)
    }

    /// The columns read, with their roles, in header order.
    public var usedColumns: [(role: String, name: String)] {
        var roles: [(Int, String)]
        switch layout {
        case let .exact(time, event): roles = [(time, "time")] + (event.map { [($0, "event")] } ?? [])
        case let .interval(start, end, event): roles = [(start, "start"), (end, "end")] + (event.map { [($0, "event")] } ?? [])
        }
        if let countColumn { roles.append((countColumn, "count")) }
        roles += extraColumns.map { ($0, table.header[$0].lowercased()) }
        return roles.sorted { $0.0 < $1.0 }.map { (role: $0.1, name: table.header[$0.0]) }
    }

    /// Header columns this reader does not read (the caller may read some of them: `extra`).
    public var unusedColumns: [String] {
        let used = Set(usedColumns.map { $0.name.lowercased() })
        return table.header.filter { !used.contains($0.lowercased()) }
    }

    /// Rejects a column that nothing reads but that looks like a misspelling of a column the layout
    /// would read and does not have (`time,evnt`: without the check every row would silently be a
    /// failure). Columns named in `columns.extra` or `columns.ignored` are never rejected.
    private func checkUnusedColumns(_ columns: LifetimeColumns) throws(IngestError) {
        var missing: [(role: String, name: String)] = []
        if case .exact(_, nil) = layout { missing.append(("event", columns.event)) }
        if case .interval(_, _, nil) = layout { missing.append(("event", columns.event)) }
        if countColumn == nil { missing.append(("count", columns.count)) }
        guard !missing.isEmpty else { return }
        let accepted = Set((columns.extra + columns.ignored).map { $0.lowercased() })
        let used = Set(usedColumns.map { $0.name.lowercased() })
        for (index, name) in table.header.enumerated() where !used.contains(name.lowercased()) && !accepted.contains(name.lowercased()) {
            guard let role = missing.first(where: { looksLikeMisspelling(name, of: $0.name) }) else { continue }
            throw Self.relabel(table.headerError(column: index,
                "not a column relmodel reads, and close to '\(role.name)', which the file lacks: if it is the \(role.role) column, rename it or map it (--columns \(role.role)=\(name)); if not, accept it with --ignore-column \(name)"),
                file: file)
        }
    }

    /// Header columns (index, known name) that look like misspellings of `names`.
    private static func misspellings(in table: CSVTable, of names: [String]) -> [(index: Int, known: String)] {
        table.header.indices.compactMap { i in
            names.first { looksLikeMisspelling(table.header[i], of: $0) }.map { (i, $0) }
        }
    }

    /// Reads every row of `table` (see the type's documentation for layouts and errors).
    public static func read(_ table: CSVTable, file: String? = nil,
                            columns: LifetimeColumns = .init()) throws(IngestError) -> LifetimeInput {
        try LifetimeReader(table, file: file, columns: columns).read()
    }

    /// Reads every row, split by the text of column `by` (trimmed; quoted fields unquoted; an
    /// empty value is a group named `""`). Groups come in order of first appearance; each group's
    /// `rows` counts its rows.
    public static func readGrouped(_ table: CSVTable, file: String? = nil, columns: LifetimeColumns = .init(),
                                   by groupColumn: String) throws(IngestError) -> [(group: String, input: LifetimeInput)] {
        var columns = columns
        columns.extra.append(groupColumn)
        let reader = try LifetimeReader(table, file: file, columns: columns)
        guard let by = table.columnIndex(named: groupColumn) else {
            throw relabel(table.headerError(
                "no '\(groupColumn)' column to group by; the header has: \(table.headerDescription)"),
                file: reader.file)
        }
        var names: [String] = []
        var data: [LifetimeData] = []
        var rows: [Int] = []
        var index: [String: Int] = [:]
        for row in 0..<table.rowCount {
            let observation = try reader.observation(row: row)
            let key = table.string(row: row, column: by)
            let k: Int
            if let existing = index[key] {
                k = existing
            } else {
                k = names.count
                index[key] = k
                names.append(key)
                data.append(LifetimeData())
                rows.append(0)
            }
            try reader.append(observation, to: &data[k], row: row)
            rows[k] += 1
        }
        let used = reader.usedColumns, unused = reader.unusedColumns
        return names.indices.map { (group: names[$0], input: LifetimeInput(data: data[$0], rows: rows[$0], usedColumns: used, unusedColumns: unused)) }
    }

    /// Reads every row.
    public func read() throws(IngestError) -> LifetimeInput {
        if case let .exact(time, event?) = layout, countColumn == nil, let data = readTimesAndEvents(time: time, event: event) {
            return LifetimeInput(data: data, rows: table.rowCount, usedColumns: usedColumns, unusedColumns: unusedColumns)
        }
        var data = LifetimeData()
        for row in 0..<table.rowCount {
            try append(try observation(row: row), to: &data, row: row)
        }
        return LifetimeInput(data: data, rows: table.rowCount, usedColumns: usedColumns, unusedColumns: unusedColumns)
    }

    /// Adds a validated observation to `data`. The row checks above already enforce the data's
    /// invariants, so the error is only a guard: it names the row rather than trap.
    public func append(_ observation: LifetimeObservation, to data: inout LifetimeData, row: Int) throws(IngestError) {
        do {
            try data.add(observation)
        } catch {
            let column: Int
            switch layout {
            case let .exact(time, _): column = time
            case let .interval(start, _, _): column = start
            }
            throw Self.relabel(table.error(row: row, column: column, error.description), file: file)
        }
    }

    /// The common `time,event` file without counts, converted column-wise straight from the table's
    /// bytes: no per-row observation value, no growing of the data's six arrays. Returns nil at the
    /// first field the general path would reject; `read()` then reads again row by row and throws
    /// that path's error, so messages are the same either way.
    /// - Complexity: O(rows), one number and one event code parsed per row.
    private func readTimesAndEvents(time: Int, event: Int) -> LifetimeData? {
        let rows = table.rowCount, stride = 2 * table.columnCount
        var failures: [Double] = [], suspensions: [Double] = []
        failures.reserveCapacity(rows)
        suspensions.reserveCapacity(rows / 4)
        let complete: Bool = table.withFieldBounds { bytes, bounds in
            for row in 0..<rows {
                let t = row * stride + 2 * time, e = row * stride + 2 * event
                let timeField = UnsafeBufferPointer(rebasing: bytes[Int(bounds[t])..<Int(bounds[t + 1])])
                guard let value = DecimalParser.parse(timeField), value.isFinite, value >= 0,
                      let failed = eventCode(UnsafeBufferPointer(rebasing: bytes[Int(bounds[e])..<Int(bounds[e + 1])]))
                else { return false }
                let time = value == 0 ? 0 : value          // "-0" reads as 0
                if failed { failures.append(time) } else { suspensions.append(time) }
            }
            return true
        }
        return complete ? LifetimeData(failureTimes: failures, suspensionTimes: suspensions) : nil
    }

    /// The 0-based index of an extra column the caller needs (a stress, mode or grouping column);
    /// throws `no 'stress' column; the header has: ...` when it is missing. Read its values with
    /// `table.string(row:column:)`, `table.double(row:column:_:)`, `table.strings(column:)` or
    /// `table.doubles(column:_:)`, next to `observation(row:)`.
    public func column(named name: String) throws(IngestError) -> Int {
        guard let index = table.columnIndex(named: name) else {
            throw Self.relabel(table.headerError(
                "no '\(name)' column; the header has: \(table.headerDescription)"), file: file)
        }
        return index
    }

    /// The observation in `row` (0-based), validated as documented on the type.
    public func observation(row: Int) throws(IngestError) -> LifetimeObservation {
        do {
            return try observationInTable(row: row)
        } catch {
            throw Self.relabel(error, file: file)
        }
    }

    private func observationInTable(row: Int) throws(IngestError) -> LifetimeObservation {
        switch layout {
        case let .exact(timeColumn, eventColumn):
            let time = try table.double(row: row, column: timeColumn, .nonNegative)
            let failed = try eventColumn.map { column throws(IngestError) in try isFailure(row: row, column: column) } ?? true
            let count = try count(row: row)
            return failed ? .failure(time: time, count: count) : .suspension(time: time, count: count)

        case let .interval(startColumn, endColumn, eventColumn):
            let start = try table.optionalDouble(row: row, column: startColumn, .nonNegative)
            let end = try table.optionalDouble(row: row, column: endColumn, .nonNegative)
            if let eventColumn {
                let failed = try isFailure(row: row, column: eventColumn)
                if failed && end == nil {
                    throw table.error(row: row, column: eventColumn,
                        "found \(table.describeValue(row: row, column: eventColumn)) (a failure), but '\(table.header[endColumn])' is empty; an empty '\(table.header[endColumn])' means a suspension at '\(table.header[startColumn])'")
                }
                if !failed && end != nil {
                    throw table.error(row: row, column: eventColumn,
                        "found \(table.describeValue(row: row, column: eventColumn)) (a suspension), but '\(table.header[endColumn])' is not empty; a suspension has an empty '\(table.header[endColumn])'")
                }
            }
            let count = try count(row: row)
            guard let end else {
                guard let start else {
                    throw table.error(row: row, column: startColumn,
                        "expected a non-negative number, found an empty field (\(table.header[startColumn]) and \(table.header[endColumn]) cannot both be empty)")
                }
                return .suspension(time: start, count: count)
            }
            let lower = start ?? 0
            if lower == end { return .failure(time: end, count: count) }
            guard lower < end else {
                throw table.error(row: row, column: endColumn,
                    "expected a number >= \(table.header[startColumn]) (\(table.string(row: row, column: startColumn))), found \(table.describeValue(row: row, column: endColumn))")
            }
            if lower == 0 { return .leftCensored(time: end, count: count) }
            return .interval(lower: lower, upper: end, count: count)
        }
    }

    private func count(row: Int) throws(IngestError) -> Double {
        guard let countColumn else { return 1 }
        return try table.double(row: row, column: countColumn, .positiveWhole)
    }

    /// The accepted event codes, as listed in the error message.
    public static let acceptedEventCodes =
        "1, F or failure for a failure; 0, S or suspension for a suspension (any letter case)"

    /// True for a failure code, false for a suspension code; throws for anything else. Compares the
    /// field's bytes in place.
    private func isFailure(row: Int, column: Int) throws(IngestError) -> Bool {
        let range = table.fieldRange(row: row, column: column)
        let code: Bool? = table.bytes.withUnsafeBufferPointer { buffer in
            eventCode(UnsafeBufferPointer(rebasing: buffer[range]))
        }
        guard let code else {
            throw table.error(row: row, column: column,
                "expected an event code: \(Self.acceptedEventCodes), found \(table.describeValue(row: row, column: column))")
        }
        return code
    }

    static func relabel(_ error: IngestError, file: String) -> IngestError {
        guard error.file != file else { return error }
        return IngestError(file: file, line: error.line, column: error.column, columnIndex: error.columnIndex,
                           message: error.message, kind: error.kind)
    }
}

/// `true` for 1/F/failure, `false` for 0/S/suspension (ASCII letters in any case), else `nil`.
private func eventCode(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
    func equals(_ word: StaticString) -> Bool {
        guard field.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<field.count {
            let b = field[k]
            let folded = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            if folded != w[k] { return false }
        }
        return true
    }
    switch field.count {
    case 1:
        if equals("1") || equals("f") { return true }
        if equals("0") || equals("s") { return false }
    case 7:
        if equals("failure") { return true }
    case 10:
        if equals("suspension") { return false }
    default:
        break
    }
    return nil
}
