extension CSVTable {
    /// Parses a whole CSV input held in memory (format and errors: see `CSVTable`).
    ///
    /// One pass over `bytes`, O(bytes); no allocation per field or row beyond the two flat offset
    /// arrays. `name` is used in error messages (the path as given, or `"<stdin>"`).
    ///
    /// Errors (all `.data`):
    /// - `name: empty file: expected a header row and at least one data row`
    /// - `name:L: header only: expected at least one data row after the header`
    /// - `name:L: expected 3 fields as in the header, found 4` (L is the line where the row starts)
    /// - `name:L: column 'event' (2): unterminated quoted field: no closing quote before the end of
    ///   the input` (L is the line of the opening quote; the header row names the column by number)
    /// - `name:L: column 'event' (2): expected a comma or line end after the closing quote, found "x"`
    /// - `name:L: column 'Time' (3): duplicate column name (column 1 is 'time'; names are compared
    ///   ignoring case)`
    /// - `name: input too large: N bytes (the limit is 4 GiB)`
    public static func parse(bytes: [UInt8], name: String) throws(IngestError) -> CSVTable {
        guard bytes.count < Int(UInt32.max) else {
            throw IngestError(file: name, message: "input too large: \(bytes.count) bytes (the limit is 4 GiB)")
        }
        let emptyFile = IngestError(file: name, message: "empty file: expected a header row and at least one data row")
        guard !bytes.isEmpty else { throw emptyFile }

        var header: [String] = []
        var headerLine = 0
        var bounds: [UInt32] = []
        var rowLines: [UInt32] = []

        try bytes.withUnsafeBufferPointer { buffer throws(IngestError) in
            var scanner = RecordScanner(p: buffer.baseAddress!, n: buffer.count, name: name)
            if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                scanner.i = 3
            }
            guard scanner.skipEmptyLines() else { throw emptyFile }

            headerLine = scanner.line
            var headerBounds: [UInt32] = []
            let columnCount = try scanner.scanRecord(into: &headerBounds, header: nil)
            header.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                let range = Int(headerBounds[2 * c])..<Int(headerBounds[2 * c + 1])
                header.append(decodeHeaderField(bytes, range))
            }
            try checkDuplicates(header, name: name, line: headerLine)

            // Reserve for the estimated number of rows (line ends in a 64 KiB sample, scaled to the
            // whole input) so the offset arrays are not copied while they grow. Every field ends at a
            // comma, a line end or the end of the input, so there are at most `remaining + 1` fields
            // and rows: rows times columns overshoots that by far for a wide header over many empty
            // lines (100,000 commas and 1,000,000 line ends asked for 943 GB and trapped).
            let remaining = buffer.count - scanner.i
            let estimatedRows = min(estimateRows(buffer, from: scanner.i), remaining + 1)
            let (fields, overflow) = estimatedRows.multipliedReportingOverflow(by: columnCount)
            bounds.reserveCapacity(2 * (overflow ? remaining + 1 : min(fields, remaining + 1)))
            rowLines.reserveCapacity(estimatedRows)
            while scanner.skipEmptyLines() {
                let rowLine = scanner.line
                let fields = try scanner.scanRecord(into: &bounds, header: header)
                guard fields == columnCount else {
                    throw IngestError(file: name, line: rowLine,
                                      message: "expected \(columnCount) field\(columnCount == 1 ? "" : "s") as in the header, found \(fields)")
                }
                rowLines.append(UInt32(truncatingIfNeeded: rowLine))
            }
        }
        guard !rowLines.isEmpty else {
            throw IngestError(file: name, line: headerLine,
                              message: "header only: expected at least one data row after the header")
        }
        return CSVTable(name: name, bytes: bytes, header: header, headerLine: headerLine,
                        bounds: bounds, rowLines: rowLines)
    }

    /// Lines in the input from `start` on, estimated from the first 64 KiB, plus 1/8 for safety.
    private static func estimateRows(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let remaining = buffer.count - start
        let sample = min(remaining, 1 << 16)
        guard sample > 0 else { return 0 }
        var lineEnds = 0
        for i in start..<(start + sample) where buffer[i] == .lf { lineEnds += 1 }
        let estimate = max(lineEnds, 1) * (remaining / sample + 1)
        return estimate + estimate / 8 + 16
    }

    private static func decodeHeaderField(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let quoted = range.lowerBound > 0 && bytes[range.lowerBound - 1] == .quote
        var field = Array(bytes[range])
        if quoted {
            var unescaped: [UInt8] = []
            var i = 0
            while i < field.count {
                unescaped.append(field[i])
                i += field[i] == .quote ? 2 : 1
            }
            field = unescaped
        }
        return String(trimmingSpaces(String(decoding: field, as: UTF8.self)))
    }

    private static func checkDuplicates(_ header: [String], name: String, line: Int) throws(IngestError) {
        var seen: [String: Int] = [:]
        for (index, column) in header.enumerated() where !column.isEmpty {
            let key = column.lowercased()
            if let first = seen[key] {
                throw IngestError(file: name, line: line, column: column, columnIndex: index + 1,
                                  message: "duplicate column name (column \(first + 1) is '\(header[first])'; names are compared ignoring case)")
            }
            seen[key] = index
        }
    }
}

