/// A CSV file held in memory once, with its header and the byte offsets of every field.
///
/// ## Format
/// - Comma-separated, header row first, `.` as decimal point. A UTF-8 byte order mark at the very
///   start is skipped.
/// - Line ends are LF, CRLF or a lone CR; the last line need not end with one.
/// - RFC 4180 quoting: a field whose first character (after spaces) is `"` is quoted; inside it,
///   commas, line ends and doubled quotes (`""` stands for `"`) are content. After the closing quote
///   only spaces or tabs may come before the comma or line end. A quote inside an unquoted field is
///   an ordinary character. A quote that is never closed is an error.
/// - Spaces and tabs around a field (outside its quotes) are not part of it: ` 54 ` is `54`, and
///   header names are trimmed the same way.
/// - Lines that are completely empty (nothing between two line ends, not even a space) are not rows:
///   they are skipped wherever they appear (before the header too) and produce nothing, but line
///   numbers keep counting them. A line holding only spaces is not empty: it is a row with one empty
///   field (an error unless the table has a single column, in which case the value is empty).
/// - Every row must have as many fields as the header (a trailing comma makes one more, empty,
///   field); otherwise the parse fails naming the line and both counts.
/// - Header names are matched case-insensitively (`columnIndex(named:)`); two columns whose names
///   differ only in case are an error (which one would `time` mean?). Empty header names are allowed
///   and can never be looked up.
/// - An input with no header (empty, or only empty lines) and an input with a header but no data
///   rows are errors.
///
/// ## Storage and cost
/// `bytes` holds the input exactly as read. Parsing is one pass over the bytes, O(bytes), and
/// allocates only the header strings and two flat arrays: the start and end offset of every field
/// (`UInt32`, so inputs are limited to 4 GiB) and the physical line of every row. Fields are
/// decoded on demand: `double(row:column:_:)` parses in place without allocation, while
/// `string(row:column:)` allocates and is meant for error messages and text columns.
///
/// Rows and columns are 0-based in this API; line numbers and the column numbers shown in errors are
/// 1-based.
public struct CSVTable: Sendable {
    /// The name used in error messages: the path as given, or `"<stdin>"`.
    public let name: String
    /// The whole input, byte order mark included.
    public let bytes: [UInt8]
    /// Header names, trimmed, in file order, with the letter case of the file.
    public let header: [String]
    /// The physical line of the header row.
    public let headerLine: Int

    /// Lowercased header names for case-insensitive lookup.
    private let foldedHeader: [String]
    /// `bounds[2 * (row * columnCount + column)]` is the first byte of the field, the next element
    /// one past its last byte. A quoted field's range excludes the quotes; doubled quotes inside
    /// are left as they are in the file.
    private let bounds: [UInt32]
    /// The physical line on which each row starts.
    private let rowLines: [UInt32]

    init(name: String, bytes: [UInt8], header: [String], headerLine: Int, bounds: [UInt32],
         rowLines: [UInt32]) {
        self.name = name
        self.bytes = bytes
        self.header = header
        self.headerLine = headerLine
        self.foldedHeader = header.map { $0.lowercased() }
        self.bounds = bounds
        self.rowLines = rowLines
    }

    /// Number of columns (fields in the header).
    public var columnCount: Int { header.count }

    /// Number of data rows (the header and empty lines are not rows).
    public var rowCount: Int { rowLines.count }

    /// The 0-based index of the column whose trimmed header name equals `name` ignoring letter case;
    /// `nil` when there is none. `name` is trimmed of surrounding spaces too.
    public func columnIndex(named name: String) -> Int? {
        let key = String(trimmingSpaces(name)).lowercased()
        guard !key.isEmpty else { return nil }
        return foldedHeader.firstIndex(of: key)
    }

    /// The physical (1-based) line on which `row` starts.
    public func lineNumber(ofRow row: Int) -> Int {
        Int(rowLines[row])
    }

