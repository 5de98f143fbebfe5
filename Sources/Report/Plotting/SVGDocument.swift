import RelmodelNumerics
/// A point in SVG user units (pixels), x to the right and y downwards.
public struct SVGPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public init(_ x: Double, _ y: Double) { self.init(x: x, y: y) }
}

/// Horizontal alignment of a text element relative to its anchor point (`text-anchor`).
public enum SVGTextAnchor: String, Sendable { case start, middle, end }

/// A path outline built from move/line/close commands (`<path d="...">`).
public struct SVGPath: Sendable, Equatable {
    public enum Command: Sendable, Equatable {
        case move(SVGPoint)
        case line(SVGPoint)
        case close
    }
    public private(set) var commands: [Command] = []
    public init() {}
    public mutating func move(to point: SVGPoint) { commands.append(.move(point)) }
    public mutating func line(to point: SVGPoint) { commands.append(.line(point)) }
    public mutating func close() { commands.append(.close) }
}

/// One element of an SVG tree: a name, attributes in the order given, and children or text.
///
/// Attribute values and text are stored unescaped; `SVGDocument.rendered()` escapes them.
public struct SVGElement: Sendable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [SVGElement]
    public var text: String?

    public init(_ name: String, attributes: [(name: String, value: String)] = [], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }
}

/// A builder for a standalone SVG 1.1 document, Foundation-free.
///
/// Elements are appended to the innermost open group (`beginGroup`/`endGroup` or `group { }`).
/// Coordinates are written with `decimals` digits after the point (trailing zeros trimmed), so the
/// position of anything drawn is within half a unit of the last decimal of the value passed in.
/// Every coordinate must be finite: a NaN or infinity reaching the document is a programming error
/// in the caller (plots clip and drop first), so it stops the program rather than writing an SVG
/// that viewers render as garbage. Text and attribute values are XML-escaped; characters that XML 1.0
/// cannot carry (control characters other than tab, newline and carriage return) become U+FFFD.
///
/// - Complexity: appending is amortised O(1); `rendered()` is O(size of the output).
public struct SVGDocument: Sendable {
    public let width: Double
    public let height: Double
    public let decimals: Int
    private var styles: [String] = []
    /// Open elements; `stack[0]` is the root's content, the others are open groups.
    private var stack: [SVGElement]

    public init(width: Double, height: Double, decimals: Int = 2) {
        precondition(width.isFinite && height.isFinite && width > 0 && height > 0, "SVG size must be positive and finite")
        precondition((0...6).contains(decimals), "decimals must be in 0...6")
        self.width = width
        self.height = height
        self.decimals = decimals
        self.stack = [SVGElement("svg")]
    }

    // MARK: Structure

    /// Adds CSS rules to the document's `<style>` block.
    public mutating func addStyle(_ css: String) { styles.append(css) }

    /// Opens a `<g>`; subsequent elements go inside it until `endGroup()`.
    public mutating func beginGroup(class className: String? = nil, id: String? = nil, attributes: [(name: String, value: String)] = []) {
        var attrs: [(name: String, value: String)] = []
        if let id { attrs.append(("id", id)) }
        if let className { attrs.append(("class", className)) }
        stack.append(SVGElement("g", attributes: attrs + attributes))
    }

    /// Closes the innermost open group.
    public mutating func endGroup() {
        precondition(stack.count > 1, "endGroup() without beginGroup()")
        let group = stack.removeLast()
        stack[stack.count - 1].children.append(group)
    }

    /// A `<g>` holding whatever `body` draws.
    public mutating func group(class className: String? = nil, id: String? = nil, attributes: [(name: String, value: String)] = [], _ body: (inout SVGDocument) -> Void) {
        beginGroup(class: className, id: id, attributes: attributes)
        body(&self)
        endGroup()
    }

    /// Appends an arbitrary element (escaped on output like everything else).
    public mutating func append(_ element: SVGElement) { stack[stack.count - 1].children.append(element) }

