/// A probability plot (Weibull++ / Minitab style) from plain data: plotting positions, a fitted CDF
/// and optional confidence bounds, drawn on `paper` as an SVG document.
///
/// The renderer knows nothing of fitting: the caller passes the plotting positions (e.g. median
/// ranks or Kaplan-Meier), the fitted CDF (a closure, sampled at `curveSamples` + 1 points evenly
/// spaced along the time axis, or a sampled curve), and bound curves on F.
///
/// Ranges: unless `timeRange` / `probabilityRange` are set, the time axis covers the points in whole
/// decades (log paper) or a nice linear range, and the probability axis runs from the power of ten
/// below the smallest F to the 1 - 10^-k above the largest (see `ProbabilityPaper`). Lines are cut
/// at the plotting area's border. A point with no position on the paper (t <= 0 on log paper, F = 0
/// or F >= 1, non-finite values) or outside explicitly set ranges is not drawn; their number is
/// printed on the plot ("2 points outside the plotted range") and returned by `pointsOutsideRange`.
/// No coordinate in the output is ever NaN or infinite.
///
/// - Complexity: O(points + curve samples + bound samples).
public struct ProbabilityPlot: Sendable {
    public typealias Point = (time: Double, probability: Double)

    /// A fitted CDF.
    public enum Curve: Sendable {
        /// F(t), evaluated along the time axis.
        case cdf(@Sendable (Double) -> Double)
        /// Samples (t, F(t)) in increasing t, joined by straight segments in plot coordinates.
        case sampled([Point])
    }

    public var title: String
    public var paper: ProbabilityPaper
    /// Plotting positions (t_i, F_i), drawn as markers.
    public var points: [Point]
    public var fit: Curve?
    /// Lower and upper confidence bounds on F(t) as curves (dashed).
    public var lowerBound: [Point]?
    public var upperBound: [Point]?
    /// Whether to shade the region between the two bound curves (when both are given).
    public var shadesBand: Bool = false
    /// Further curves drawn dotted, each in its own colour with its legend label: a mixture's
    /// components (each its own CDF, as Weibull++ draws sub-populations).
    public var componentCurves: [(label: String, curve: Curve)] = []
    /// Further plotting positions, each set in the colour of the `componentCurves` entry of the same
    /// index, with its legend label: each failure mode's own points beside its own line.
    public var pointSets: [(label: String, points: [Point])] = []
    /// A colour for `points` instead of the stylesheet's (to tell them from `pointSets`).
    public var pointsColor: String?
    /// The colours of `componentCurves`, in turn.
    public static let componentColors = ["#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#5d4037", "#9e9d24"]

    public var xLabel: String = "Time"
    public var yLabel: String = "Unreliability, F(t) %"
    /// Legend labels; nil leaves the item out of the legend.
    public var pointsLabel: String? = "Data"
    public var fitLabel: String? = "Fit"
    public var boundsLabel: String? = "Confidence bounds"
    /// Extra text lines at the end of the legend (sample size, goodness of fit, ...).
    public var notes: [String] = []

    /// Explicit axis ranges (time in data units, probability as F in (0, 1)).
    public var timeRange: ClosedRange<Double>?
    public var probabilityRange: ClosedRange<Double>?

    public var width: Double = 720
    public var height: Double = 540
    public var curveSamples: Int = 200
    /// Decimals of pixel coordinates in the SVG.
    public var decimals: Int = 2