    /// The physical (1-based) line on which the field at `row`, `column` starts: the row's line plus
    /// the line ends inside earlier quoted fields of the same row.
    public func lineNumber(row: Int, column: Int) -> Int {
        let first = Int(bounds[2 * (row * columnCount)])
        let start = Int(bounds[2 * (row * columnCount + column)])
        var line = Int(rowLines[row])
        var i = first
        while i < start {
            let b = bytes[i]
            if b == .lf || (b == .cr && (i + 1 >= bytes.count || bytes[i + 1] != .lf)) { line += 1 }
            i += 1
        }
        return line
    }

    /// The byte range of a field in `bytes`: without surrounding spaces and quotes, with any doubled
    /// quotes of a quoted field still doubled.
    public func fieldRange(row: Int, column: Int) -> Range<Int> {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount,
                     "row or column out of range")
        let k = 2 * (row * columnCount + column)
        return Int(bounds[k])..<Int(bounds[k + 1])
    }

    /// Calls `body` with the input bytes and the field bounds: the range of field (row, column) is
    /// `bounds[2 k] ..< bounds[2 k + 1]` with k = row * columnCount + column, as `fieldRange` returns it.
    /// For bulk readers that convert whole columns without a bounds check per field; both buffers are
    /// valid only inside `body`.
    public func withFieldBounds<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try bounds.withUnsafeBufferPointer { bounds in try body(bytes, bounds) }
        }
    }

    /// The raw bytes of a field (see `fieldRange(row:column:)`); no copy.
    public func field(row: Int, column: Int) -> ArraySlice<UInt8> {
        bytes[fieldRange(row: row, column: column)]
    }

    /// True when the field has no content (nothing but spaces, or `""`).
    public func isEmpty(row: Int, column: Int) -> Bool {
        fieldRange(row: row, column: column).isEmpty
    }

    /// The field's text: quoted fields have their doubled quotes undone; invalid UTF-8 is replaced by
    /// U+FFFD. Allocates.
    public func string(row: Int, column: Int) -> String {
        decodeField(fieldRange(row: row, column: column))
    }

    /// Every row's text in `column`, in row order.
    public func strings(column: Int) -> [String] {
        (0..<rowCount).map { string(row: $0, column: column) }
    }

    func decodeField(_ range: Range<Int>) -> String {
        let quoted = range.lowerBound > 0 && bytes[range.lowerBound - 1] == .quote
        let slice = bytes[range]
        guard quoted, slice.contains(.quote) else { return String(decoding: slice, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var i = range.lowerBound
        while i < range.upperBound {
            unescaped.append(bytes[i])
            i += bytes[i] == .quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    // MARK: Numbers

    /// Parses the field as a finite number satisfying `requirement` (see `DecimalParser` for the
    /// accepted syntax; surrounding spaces are already gone). `-0` reads as 0. No allocation unless
    /// it fails.
    ///
    /// Errors (located at the field's physical line, with the column's name and 1-based index):
    /// - not a number, or empty: `expected <requirement>, found "abc"` / `found an empty field`
    ///   where `<requirement>` is `a number`, `a non-negative number`, `a positive number` or
    ///   `a positive whole number`;
    /// - `nan`, `inf`, `infinity` or a literal beyond the `Double` range:
    ///   `expected a finite number, found "nan"`;
    /// - a number outside the requirement: `expected a non-negative number, found "-3"`; a whole
    ///   number above 2^53 (not exact as a `Double`):
    ///   `expected a positive whole number (at most 2^53), found "1e300"`.
    public func double(row: Int, column: Int,
                       _ requirement: NumberRequirement = .any) throws(IngestError) -> Double {
        let range = fieldRange(row: row, column: column)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            DecimalParser.parse(buffer.baseAddress! + range.lowerBound, count: range.count)
        }
        guard let value = parsed else {
            throw error(row: row, column: column,
                        "expected \(requirement.expectation), found \(describeValue(row: row, column: column))")
        }
        guard value.isFinite else {
            throw error(row: row, column: column,
                        "expected a finite number, found \(describeValue(row: row, column: column))")
        }
        if let problem = requirement.violation(value) {
            throw error(row: row, column: column,
                        "expected \(problem), found \(describeValue(row: row, column: column))")
        }
        return value == 0 ? 0 : value // "-0" reads as 0
    }

    /// Like `double(row:column:_:)`, but an empty field gives `nil` instead of an error.
    public func optionalDouble(row: Int, column: Int,
                               _ requirement: NumberRequirement = .any) throws(IngestError) -> Double? {
        if isEmpty(row: row, column: column) { return nil }
        return try double(row: row, column: column, requirement)
    }

    /// Every row's value in `column` by `double(row:column:_:)`; throws at the first bad row.
    public func doubles(column: Int, _ requirement: NumberRequirement = .any) throws(IngestError) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            values.append(try double(row: row, column: column, requirement))
        }
        return values
    }

    // MARK: Errors

    /// An error at the field's physical line naming the column by header name and 1-based index.
    public func error(row: Int, column: Int, _ message: String) -> IngestError {
        IngestError(file: name, line: lineNumber(row: row, column: column), column: header[column],
                    columnIndex: column + 1, message: message)
    }

    /// An error about the header row, optionally naming one of its columns.
    public func headerError(column: Int? = nil, _ message: String) -> IngestError {
        IngestError(file: name, line: headerLine, column: column.map { header[$0] },
                    columnIndex: column.map { $0 + 1 }, message: message)
    }

    /// The field as shown in messages: `"text"` with `"` and `\` backslash-escaped, control
    /// characters written as `\n`, `\r`, `\t` or `\u{..}`, cut after 40 characters with `…`;
    /// or `an empty field`.
    public func describeValue(row: Int, column: Int) -> String {
        let range = fieldRange(row: row, column: column)
        if range.isEmpty { return "an empty field" }
        return quoteForMessage(decodeField(range))
    }

    /// The header names for messages: `time, event, count` (an empty name shows as `''`).
    public var headerDescription: String {
        header.map { $0.isEmpty ? "''" : $0 }.joined(separator: ", ")
    }
}

