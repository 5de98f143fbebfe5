import RelmodelNumerics
/// A plain-text table with aligned columns, for terminal output.
///
/// Numeric cells (`Cell.number`) are formatted when the table is rendered, one number of decimals
/// per column (`NumberFormatting.column` with the column's `NumberStyle`), so a column of one
/// quantity lines up and its values can be told apart.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// A cell: text as given, or a number formatted with its column.
    public enum Cell: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(Double?)

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// How a column's numbers are formatted: the significant digits of its largest magnitude and
    /// the least number of decimals.
    public struct NumberStyle: Sendable, Equatable {
        public var digits: Int
        public var minimumDecimals: Int

        public init(digits: Int = 6, minimumDecimals: Int = 0) {
            self.digits = digits
            self.minimumDecimals = minimumDecimals
        }
    }

    public var headers: [String]
    public var alignments: [Alignment]
    /// Per column; numeric cells of column i use `numberStyles[i]`.
    public var numberStyles: [NumberStyle]
    private var cells: [[Cell]] = []

    /// Columns are right-aligned (numbers) unless `alignments` says otherwise.
    public init(headers: [String], alignments: [Alignment]? = nil, numberStyles: [NumberStyle]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .right, count: headers.count)
        self.numberStyles = numberStyles ?? Array(repeating: NumberStyle(), count: headers.count)
    }

    public mutating func append(_ row: [String]) {
        append(cells: row.map(Cell.text))
    }

    public mutating func append(cells row: [Cell]) {
        precondition(row.count == headers.count, "row has \(row.count) cells, table has \(headers.count) columns")
        cells.append(row)
    }

    /// The rows as printed (numbers formatted per column). - Complexity: O(cells).
    public var rows: [[String]] {
        var result = cells.map { row in row.map { cell -> String in if case let .text(t) = cell { t } else { "" } } }
        for c in headers.indices {
            let numeric = cells.indices.filter { if case .number = cells[$0][c] { true } else { false } }
            guard !numeric.isEmpty else { continue }
            let values: [Double?] = numeric.map { if case let .number(x) = cells[$0][c] { x } else { nil } }
            let formatted = NumberFormatting.column(values, digits: numberStyles[c].digits,
                                                    minimumDecimals: numberStyles[c].minimumDecimals)
            for (k, r) in numeric.enumerated() { result[r][c] = formatted[k] }
        }
        return result
    }

    /// The table as lines separated by newlines, columns separated by two spaces, with a rule under
    /// the header. - Complexity: O(cells).
    public func rendered() -> String {
        let rows = rows
        var widths = headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(alignments[i] == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