/// The single pass over the input: finds field boundaries and counts physical lines.
private struct RecordScanner {
    let p: UnsafePointer<UInt8>
    let n: Int
    let name: String
    /// The next byte to read.
    var i = 0
    /// The physical line of byte `i`.
    var line = 1

    init(p: UnsafePointer<UInt8>, n: Int, name: String) {
        self.p = p
        self.n = n
        self.name = name
    }

    /// Skips completely empty lines; false at the end of the input.
    mutating func skipEmptyLines() -> Bool {
        while i < n {
            let b = p[i]
            if b == .lf {
                i += 1
            } else if b == .cr {
                i += 1
                if i < n && p[i] == .lf { i += 1 }
            } else {
                return true
            }
            line += 1
        }
        return false
    }

    /// Scans the record starting at `i` (which is neither the end nor a line end), appending each
    /// field's start and end offsets to `bounds`; leaves `i` after the record's line end. Returns
    /// the number of fields. `header` names columns in errors (nil while scanning the header).
    mutating func scanRecord(into bounds: inout [UInt32], header: [String]?) throws(IngestError) -> Int {
        var fields = 0
        while true {
            while i < n && (p[i] == .space || p[i] == .tab) { i += 1 }
            if i < n && p[i] == .quote {
                let openingLine = line
                i += 1
                let start = i
                while true {
                    guard i < n else {
                        throw error(line: openingLine, field: fields, header: header,
                                    "unterminated quoted field: no closing quote before the end of the input")
                    }
                    let b = p[i]
                    if b == .quote {
                        if i + 1 < n && p[i + 1] == .quote {
                            i += 2
                            continue
                        }
                        break
                    }
                    if b == .lf || (b == .cr && !(i + 1 < n && p[i + 1] == .lf)) { line += 1 }
                    i += 1
                }
                bounds.append(UInt32(truncatingIfNeeded: start))
                bounds.append(UInt32(truncatingIfNeeded: i))
                i += 1
                while i < n && (p[i] == .space || p[i] == .tab) { i += 1 }
                if i < n && p[i] != .comma && p[i] != .lf && p[i] != .cr {
                    var end = i
                    while end < n && p[end] != .comma && p[end] != .lf && p[end] != .cr { end += 1 }
                    let found = String(decoding: UnsafeBufferPointer(start: p + i, count: end - i), as: UTF8.self)
                    throw error(line: line, field: fields, header: header,
                                "expected a comma or line end after the closing quote, found \(quoteForMessage(found))")
                }
            } else {
                let start = i
                // Comma, LF and CR are all <= 0x2C, so most bytes take only the first comparison.
                while i < n {
                    let b = p[i]
                    if b > .comma { i += 1; continue }
                    if b == .comma || b == .lf || b == .cr { break }
                    i += 1
                }
                var end = i
                while end > start && (p[end - 1] == .space || p[end - 1] == .tab) { end -= 1 }
                bounds.append(UInt32(truncatingIfNeeded: start))
                bounds.append(UInt32(truncatingIfNeeded: end))
            }
            fields += 1
            guard i < n else { return fields }
            let b = p[i]
            i += 1
            if b == .comma { continue }
            if b == .cr && i < n && p[i] == .lf { i += 1 }
            line += 1
            return fields
        }
    }

    private func error(line: Int, field: Int, header: [String]?, _ message: String) -> IngestError {
        let column = header.flatMap { field < $0.count ? $0[field] : nil }
        return IngestError(file: name, line: line, column: column, columnIndex: field + 1, message: message)
    }
}