    public init(title: String, paper: ProbabilityPaper, points: [Point], fit: Curve? = nil,
                lowerBound: [Point]? = nil, upperBound: [Point]? = nil) {
        self.title = title
        self.paper = paper
        self.points = points
        self.fit = fit
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The plotting area and axes the plot will use.
    /// - Precondition: explicit ranges lie in the paper's domain and increase.
    public func layout() -> PlotLayout {
        let xAxis: Axis
        if let r = timeRange {
            xAxis = Axis(scale: paper.timeScale, lower: r.lowerBound, upper: r.upperBound)
        } else {
            var times = (points + pointSets.flatMap(\.points)).map(\.time)
            if times.filter({ paper.timeScale.contains($0) }).isEmpty, case let .sampled(curve)? = fit { times = curve.map(\.time) }
            xAxis = paper.timeAxis(covering: times)
        }
        let yAxis: Axis
        if let r = probabilityRange {
            yAxis = Axis(scale: paper.probabilityScale, lower: r.lowerBound, upper: r.upperBound)
        } else {
            yAxis = paper.probabilityAxis(covering: (points + pointSets.flatMap(\.points)).map(\.probability))
        }
        return PlotLayout(width: width, height: height, plotArea: PlotLayout.standardArea(width: width, height: height), xAxis: xAxis, yAxis: yAxis)
    }

    /// Pixels of the points that are drawn (in input order), and how many are not.
    public func placedPoints(in layout: PlotLayout) -> (drawn: [SVGPoint], outside: Int) { placed(points, in: layout) }

    /// Pixels of `points` inside the plotting area (in input order), and how many are not.
    func placed(_ points: [Point], in layout: PlotLayout) -> (drawn: [SVGPoint], outside: Int) {
        var drawn: [SVGPoint] = []
        for point in points {
            if let p = layout.pixelInside(x: point.time, y: point.probability) { drawn.append(p) }
        }
        return (drawn, points.count - drawn.count)
    }

    /// The number of points not drawn because they have no position inside the plotted range.
    public var pointsOutsideRange: Int { placedPoints(in: layout()).outside }

    /// The pixel vertices of the fitted curve before clipping (nil where F(t) has no position).
    public func fitVertices(in layout: PlotLayout) -> [SVGPoint?] {
        fit.map { vertices(of: $0, in: layout) } ?? []
    }

    /// The pixel vertices of a curve before clipping (nil where F(t) has no position).
    func vertices(of curve: Curve, in layout: PlotLayout) -> [SVGPoint?] {
        switch curve {
        case let .sampled(curve): return curve.map { layout.pixel(x: $0.time, y: $0.probability) }
        case let .cdf(f):
            let n = max(2, curveSamples)
            return (0...n).map { i in
                let t = layout.xAxis.value(atFraction: Double(i) / Double(n))
                return layout.pixel(x: t, y: f(t))
            }
        }
    }

    /// The plot as an SVG document.
    public func rendered() -> String {
        let layout = layout()
        let area = layout.plotArea
        var doc = SVGDocument(width: width, height: height, decimals: decimals)
        doc.title(title.isEmpty ? "\(paper.displayName) probability plot" : title)
        PlotCanvas.drawFrame(&doc, layout: layout, title: title, xLabel: xLabel, yLabel: yLabel)

        let lower = lowerBound.map { $0.map { layout.pixel(x: $0.time, y: $0.probability) } }
        let upper = upperBound.map { $0.map { layout.pixel(x: $0.time, y: $0.probability) } }
        if shadesBand, let lower, let upper {
            drawBand(&doc, lower: lower, upper: upper, area: area)
        }
        doc.group(class: "bounds") { g in
            for curve in [lower, upper].compactMap({ $0 }) { PlotCanvas.drawCurve(&g, curve, area: area, class: "bound") }
        }
        doc.group(class: "components") { g in
            for (i, component) in componentCurves.enumerated() {
                PlotCanvas.drawCurve(&g, vertices(of: component.curve, in: layout), area: area, class: "component",
                                     style: "stroke:\(Self.componentColors[i % Self.componentColors.count])")
            }
        }
        doc.group(class: "fit-curve") { g in
            PlotCanvas.drawCurve(&g, fitVertices(in: layout), area: area, class: "fit")
        }
        var (drawn, outside) = placedPoints(in: layout)
        PlotCanvas.drawMarkers(&doc, drawn, class: pointsColor == nil ? "points" : "points-set", style: pointsColor.map { "fill:\($0);stroke:\($0)" })
        for (i, set) in pointSets.enumerated() {
            let (setDrawn, setOutside) = placed(set.points, in: layout)
            outside += setOutside
            PlotCanvas.drawMarkers(&doc, setDrawn, class: "points-set", style: "fill:\(Self.componentColors[i % Self.componentColors.count]);stroke:#333333;stroke-width:0.6")
        }

        var legend: [LegendEntry] = []
        if let pointsLabel, !points.isEmpty { legend.append(LegendEntry(pointsLabel, symbol: .marker, symbolClass: "points", color: pointsColor)) }
        if let fitLabel, fit != nil { legend.append(LegendEntry(fitLabel, symbol: .line, symbolClass: "fit")) }
        if let boundsLabel, lowerBound != nil || upperBound != nil { legend.append(LegendEntry(boundsLabel, symbol: .dashedLine, symbolClass: "bound")) }
        for (i, set) in pointSets.enumerated() where !set.points.isEmpty {
            legend.append(LegendEntry(set.label, symbol: .marker, symbolClass: "points-set", color: Self.componentColors[i % Self.componentColors.count]))
        }
        for (i, component) in componentCurves.enumerated() {
            legend.append(LegendEntry(component.label, symbol: .line, symbolClass: "component",
                                      color: Self.componentColors[i % Self.componentColors.count]))
        }
        legend += notes.map { LegendEntry($0) }
        PlotCanvas.drawLegend(&doc, entries: legend, area: area)
        if outside > 0 {
            PlotCanvas.drawNote(&doc, outside == 1 ? "1 point outside the plotted range" : "\(outside) points outside the plotted range", area: area)
        }
        return doc.rendered()
    }

    /// The region between the bounds: the polygon of the lower curve and the reversed upper curve
    /// (vertices with no position left out), cut to the plotting area.
    private func drawBand(_ doc: inout SVGDocument, lower: [SVGPoint?], upper: [SVGPoint?], area: PlotRect) {
        let outline = lower.compactMap { $0 } + upper.compactMap { $0 }.reversed()
        doc.polygon(PolylineClipping.clipPolygon(outline, to: area), class: "band")
    }
}
