import Testing
@testable import Report

@Suite struct ClippingTests {
    let rect = PlotRect(x: 0, y: 0, width: 10, height: 10)

    @Test func polylineIsCutAtTheBorderAndBrokenAtMissingPoints() {
        let runs = PolylineClipping.clip([SVGPoint(-5, 5), SVGPoint(5, 5), SVGPoint(15, 5), SVGPoint(5, 8), nil, SVGPoint(1, 1), SVGPoint(2, 2)], to: rect)
        #expect(runs == [[SVGPoint(0, 5), SVGPoint(5, 5), SVGPoint(10, 5)], [SVGPoint(10, 6.5), SVGPoint(5, 8)], [SVGPoint(1, 1), SVGPoint(2, 2)]])
        #expect(PolylineClipping.clip([SVGPoint(-1, -1), SVGPoint(-2, 20)], to: rect).isEmpty)
    }

    @Test func polygonIsCutToTheRectangleIncludingItsCorners() {
        let big = PolylineClipping.clipPolygon([SVGPoint(-5, -5), SVGPoint(20, -5), SVGPoint(20, 20), SVGPoint(-5, 20)], to: rect)
        #expect(Set(big.map { "\($0.x),\($0.y)" }) == ["0.0,0.0", "10.0,0.0", "10.0,10.0", "0.0,10.0"])
        // A band crossing the top-right corner keeps the corner.
        let band = PolylineClipping.clipPolygon([SVGPoint(5, 5), SVGPoint(15, -5), SVGPoint(15, 5)], to: rect)
        #expect(band.contains(SVGPoint(10, 0)))
        #expect(band.allSatisfy { rect.contains($0) })
        #expect(PolylineClipping.clipPolygon([SVGPoint(20, 20), SVGPoint(30, 20), SVGPoint(30, 30)], to: rect).isEmpty)
    }
}
