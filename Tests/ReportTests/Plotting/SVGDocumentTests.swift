import Testing
@testable import Report

@Suite struct SVGDocumentTests {
    @Test func rendersWellFormedNestedDocumentWithEscapedText() throws {
        var doc = SVGDocument(width: 200, height: 100)
        doc.addStyle(".a > .b { fill: red; }")
        doc.group(class: "outer") { g in
            g.line(from: SVGPoint(0, 0), to: SVGPoint(10.126, -0.001), class: "l")
            g.group(class: "inner") { h in
                h.text("a < b & \"c\" 'd' \u{1}", at: SVGPoint(5, 6), anchor: .middle, rotation: -90, class: "t")
            }
            var path = SVGPath()
            path.move(to: SVGPoint(1, 2)); path.line(to: SVGPoint(3.5, 4)); path.close()
            g.path(path, class: "p")
        }
        doc.beginGroup(class: "left-open")
        doc.circle(center: SVGPoint(1, 1), radius: 2)
        let svg = doc.rendered()
        let parsed = try #require(ParsedSVG.parse(svg))
        #expect(parsed.root["viewBox"] == "0 0 200 100")
        let line = try #require(parsed.all("line").first)
        #expect(line.attributes["x2"] == "10.13")
        #expect(line.attributes["y2"] == "0")   // -0.001 rounds to 0, never "-0"
        let text = try #require(parsed.all("text", inside: "inner").first)
        #expect(text.text == "a < b & \"c\" 'd' \u{FFFD}")
        #expect(text.attributes["transform"] == "rotate(-90 5 6)")
        #expect(parsed.all("path").first?.attributes["d"] == "M1 2 L3.5 4 Z")
        #expect(parsed.all("circle", inside: "left-open").count == 1)
        #expect(parsed.all("style").first?.text.contains(".a > .b") == true)
        #expect(svg.contains("a &lt; b &amp; \"c\" 'd'"))
        #expect(SVGDocument.escape("<\"'&>") == "&lt;&quot;&apos;&amp;&gt;")
    }

    @Test func shortPolylinesAndPolygonsDrawNothing() {
        var doc = SVGDocument(width: 10, height: 10)
        doc.polyline([SVGPoint(1, 1)])
        doc.polygon([SVGPoint(1, 1), SVGPoint(2, 2)])
        #expect(!doc.rendered().contains("poly"))
    }

    @Test func numbersUseFixedDecimalsTrimmed() {
        let doc = SVGDocument(width: 10, height: 10, decimals: 3)
        #expect(doc.number(1.23456) == "1.235")
        #expect(doc.number(2.5) == "2.5")
        #expect(doc.number(-3) == "-3")
        #expect(doc.number(-0.0001) == "0")
    }
}
