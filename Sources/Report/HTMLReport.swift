import Mustache

/// One self-contained HTML page of an analysis: what was run on which data, the tables, the plots,
/// the conventions and the version, for an engineer to send to someone who will not run relmodel.
///
/// The page has no script and loads nothing: its CSS is inline and every figure is an inline SVG.
/// It is built from a Mustache template whose `{{value}}` tags HTML-escape every string they insert
/// (file names, column names, command lines, the tables' text), so user text is shown, never
/// interpreted. Figures are the one thing inserted as markup; ``Figure/init(caption:svg:)`` accepts
/// only an SVG document without scripts, event handlers, links or foreign content, so a figure
/// cannot carry active content either.
///
/// - Complexity: `rendered()` is O(size of the page).
public struct HTMLReport: Sendable {
    /// An input file: its name as given, its SHA-256 digest (hex), its size and its data rows.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var sha256: String
        public var bytes: Int
        /// Data rows (lines after the header), or nil when the input is not a table.
        public var rows: Int?

        public init(name: String, sha256: String, bytes: Int, rows: Int?) {
            self.name = name
            self.sha256 = sha256
            self.bytes = bytes
            self.rows = rows
        }
    }

    /// A block of the analysis's text output (its aligned tables), shown in a fixed-width font.
    public struct Section: Sendable, Equatable {
        public var heading: String
        public var text: String

        public init(heading: String, text: String) {
            self.heading = heading
            self.text = text
        }
    }

    /// A plot, as an SVG document inserted into the page.
    public struct Figure: Sendable, Equatable {
        public let caption: String
        /// The `<svg>` element, without an XML declaration.
        public let svg: String

        /// Takes an SVG document (an XML declaration before the root is dropped) and checks that it
        /// is inert: no `<script>`, `<foreignObject>`, `<a>`, `<iframe>`, `on...=` event attribute or
        /// `javascript:` address, in any letter case.
        public init(caption: String, svg: String) throws(HTMLReportError) {
            var body = Substring(svg)
            if body.hasPrefix("<?xml"), let end = body.firstIndex(of: ">") {
                body = body[body.index(after: end)...]
            }
            while let first = body.first, first == "\n" || first == " " || first == "\r" { body = body.dropFirst() }
            guard body.hasPrefix("<svg") else { throw .notSVG(caption: caption) }
            // Only the markup can be active: text content is escaped, so `<` opens a real tag and the
            // text between tags (a mode named "javascript:E") is left alone.
            let tags = Self.markup(body.lowercased())
            for marker in ["<script", "<foreignobject", "<iframe", "<a ", "<a>", "<a\n", "javascript:"] where tags.contains(marker) {
                throw .activeContent(caption: caption, marker: marker)
            }
            if Self.hasEventAttribute(tags) { throw .activeContent(caption: caption, marker: "on...=") }
            self.caption = caption
            self.svg = String(body)
        }

        /// The tags of `text` (from each `<` to its `>`), one per line, without the text between them.
        private static func markup(_ text: String) -> String {
            var out = "", inside = false
            for c in text.unicodeScalars {
                if c == "<" { inside = true }
                if inside { out.unicodeScalars.append(c) }
                if c == ">" && inside { inside = false; out += "\n" }
            }
            return out
        }

        /// An attribute whose name starts with `on` inside a tag (` onload=`, ` onclick =`).
        private static func hasEventAttribute(_ text: String) -> Bool {
            var insideTag = false
            let bytes = Array(text.utf8)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "<") { insideTag = true }
                else if b == UInt8(ascii: ">") { insideTag = false }
                else if insideTag, b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t"),
                        i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "o"), bytes[i + 2] == UInt8(ascii: "n") {
                    var j = i + 3
                    while j < bytes.count, (bytes[j] >= UInt8(ascii: "a") && bytes[j] <= UInt8(ascii: "z")) || bytes[j] == UInt8(ascii: "-") { j += 1 }
                    while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "=") { return true }
                }
                i += 1
            }
            return false
        }
    }

    public var title: String
    /// The command line that produced the analysis, as the user would type it.
    public var command: String
    public var version: String
    public var inputs: [Input]
    public var sections: [Section]
    public var figures: [Figure]
    /// Warnings and notes the analysis wrote to standard error.
    public var notes: [String]
    /// The conventions behind the numbers (log-likelihood form, bound method, chart constants, ...).
    public var conventions: [String]

    public init(title: String, command: String, version: String, inputs: [Input] = [], sections: [Section] = [],
                figures: [Figure] = [], notes: [String] = [], conventions: [String] = []) {
        self.title = title
        self.command = command
        self.version = version
        self.inputs = inputs
        self.sections = sections
        self.figures = figures
        self.notes = notes
        self.conventions = conventions
    }

    /// The page as UTF-8 HTML5 text.
    public func rendered() -> String {
        let context: [String: Any] = [
            "title": title,
            "command": command,
            "version": version,
            "hasInputs": !inputs.isEmpty,
            "inputs": inputs.map { input -> [String: Any] in
                ["name": input.name, "sha256": input.sha256, "bytes": String(input.bytes),
                 "rows": input.rows.map(String.init) ?? "not a table"]
            },
            "sections": sections.map { ["heading": $0.heading, "text": $0.text] },
            "hasFigures": !figures.isEmpty,
            "figures": figures.map { ["caption": $0.caption, "svg": $0.svg] },
            "hasNotes": !notes.isEmpty,
            "notes": notes,
            "hasConventions": !conventions.isEmpty,
            "conventions": conventions,
        ]
        return Self.template.render(context)
    }

    // The template is a constant that parses (a test renders it); a parse failure would be a
    // programming error in this file, caught by every report test.
    private static let template: MustacheTemplate = {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: ScalarHTMLEscaping.name)
        do { return try MustacheTemplate(string: pageTemplate) } catch { fatalError("HTMLReport's template does not parse: \(error)") }
    }()

    /// HTML escaping Unicode scalar by scalar. swift-mustache's own HTML escaping walks Characters
    /// (grapheme clusters), so a prepended mark such as U+0600 fuses with a following `<` into one
    /// Character that it does not recognise, and the `<` would reach the page unescaped.
    struct ScalarHTMLEscaping: MustacheContentType {
        static let name = "RELMODEL_HTML"
        func escapeText(_ text: String) -> String { SVGDocument.escape(text, quotes: true) }
    }

    /// `{{x}}` escapes (scalar by scalar, the pragma's content type); `{{{svg}}}` is the only raw
    /// insertion, of a checked ``Figure``.
    private static let pageTemplate = """
    {{% CONTENT_TYPE: RELMODEL_HTML}}
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="relmodel {{version}}">
    <title>{{title}}</title>
    <style>
    body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 1100px; padding: 0 1.5em; line-height: 1.4; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; border-bottom: 2px solid #2a5db0; padding-bottom: 0.2em; }
    h2 { font-size: 1.2em; margin-top: 1.6em; color: #2a5db0; }
    .command { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f4f6fa; padding: 0.4em 0.7em; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
    table.inputs { border-collapse: collapse; font-size: 0.92em; }
    table.inputs th, table.inputs td { border: 1px solid #ccd; padding: 0.25em 0.6em; text-align: left; }
    table.inputs th { background: #eef1f7; }
    td.digest { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
    pre.session { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; background: #fafafa; border: 1px solid #ddd; padding: 0.8em; overflow-x: auto; }
    figure { margin: 1.2em 0; }
    figure svg { max-width: 100%; height: auto; border: 1px solid #e3e3e3; background: #fff; }
    figcaption { font-size: 0.9em; color: #555; margin-top: 0.3em; }
    ul.notes li { color: #8a4b00; }
    ul.conventions li { font-size: 0.92em; margin-bottom: 0.3em; }
    footer { margin-top: 2.5em; font-size: 0.85em; color: #777; border-top: 1px solid #ddd; padding-top: 0.5em; }
    </style>
    </head>
    <body>
    <h1>{{title}}</h1>
    <div class="command">{{command}}</div>
    {{#hasInputs}}
    <h2>Inputs</h2>
    <table class="inputs">
    <tr><th>file</th><th>data rows</th><th>bytes</th><th>SHA-256</th></tr>
    {{#inputs}}
    <tr><td>{{name}}</td><td>{{rows}}</td><td>{{bytes}}</td><td class="digest">{{sha256}}</td></tr>
    {{/inputs}}
    </table>
    {{/hasInputs}}
    {{#hasNotes}}
    <h2>Notes</h2>
    <ul class="notes">
    {{#notes}}
    <li>{{.}}</li>
    {{/notes}}
    </ul>
    {{/hasNotes}}
    {{#hasFigures}}
    <h2>Plots</h2>
    {{#figures}}
    <figure>
    {{{svg}}}
    <figcaption>{{caption}}</figcaption>
    </figure>
    {{/figures}}
    {{/hasFigures}}
    {{#sections}}
    <h2>{{heading}}</h2>
    <pre class="session">{{text}}</pre>
    {{/sections}}
    {{#hasConventions}}
    <h2>Conventions</h2>
    <ul class="conventions">
    {{#conventions}}
    <li>{{.}}</li>
    {{/conventions}}
    </ul>
    {{/hasConventions}}
    <footer>relmodel {{version}}. Every number above is the output of the command shown; the JSON contract (--json) carries the same numbers unrounded.</footer>
    </body>
    </html>

    """
}

/// Why a figure cannot go into an HTML report.
public enum HTMLReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The figure's text is not an SVG document.
    case notSVG(caption: String)
    /// The figure carries something a browser would run or follow.
    case activeContent(caption: String, marker: String)

    public var description: String {
        switch self {
        case let .notSVG(caption): "figure '\(caption)' is not an SVG document"
        case let .activeContent(caption, marker): "figure '\(caption)' carries active content (\(marker))"
        }
    }
}