/// What a numeric field must be, beyond finite.
public enum NumberRequirement: Sendable, Equatable {
    /// Any finite number.
    case any
    /// A finite number >= 0 (`-0` is accepted and read as 0).
    case nonNegative
    /// A finite number > 0.
    case positive
    /// A whole number from 1 to 2^53 (`3`, `3.0`, `3e0` are all accepted).
    case positiveWhole

    /// The words after "expected" in error messages.
    public var expectation: String {
        switch self {
        case .any: return "a number"
        case .nonNegative: return "a non-negative number"
        case .positive: return "a positive number"
        case .positiveWhole: return "a positive whole number"
        }
    }

    /// `nil` when `value` (finite) satisfies the requirement, else what was expected.
    func violation(_ value: Double) -> String? {
        switch self {
        case .any: return nil
        case .nonNegative: return value >= 0 ? nil : expectation
        case .positive: return value > 0 ? nil : expectation
        case .positiveWhole:
            guard value >= 1, value.rounded(.towardZero) == value else { return expectation }
            return value <= 9_007_199_254_740_992 ? nil : "a positive whole number (at most 2^53)"
        }
    }
}

/// `"text"` for messages: escapes `\`, `"` and control characters, keeps at most 40 characters.
func quoteForMessage(_ text: String) -> String {
    var out = "\""
    var kept = 0
    for scalar in text.unicodeScalars {
        if kept == 40 {
            out += "…"
            break
        }
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        kept += 1
    }
    return out + "\""
}

/// `text` without leading and trailing spaces and tabs.
func trimmingSpaces(_ text: String) -> Substring {
    var sub = Substring(text)
    while let c = sub.first, c == " " || c == "\t" { sub.removeFirst() }
    while let c = sub.last, c == " " || c == "\t" { sub.removeLast() }
    return sub
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (labels and names typed as "I " or " lot").
    public var trimmingSpaces: String { String(Ingest.trimmingSpaces(String(self))) }
}

extension UInt8 {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
}