    /// A `<clipPath>` with one rectangle, to be referenced as `clip-path="url(#id)"`.
    public mutating func clipRect(id: String, x: Double, y: Double, width: Double, height: Double) {
        let rect = SVGElement("rect", attributes: [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height))])
        append(SVGElement("clipPath", attributes: [("id", id)], children: [rect]))
    }

    // MARK: Shapes

    public mutating func line(from a: SVGPoint, to b: SVGPoint, class className: String? = nil, style: String? = nil) {
        append(shape("line", [("x1", number(a.x)), ("y1", number(a.y)), ("x2", number(b.x)), ("y2", number(b.y))], className, style))
    }

    /// An open polyline; fewer than two points draws nothing.
    public mutating func polyline(_ points: [SVGPoint], class className: String? = nil, style: String? = nil) {
        guard points.count >= 2 else { return }
        append(shape("polyline", [("points", pointList(points))], className, style))
    }

    /// A closed polygon; fewer than three points draws nothing.
    public mutating func polygon(_ points: [SVGPoint], class className: String? = nil, style: String? = nil) {
        guard points.count >= 3 else { return }
        append(shape("polygon", [("points", pointList(points))], className, style))
    }

    public mutating func path(_ path: SVGPath, class className: String? = nil, style: String? = nil) {
        guard !path.commands.isEmpty else { return }
        var d: [String] = []
        for command in path.commands {
            switch command {
            case let .move(p): d.append("M" + number(p.x) + " " + number(p.y))
            case let .line(p): d.append("L" + number(p.x) + " " + number(p.y))
            case .close: d.append("Z")
            }
        }
        append(shape("path", [("d", d.joined(separator: " "))], className, style))
    }

    public mutating func circle(center: SVGPoint, radius: Double, class className: String? = nil, style: String? = nil) {
        append(shape("circle", [("cx", number(center.x)), ("cy", number(center.y)), ("r", number(radius))], className, style))
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, class className: String? = nil, style: String? = nil) {
        append(shape("rect", [("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height))], className, style))
    }

    /// A text element at `point` (the baseline's anchor), optionally rotated by `rotation` degrees
    /// (clockwise, about the anchor point).
    public mutating func text(_ string: String, at point: SVGPoint, anchor: SVGTextAnchor = .start, rotation: Double? = nil, class className: String? = nil, style: String? = nil) {
        var attrs: [(name: String, value: String)] = [("x", number(point.x)), ("y", number(point.y))]
        if anchor != .start { attrs.append(("text-anchor", anchor.rawValue)) }
        if let rotation {
            attrs.append(("transform", "rotate(" + number(rotation) + " " + number(point.x) + " " + number(point.y) + ")"))
        }
        var element = shape("text", attrs, className, style)
        element.text = string
        append(element)
    }

    /// A `<title>` (tooltip and accessible name) in the current group.
    public mutating func title(_ string: String) { append(SVGElement("title", text: string)) }

    // MARK: Output

    /// The document as XML text with an XML declaration; open groups are closed.
    public func rendered() -> String {
        var content = stack
        while content.count > 1 {
            let group = content.removeLast()
            content[content.count - 1].children.append(group)
        }
        var root = content[0]
        root.attributes = [
            ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
            ("width", number(width)), ("height", number(height)),
            ("viewBox", "0 0 " + number(width) + " " + number(height)),
        ]
        if !styles.isEmpty {
            root.children.insert(SVGElement("style", attributes: [("type", "text/css")], text: "\n" + styles.joined(separator: "\n") + "\n"), at: 0)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        Self.write(root, depth: 0, to: &out)
        return out
    }

    private static func write(_ element: SVGElement, depth: Int, to out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        out += indent + "<" + element.name
        for (name, value) in element.attributes {
            out += " " + name + "=\"" + escape(value, quotes: true) + "\""
        }
        if element.children.isEmpty {
            if let text = element.text {
                out += ">" + escape(text, quotes: false) + "</" + element.name + ">\n"
            } else {
                out += "/>\n"
            }
            return
        }
        out += ">\n"
        if let text = element.text { out += indent + "  " + escape(text, quotes: false) + "\n" }
        for child in element.children { write(child, depth: depth + 1, to: &out) }
        out += indent + "</" + element.name + ">\n"
    }

    /// XML escaping of `&`, `<`, `>`, and with `quotes` (for attribute values) `"` and `'`.
    /// Text content keeps its quotes so that a `<style>` block stays valid CSS even where a
    /// browser reads it as raw text (SVG inlined in HTML).
    public static func escape(_ s: String, quotes: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 Char excludes C0 controls (other than the three above), U+FFFE and U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate with `decimals` decimals, trailing zeros trimmed ("12.5", "3", never "-0").
    public func number(_ x: Double) -> String {
        precondition(x.isFinite, "non-finite coordinate in SVG output")
        var s = NumberFormatting.fixed(x, decimals)
        if s.contains(".") {
            while s.last == "0" { s.removeLast() }
            if s.last == "." { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    private func pointList(_ points: [SVGPoint]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }

    private func shape(_ name: String, _ attributes: [(name: String, value: String)], _ className: String?, _ style: String?) -> SVGElement {
        var attrs = attributes
        if let className { attrs.append(("class", className)) }
        if let style { attrs.append(("style", style)) }
        return SVGElement(name, attributes: attrs)
    }
}
