import Testing
@testable import Report

/// The HTML page escapes every text it is given and accepts only inert SVG figures.
@Suite struct HTMLReportTests {
    static let hostile = "<script>alert('x')</script> & \"q\""
    static let escaped = "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;"

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

    /// A prepended mark (U+0600, grapheme-cluster "Prepend") fuses with a following `<` into one
    /// Character; escaping scalar by scalar still catches the `<`.
    @Test func clusterFusedAngleBracketsAreEscaped() throws {
        let hostile = "\u{0600}<img src=x onerror=alert(1) \u{0600}>"
        let report = HTMLReport(title: hostile, command: hostile, version: "1",
                                inputs: [.init(name: hostile, sha256: "ab", bytes: 1, rows: 1)],
                                sections: [.init(heading: hostile, text: hostile)], notes: [hostile], conventions: [hostile])
        let page = report.rendered()
        #expect(!page.contains("<img"))
        #expect(page.components(separatedBy: "\u{0600}&lt;img").count - 1 == 8)
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

    /// Text between tags is escaped data, not markup: a label reading "javascript:E" or "<a >" (escaped)
    /// does not make a figure active.
    @Test func textThatMentionsMarkersIsAccepted() throws {
        let svg = "<svg><text>mode javascript:E</text><text>&lt;a href&gt; onload=x</text></svg>"
        #expect(try HTMLReport.Figure(caption: "f", svg: svg).svg == svg)
    }

    @Test func attributesThatMerelyContainOnAreAccepted() throws {
        // "font-size", "stroke-opacity", "points" and text mentioning "on" are not event handlers.
        let svg = "<svg font-size=\"11\"><polyline points=\"0,0 1,1\" stroke-opacity=\"0.5\"/><text>hazard on log axes; confidence</text></svg>"
        #expect(try HTMLReport.Figure(caption: "f", svg: svg).svg == svg)
    }
}
