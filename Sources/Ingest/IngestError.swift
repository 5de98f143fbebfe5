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
/// - The case separates bad content (`.data`, exit code 65 at the CLI) from failures to open or read
///   the input (`.io`, exit code 66 at the CLI); `kind` names the case without its values.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input was read but its content is not valid (EX_DATAERR, 65): where, and what was expected.
    case data(InputLocation, message: String)
    /// The input could not be opened or read (EX_NOINPUT, 66).
    case io(file: String, message: String)

    /// Which of the two cases, for callers that only need to tell them apart (an exit code).
    public enum Kind: Sendable, Equatable {
        /// `.data`.
        case data
        /// `.io`.
        case io
    }

    /// An error at a location; `kind` chooses the case (an `.io` error keeps only the file).
    public init(file: String, line: Int? = nil, column: String? = nil, columnIndex: Int? = nil,
                message: String, kind: Kind = .data) {
        switch kind {
        case .data: self = .data(InputLocation(file: file, line: line, column: column, columnIndex: columnIndex), message: message)
        case .io: self = .io(file: file, message: message)
        }
    }

    public var kind: Kind {
        switch self {
        case .data: .data
        case .io: .io
        }
    }

    /// Where the error is: the file always, the line and column when known.
    public var location: InputLocation {
        switch self {
        case let .data(location, _): location
        case let .io(file, _): InputLocation(file: file)
        }
    }

    /// What went wrong, without the location.
    public var message: String {
        switch self {
        case let .data(_, message), let .io(_, message): message
        }
    }

    public var file: String { location.file }
    public var line: Int? { location.line }
    public var column: String? { location.column }
    public var columnIndex: Int? { location.columnIndex }

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

/// A place in an input: the file as the caller named it (`"<stdin>"` for `-`), the 1-based
/// physical line, and the column by its header name (trimmed) and 1-based index, each when known.
public struct InputLocation: Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: String?
    public var columnIndex: Int?

    public init(file: String, line: Int? = nil, column: String? = nil, columnIndex: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnIndex = columnIndex
    }
}
