import Testing
@testable import Report

/// The HTML page escapes every text it is given and accepts only inert SVG figures.
@Suite struct HTMLReportTests {
    static let hostile = "<script>alert('x')</script> & \"q\""
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"

    static func figure() throws -> HTMLReport.Figure {
        var document = SVGDocument(width: 100, height: 50)
        document.text(Self.hostile, at: SVGPoint(10, 20))
        return try HTMLReport.Figure(caption: Self.hostile, svg: document.rendered())
    }

    @Test func everyTextIsEscaped() throws {
        let report = HTMLReport(
            title: Self.hostile, command: "relmodel fit " + Self.hostile, version: "1.0",
            inputs: [.init(name: Self.hostile, sha256: "ab", bytes: 3, rows: 2)],
            sections: [.init(heading: Self.hostile, text: "table\n" + Self.hostile)],
            figures: [try Self.figure()], notes: [Self.hostile], conventions: [Self.hostile])
        let page = report.rendered()
        #expect(!page.lowercased().contains("<script"))
        // title, h1, command, input, heading, section, figure caption, note, convention: nine times escaped
        // by the template; the SVG's own text is escaped by SVGDocument (quotes kept as XML allows).
        #expect(page.components(separatedBy: Self.escaped).count - 1 == 9)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))
        #expect(!page.contains("<?xml"), "an XML declaration is not allowed inside HTML")
    }

    @Test func sectionsKeepTheirLayout() {
        let text = "quantity  estimate\n--------  --------\neta        27718.7\n"
        let page = HTMLReport(title: "t", command: "c", version: "v", sections: [.init(heading: "Results", text: text)]).rendered()
        #expect(page.contains("<pre class=\"session\">" + text + "</pre>"))
    }

    @Test func emptyPartsAreLeftOut() {
        let page = HTMLReport(title: "t", command: "c", version: "v").rendered()
        #expect(!page.contains("<h2>Inputs</h2>"))
        #expect(!page.contains("<h2>Plots</h2>"))
        #expect(!page.contains("<h2>Notes</h2>"))
        #expect(!page.contains("<h2>Conventions</h2>"))
    }

    @Test(arguments: [
        "<svg><script>alert(1)</script></svg>",
        "<svg><SCRIPT>alert(1)</SCRIPT></svg>",
        "<svg onload=\"alert(1)\"></svg>",
        "<svg><rect onclick = \"x()\"/></svg>",
        "<svg><foreignObject><div/></foreignObject></svg>",
        "<svg><a href=\"https://example.com\"><text>x</text></a></svg>",
        "<svg><image href=\"javascript:alert(1)\"/></svg>",
    ])
    func activeFiguresAreRefused(_ svg: String) {
        #expect(throws: HTMLReportError.self) { try HTMLReport.Figure(caption: "f", svg: svg) }
    }

    @Test func nonSVGIsRefused() {
        #expect(throws: HTMLReportError.notSVG(caption: "f")) { try HTMLReport.Figure(caption: "f", svg: "<html></html>") }
    }

    @Test func attributesThatMerelyContainOnAreAccepted() throws {
        // "font-size", "stroke-opacity", "points" and text mentioning "on" are not event handlers.
        let svg = "<svg font-size=\"11\"><polyline points=\"0,0 1,1\" stroke-opacity=\"0.5\"/><text>hazard on log axes; confidence</text></svg>"
        #expect(try HTMLReport.Figure(caption: "f", svg: svg).svg == svg)
    }
}
