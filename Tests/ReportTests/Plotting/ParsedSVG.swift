import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// An SVG document parsed with Foundation's XMLParser (which rejects anything not well-formed XML:
/// unbalanced tags, unquoted attributes, unescaped '<' or '&').
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Classes of the enclosing elements, outermost first.
        var ancestorClasses: [String]
        var text: String

        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        func inside(_ cls: String) -> Bool { ancestorClasses.contains(cls) }
    }

    var elements: [Element] = []
    var root: [String: String] = [:]

    /// Parses `svg`, returning nil (and recording an issue) when it is not well-formed.
    static func parse(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedSVG? {
        let delegate = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            Issue.record("SVG is not well-formed: \(parser.parserError.map { String(describing: $0) } ?? "?") at line \(parser.lineNumber)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(delegate.stack.isEmpty, sourceLocation: sourceLocation)
        var result = ParsedSVG()
        result.elements = delegate.elements
        result.root = delegate.elements.first?.attributes ?? [:]
        return result
    }

    func all(_ name: String, inside cls: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (cls == nil || $0.inside(cls!)) }
    }

    /// Every number in every geometric attribute (coordinates, sizes, point lists, path data, transforms).
    func allCoordinates() -> [String] {
        var out: [String] = []
        let keys = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d", "transform", "viewBox"]
        for element in elements {
            for key in keys {
                guard let value = element.attributes[key] else { continue }
                let separators = CharacterSet(charactersIn: " ,()MLZrotate")
                out += value.components(separatedBy: separators).filter { !$0.isEmpty }
            }
        }
        return out
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [(index: Int, cls: String)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, ancestorClasses: stack.map(\.cls), text: ""))
            stack.append((elements.count - 1, attributes["class"] ?? ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let top = stack.last else { return }
            elements[top.index].text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}

/// Points of a `points="x,y x,y"` attribute.
func pointList(_ s: String) -> [(Double, Double)] {
    s.split(separator: " ").map { pair in
        let xy = pair.split(separator: ",").map { Double($0)! }
        return (xy[0], xy[1])
    }
}

/// Standard normal quantile written independently of the library: bisection on
/// Phi(z) = erfc(-z / sqrt 2) / 2 (libm erfc), to 1e-14 in z.
func testNormalQuantile(_ p: Double) -> Double {
    var lo = -40.0, hi = 40.0
    while hi - lo > 1e-14 {
        let mid = (lo + hi) / 2
        if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}
