import Foundation
import Testing
@testable import Report

/// Twenty failure times with Bernard's median ranks (i - 0.3) / (n + 0.4).
let sampleTimes: [Double] = [40, 90, 130, 165, 200, 235, 270, 305, 340, 380, 420, 460, 505, 550, 600, 660, 730, 810, 910, 1050]
let samplePoints: [ProbabilityPlot.Point] = sampleTimes.enumerated().map { (i, t) in (t, (Double(i + 1) - 0.3) / 20.4) }

/// The paper's linearisation written out in the test (not the library's): x and y of the table in
/// `ProbabilityPaper`'s documentation.
func paperCoordinates(_ paper: ProbabilityPaper, _ t: Double, _ f: Double) -> (Double, Double) {
    switch paper {
    case .weibull: return (log(t), log(-log(1 - f)))
    case .lognormal: return (log(t), testNormalQuantile(f))
    case .exponential: return (t, -log(1 - f))
    case .normal: return (t, testNormalQuantile(f))
    }
}

/// The pixel of (t, F) for a 720 x 540 plot whose plotting area is (78, 48, 616, 428) and whose axes
/// span `times` and `probabilities`: the affine map of the paper coordinates.
func expectedPixel(_ paper: ProbabilityPaper, _ t: Double, _ f: Double, times: ClosedRange<Double>, probabilities: ClosedRange<Double>) -> (Double, Double) {
    let (x, y) = paperCoordinates(paper, t, f)
    let (x0, y0) = paperCoordinates(paper, times.lowerBound, probabilities.lowerBound)
    let (x1, y1) = paperCoordinates(paper, times.upperBound, probabilities.upperBound)
    return (78 + (x - x0) / (x1 - x0) * 616, 48 + 428 - (y - y0) / (y1 - y0) * 428)
}

func weibullCDF(_ t: Double) -> Double { 1 - exp(-pow(t / 606.5, 1.72)) }

@Suite struct ProbabilityPlotTests {
    static let explicitRanges: [(ProbabilityPaper, ClosedRange<Double>, ClosedRange<Double>)] = [
        (.weibull, 10...10_000, 0.01...0.99),
        (.lognormal, 20...5_000, 0.001...0.999),
        (.exponential, 0...1_200, 0...0.99),
        (.normal, -200...1_400, 0.01...0.99),
    ]

    @Test func plottingAreaAndDefaultRanges() {
        let plot = ProbabilityPlot(title: "t", paper: .weibull, points: samplePoints)
        let layout = plot.layout()
        #expect(layout.plotArea == PlotRect(x: 78, y: 48, width: 616, height: 428))
        #expect(layout.xAxis.lower == 10 && layout.xAxis.upper == 10_000)
        #expect(layout.yAxis.lower == 0.01 && abs(layout.yAxis.upper - 0.99) < 1e-15)
        let exponential = ProbabilityPlot(title: "t", paper: .exponential, points: samplePoints).layout()
        #expect(exponential.xAxis.lower == 0 && exponential.xAxis.upper == 1200)
        #expect(exponential.yAxis.lower == 0)
        let normal = ProbabilityPlot(title: "t", paper: .normal, points: samplePoints).layout()
        #expect(normal.xAxis.lower == 0 && normal.xAxis.upper == 1200)
    }

    @Test(arguments: ProbabilityPaper.allCases)
    func pointsLandOnTheAffineMapOfThePaperCoordinates(paper: ProbabilityPaper) throws {
        let (_, times, probabilities) = try #require(Self.explicitRanges.first { $0.0 == paper })
        var plot = ProbabilityPlot(title: "\(paper) points", paper: paper, points: samplePoints)
        plot.timeRange = times
        plot.probabilityRange = probabilities
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let circles = parsed.all("circle", inside: "points").filter { !$0.inside("legend") }
        try #require(circles.count == samplePoints.count)
        for (circle, point) in zip(circles, samplePoints) {
            let (x, y) = expectedPixel(paper, point.time, point.probability, times: times, probabilities: probabilities)
            #expect(abs(try #require(circle.number("cx")) - x) <= 0.01, "t = \(point.time)")
            #expect(abs(try #require(circle.number("cy")) - y) <= 0.01, "F = \(point.probability)")
        }
    }

