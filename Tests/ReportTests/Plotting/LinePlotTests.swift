import Foundation
import Testing
@testable import Report

@Suite struct LinePlotTests {
    /// A control-chart-like plot: 25 subgroup means, centre line and limits.
    static func chart() -> LinePlot {
        let means: [LinePlot.Point] = (1...25).map { i in (Double(i), 10 + sin(Double(i)) * 1.5) }
        var plot = LinePlot(title: "X-bar chart", xLabel: "Subgroup", yLabel: "Mean",
                            series: [LinePlot.Series(label: "Subgroup mean", points: means, style: .lineAndMarkers)],
                            referenceLines: [LinePlot.ReferenceLine(12.4, label: "UCL = 12.4"),
                                             LinePlot.ReferenceLine(10, label: "CL = 10", color: "#2e7d32", dashed: false),
                                             LinePlot.ReferenceLine(7.6, label: "LCL = 7.6")])
        plot.xRange = 0...26
        plot.yRange = 7...13
        return plot
    }

    @Test func markersAndReferenceLinesLandOnTheLinearMap() throws {
        let plot = Self.chart()
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let markers = parsed.all("circle", inside: "series-0")
        try #require(markers.count == 25)
        for (marker, point) in zip(markers, plot.series[0].points) {
            #expect(abs(marker.number("cx")! - (78 + point.x / 26 * 616)) <= 0.01)
            #expect(abs(marker.number("cy")! - (476 - (point.y - 7) / 6 * 428)) <= 0.01)
        }
        let references = parsed.all("line", inside: "references")
        let referenceYs: [Double] = references.map { $0.number("y1")! }
        let expectedYs: [Double] = [12.4, 10, 7.6].map { (v: Double) -> Double in 476 - (v - 7) / 6 * 428 }
        try #require(referenceYs.count == 3)
        for (y, e) in zip(referenceYs, expectedYs) { #expect(abs(y - e) <= 0.01) }
        #expect(parsed.all("text", inside: "references").map(\.text) == ["UCL = 12.4", "CL = 10", "LCL = 7.6"])
        #expect(parsed.all("polyline", inside: "series-0").count == 1)
    }

    @Test func logAxesMapDecadesAndStepLinesHoldUntilTheNextX() throws {
        var plot = LinePlot(title: "Hazard", xLabel: "Time", yLabel: "h(t)",
                            series: [LinePlot.Series(points: [(1, 0.001), (10, 0.01), (100, 0.1)], style: .step)])
        plot.xScale = .log10
        plot.yScale = .log10
        let layout = plot.layout()
        #expect(layout.xAxis.lower == 1 && layout.xAxis.upper == 100)
        #expect(layout.yAxis.lower == 0.001 && layout.yAxis.upper == 0.1)
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let line = try #require(parsed.all("polyline", inside: "series-0").first)
        let vertices = pointList(line.attributes["points"]!)
        let expected: [(Double, Double)] = [(78, 476), (386, 476), (386, 262), (694, 262), (694, 48)]
        try #require(vertices.count == expected.count)
        for (v, e) in zip(vertices, expected) { #expect(abs(v.0 - e.0) <= 0.01 && abs(v.1 - e.1) <= 0.01) }
    }

    @Test func badValuesBreakLinesAreCountedAndNeverNaN() throws {
        var plot = LinePlot(title: "edge", xLabel: "x", yLabel: "y",
                            series: [LinePlot.Series(label: "a", points: [(1, 1), (2, .nan), (3, 2), (4, 3), (.infinity, 1), (5, -1)], style: .lineAndMarkers),
                                     LinePlot.Series(label: "b", points: [(0, 5), (6, 5)], dashed: true)])
        plot.yScale = .log10
        let svg = plot.rendered()
        let parsed = try #require(ParsedSVG.parse(svg))
        for number in parsed.allCoordinates() { #expect(Double(number)?.isFinite == true, "\(number)") }
        #expect(plot.pointsOutsideRange == 3)   // NaN y, infinite x, y = -1 on a log axis
        #expect(parsed.all("text").contains { $0.text == "3 points outside the plotted range" })
        #expect(parsed.all("polyline", inside: "series-0").count == 1)   // (3, 2)-(4, 3); (1, 1) is isolated
        #expect(parsed.all("text", inside: "legend").map(\.text) == ["a", "b"])
    }
}
