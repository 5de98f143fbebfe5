/// An input error with its precise location, ready to show to a user.
///
/// `description` has the form `file:line: column 'name' (index): message`, dropping the parts that
/// are unknown:
///
///     failures.csv:7: column 'time' (1): expected a non-negative number, found "-3"
///     failures.csv:7: expected 3 fields as in the header, found 4
///     failures.csv: empty file: expected a header row and at least one data row
///
/// - `file` is the path as given by the caller, or `"<stdin>"` for `-`.
/// - `line` is the 1-based physical line in the file (a quoted field spanning several lines moves
///   the following rows' line numbers on accordingly).
/// - `column` is the header name as written in the file (trimmed); `columnIndex` is 1-based.
/// - `kind` separates bad content (`.data`, exit code 65 at the CLI) from failures to open or read
///   the input (`.io`, exit code 66 at the CLI).
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong: the content of the input, or reading it.
    public enum Kind: Sendable, Equatable {
        /// The input was read but its content is not valid (EX_DATAERR, 65).
        case data
        /// The input could not be opened or read (EX_NOINPUT, 66).
        case io
    }

    public let file: String
    public let line: Int?
    public let column: String?
    public let columnIndex: Int?
    public let message: String
    public let kind: Kind

    public init(file: String, line: Int? = nil, column: String? = nil, columnIndex: Int? = nil,
                message: String, kind: Kind = .data) {
        self.file = file
        self.line = line
        self.column = column
        self.columnIndex = columnIndex
        self.message = message
        self.kind = kind
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        switch (column, columnIndex) {
        case let (name?, index?): text += "column '\(name)' (\(index)): "
        case let (name?, nil): text += "column '\(name)': "
        case let (nil, index?): text += "column \(index): "
        case (nil, nil): break
        }
        return text + message
    }
}