    @Test func pointsLandCorrectlyWithDefaultRanges() throws {
        let plot = ProbabilityPlot(title: "", paper: .weibull, points: samplePoints)
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let circles = parsed.all("circle", inside: "points").filter { !$0.inside("legend") }
        try #require(circles.count == 20)
        for (circle, point) in zip(circles, samplePoints) {
            let (x, y) = expectedPixel(.weibull, point.time, point.probability, times: 10...10_000, probabilities: 0.01...0.99)
            #expect(abs(circle.number("cx")! - x) <= 0.01 && abs(circle.number("cy")! - y) <= 0.01)
        }
    }

    /// A line of the paper's family, with the expected slope dy/dx in paper coordinates.
    static let straightLines: [(ProbabilityPaper, @Sendable (Double) -> Double, Double)] = [
        (.weibull, { weibullCDF($0) }, 1.72),
        (.lognormal, { 0.5 * erfc(-(log($0) - 6.2) / 0.8 / 2.0.squareRoot()) }, 1 / 0.8),
        (.exponential, { 1 - exp(-$0 / 400) }, 1.0 / 400),
        (.normal, { 0.5 * erfc(-($0 - 600) / 250 / 2.0.squareRoot()) }, 1.0 / 250),
    ]

    @Test(arguments: 0..<4)
    func fittedCDFIsAStraightLineOnItsPaper(index: Int) throws {
        let (paper, cdf, slope) = Self.straightLines[index]
        let (_, times, probabilities) = try #require(Self.explicitRanges.first { $0.0 == paper })
        var plot = ProbabilityPlot(title: "line", paper: paper, points: samplePoints, fit: .cdf(cdf))
        plot.timeRange = times
        plot.probabilityRange = probabilities
        plot.decimals = 3
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let lines = parsed.all("polyline", inside: "fit-curve")
        try #require(lines.count == 1)
        let vertices = pointList(try #require(lines[0].attributes["points"]))
        #expect(vertices.count > 50)
        let (ax, ay) = vertices.first!, (bx, by) = vertices.last!
        let length = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
        for (x, y) in vertices {
            let distance = abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / length
            #expect(distance <= 0.01, "vertex (\(x), \(y)) is \(distance) px off the line")
        }
        // The line runs from border to border of the plotting area (it is clipped, not shortened).
        func onBorder(_ x: Double, _ y: Double) -> Bool {
            abs(x - 78) < 0.002 || abs(x - 694) < 0.002 || abs(y - 48) < 0.002 || abs(y - 476) < 0.002
        }
        #expect(onBorder(ax, ay) && onBorder(bx, by))
        // Its pixel slope is the family's slope in paper coordinates, scaled by the axes.
        let (x0, y0) = paperCoordinates(paper, times.lowerBound, probabilities.lowerBound)
        let (x1, y1) = paperCoordinates(paper, times.upperBound, probabilities.upperBound)
        let expected = -slope * (x1 - x0) / (y1 - y0) * 428 / 616
        #expect(abs((by - ay) / (bx - ax) / expected - 1) < 1e-4)
    }

    @Test func sampledCurveIsClippedToTheFrameAndStaysStraight() throws {
        let curve: [ProbabilityPlot.Point] = (0...80).map { i in
            let t = pow(10, Double(i) / 16)   // 1 ... 100000, beyond the time axis on both sides
            return (t, weibullCDF(t))
        }
        let plot = ProbabilityPlot(title: "sampled", paper: .weibull, points: samplePoints, fit: .sampled(curve))
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let lines = parsed.all("polyline", inside: "fit-curve")
        try #require(lines.count == 1)
        let vertices = pointList(lines[0].attributes["points"]!)
        for (x, y) in vertices {
            #expect(x >= 78 - 0.005 && x <= 694 + 0.005 && y >= 48 - 0.005 && y <= 476 + 0.005)
        }
        let (ax, ay) = vertices.first!, (bx, by) = vertices.last!
        for (x, y) in vertices {
            // Two-decimal output: within 0.02 px of the chord through the (rounded) ends.
            #expect(abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / hypot(bx - ax, by - ay) <= 0.02)
        }
    }

    @Test(arguments: ProbabilityPaper.allCases)
    func impossiblePointsAreCountedNeverDrawnAndNoCoordinateIsNaN(paper: ProbabilityPaper) throws {
        let bad: [ProbabilityPlot.Point] = [(0, 0.1), (-5, 0.2), (100, 0), (100, 1), (.nan, 0.5), (100, .nan), (.infinity, 0.5), (200, 1.5)]
        var plot = ProbabilityPlot(title: "edge cases", paper: paper, points: samplePoints + bad,
                                   fit: .sampled([(0, 0), (1, 1e-300), (100, 0.1), (1000, 0.9), (5000, 1), (10_000, 1)]),
                                   lowerBound: [(0, 0), (100, 0.05), (1000, 0.8), (3000, 1)],
                                   upperBound: [(-1, 0.5), (100, 0.2), (1000, 0.97), (3000, 1), (.nan, .nan)])
        plot.shadesBand = true
        let svg = plot.rendered()
        let parsed = try #require(ParsedSVG.parse(svg))
        for number in parsed.allCoordinates() {
            let value = try #require(Double(number), "not a number: \(number)")
            #expect(value.isFinite)
        }
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        let band = try #require(parsed.all("polygon").first { $0.attributes["class"] == "band" })
        #expect(pointList(band.attributes["points"]!).allSatisfy { $0.0 >= 78 && $0.0 <= 694 && $0.1 >= 48 && $0.1 <= 476 })
        // Which of the bad points have a position depends on the paper's domain.
        let logTime = paper.timeScale == .log10
        var expectedOutside = 6   // F = 1, NaN t, NaN F, infinite t, F = 1.5, and F = 0 ...
        if paper == .exponential { expectedOutside -= 1 }   // ... except on exponential paper, where F = 0 is y = 0
        if logTime { expectedOutside += 2 }   // t = 0 and t = -5 have no logarithm
        #expect(plot.pointsOutsideRange == expectedOutside)
        let circles = parsed.all("circle", inside: "points").filter { !$0.inside("legend") }
        #expect(circles.count == samplePoints.count + bad.count - expectedOutside)
        let note = parsed.all("text").first { $0.attributes["class"] == "note" }
        #expect(note?.text == "\(expectedOutside) points outside the plotted range")
    }

    /// Component curves (a mixture's subpopulations) are drawn in their own group, each with its own
    /// colour and legend line, at the pixels of their CDF; a Weibull component is a straight line on
    /// Weibull paper.
    @Test func componentCurvesAreDrawnWithTheirOwnColoursAndLegend() throws {
        var plot = ProbabilityPlot(title: "mixture", paper: .weibull, points: samplePoints, fit: .cdf(weibullCDF))
        plot.timeRange = 10...10_000
        plot.probabilityRange = 0.01...0.99
        plot.componentCurves = [
            ("early", .cdf { 1 - exp(-pow($0 / 100, 0.8)) }),
            ("late", .cdf { 1 - exp(-pow($0 / 800, 4)) }),
        ]
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let lines = parsed.all("polyline", inside: "components")
        #expect(Set(lines.map { $0.attributes["style"] ?? "" }).count == 2)
        let early = lines.filter { $0.attributes["style"] == "stroke:\(ProbabilityPlot.componentColors[0])" }
        let vertices = early.flatMap { pointList($0.attributes["points"]!) }
        try #require(vertices.count > 10)
        // Every vertex on the straight line through the pixels of the component's CDF at 20 and 2000.
        func pixel(_ t: Double) -> (Double, Double) {
            expectedPixel(.weibull, t, 1 - exp(-pow(t / 100, 0.8)), times: 10...10_000, probabilities: 0.01...0.99)
        }
        let (ax, ay) = pixel(20), (bx, by) = pixel(2000)
        for (x, y) in vertices {
            #expect(abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / hypot(bx - ax, by - ay) <= 0.05)
        }
        let svg = plot.rendered()
        #expect(svg.contains(">early<") && svg.contains(">late<"))
    }

    /// Point sets (each failure mode's plotting positions) are drawn in their component's colour at
    /// their own pixels, widen the automatic axes, and get a legend line each; `pointsColor` recolours
    /// the main points.
    @Test func pointSetsAreDrawnInTheirComponentsColours() throws {
        var plot = ProbabilityPlot(title: "modes", paper: .weibull, points: samplePoints, fit: .cdf(weibullCDF))
        plot.timeRange = 10...10_000
        plot.probabilityRange = 0.01...0.99
        plot.pointsColor = "#212121"
        plot.pointSets = [("mode A", [(50, 0.05), (400, 0.3)]), ("mode B", [(900, 0.6)])]
        plot.componentCurves = [("mode A fit", .cdf(weibullCDF)), ("mode B fit", .cdf(weibullCDF))]
        let svg = plot.rendered()
        let parsed = try #require(ParsedSVG.parse(svg))
        let circles = parsed.all("circle", inside: "points-set")
        // the main points (recoloured) and the three mode points; the legend's markers are in its own group
        #expect(circles.count == samplePoints.count + 3)
        #expect(parsed.all("circle", inside: "legend").count == 3)
        let (ax, ay) = expectedPixel(.weibull, 400, 0.3, times: 10...10_000, probabilities: 0.01...0.99)
        #expect(circles.contains { abs(Double($0.attributes["cx"]!)! - ax) < 0.01 && abs(Double($0.attributes["cy"]!)! - ay) < 0.01 })
        #expect(svg.contains(">mode A<") && svg.contains(">mode B<") && svg.contains(ProbabilityPlot.componentColors[1]))
        #expect(svg.contains("fill:#212121"))
        // Without explicit ranges the time axis reaches the sets' points too.
        var wide = ProbabilityPlot(title: "", paper: .weibull, points: [(100, 0.2), (200, 0.4)])
        wide.pointSets = [("far", [(50_000, 0.5)])]
        #expect(wide.layout().xAxis.upper >= 50_000)
    }

    @Test func pointsOutsideExplicitRangesAreCounted() throws {
        var plot = ProbabilityPlot(title: "", paper: .weibull, points: samplePoints)
        plot.timeRange = 100...1000   // drops 40 and 90 below, 1050 above
        #expect(plot.pointsOutsideRange == 3)
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        #expect(parsed.all("text").contains { $0.text == "3 points outside the plotted range" })
        plot.timeRange = nil
        #expect(plot.pointsOutsideRange == 0)
        #expect(!plot.rendered().contains("outside the plotted range"))
    }

    @Test func legendAndLabelsAreEscapedText() throws {
        var plot = ProbabilityPlot(title: "Weibull <2P> & \"bounds\"", paper: .weibull, points: samplePoints, fit: .cdf { weibullCDF($0) })
        plot.fitLabel = "weibull2p MLE: eta=606.5, beta=1.72"
        plot.notes = ["n=20 & r=20"]
        let parsed = try #require(ParsedSVG.parse(plot.rendered()))
        let texts = parsed.all("text").map(\.text)
        #expect(texts.contains("Weibull <2P> & \"bounds\""))
        #expect(texts.contains("weibull2p MLE: eta=606.5, beta=1.72"))
        #expect(texts.contains("n=20 & r=20"))
        #expect(texts.contains("Unreliability, F(t) %"))
        #expect(texts.contains("Time"))
        // y tick labels at the conventional unreliabilities of the plotted range.
        let yLabels = parsed.all("text", inside: "y-axis").filter { $0.attributes["class"] == "tick-label" }.map(\.text)
        #expect(yLabels == ["1", "2", "5", "10", "20", "30", "50", "63.2", "70", "90", "95", "99"])
        let xLabels = parsed.all("text", inside: "x-axis").filter { $0.attributes["class"] == "tick-label" }.map(\.text)
        #expect(xLabels == ["10", "100", "1000", "10000"])
    }
}
