/// A general x-y plot: several series of lines, markers or steps on linear, log or probability axes,
/// with horizontal and vertical reference lines (control limits, specification limits, eta) and a
/// legend. For control charts, hazard and bathtub curves, trend plots.
///
/// Ranges: unless `xRange` / `yRange` are set, each axis covers every series point and reference
/// value on it (linear: padded by 4 % and widened to nice ticks; log: whole decades; probability: as
/// on probability paper). Lines are cut at the plotting area's border and broken at points with no
/// position (non-finite, or outside a log or probability scale's domain). Markers with no position
/// inside the plotting area are not drawn; their number is printed on the plot and returned by
/// `pointsOutsideRange`. No coordinate in the output is ever NaN or infinite.
///
/// - Complexity: O(total points).
public struct LinePlot: Sendable {
    public typealias Point = (x: Double, y: Double)

    public struct Series: Sendable {
        public enum Style: Sendable, Equatable {
            case line
            case markers
            case lineAndMarkers
            /// A step function holding each y until the next x (step-after), as for Kaplan-Meier
            /// estimates or per-subgroup control limits.
            case step
        }
        public var label: String?
        public var points: [Point]
        public var style: Style
        /// A CSS colour; nil takes the next colour of the default palette.
        public var color: String?
        public var dashed: Bool
        /// Extra CSS class on the series' group (e.g. "out-of-control").
        public var className: String?

        public init(label: String? = nil, points: [Point], style: Style = .line, color: String? = nil, dashed: Bool = false, className: String? = nil) {
            self.label = label; self.points = points; self.style = style; self.color = color; self.dashed = dashed; self.className = className
        }
    }

    public struct ReferenceLine: Sendable {
        public enum Orientation: Sendable, Equatable { case horizontal, vertical }
        public var value: Double
        /// Printed at the line's end inside the plotting area (e.g. "UCL = 10.31").
        public var label: String?
        public var orientation: Orientation
        public var color: String
        public var dashed: Bool

        public init(_ value: Double, label: String? = nil, orientation: Orientation = .horizontal, color: String = "#c62828", dashed: Bool = true) {
            self.value = value; self.label = label; self.orientation = orientation; self.color = color; self.dashed = dashed
        }
    }

    /// Default series colours (blue, red, green, orange, purple, teal).
    /// A shaded range of x (a region of a bathtub hazard), drawn behind the series with its label at the top.
    public struct Band: Sendable {
        public var lower: Double
        public var upper: Double
        public var label: String?
        public var color: String

        public init(_ lower: Double, _ upper: Double, label: String? = nil, color: String = "#90a4ae") {
            self.lower = lower; self.upper = upper; self.label = label; self.color = color
        }
    }

    public static let palette = ["#1f4e9c", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f"]

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var series: [Series]
    public var referenceLines: [ReferenceLine] = []
    /// Shaded x ranges, clipped to the plotting area.
    public var bands: [Band] = []
    /// Extra text lines at the end of the legend.
    public var notes: [String] = []
    public var showsLegend: Bool = true
    public var width: Double = 720
    public var height: Double = 540
    public var decimals: Int = 2

    public init(title: String, xLabel: String, yLabel: String, series: [Series], referenceLines: [ReferenceLine] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series; self.referenceLines = referenceLines
    }

    /// The plotting area and axes the plot will use.
    /// - Precondition: explicit ranges lie in their scale's domain and increase.
    public func layout() -> PlotLayout {
        let xs = series.flatMap { $0.points.map(\.x) } + referenceLines.filter { $0.orientation == .vertical }.map(\.value)
        let ys = series.flatMap { $0.points.map(\.y) } + referenceLines.filter { $0.orientation == .horizontal }.map(\.value)
        let xAxis = xRange.map { Axis(scale: xScale, lower: $0.lowerBound, upper: $0.upperBound) } ?? Self.automaticAxis(xScale, xs)
        let yAxis = yRange.map { Axis(scale: yScale, lower: $0.lowerBound, upper: $0.upperBound) } ?? Self.automaticAxis(yScale, ys)
        return PlotLayout(width: width, height: height, plotArea: PlotLayout.standardArea(width: width, height: height), xAxis: xAxis, yAxis: yAxis)
    }

    static func automaticAxis(_ scale: AxisScale, _ values: [Double]) -> Axis {
        let usable = values.filter { scale.contains($0) }
        switch scale {
        case .linear:
            guard let lo = usable.min(), let hi = usable.max() else { return Axis(scale: .linear, lower: 0, upper: 1) }
            let pad = (hi - lo) * 0.04
            return .linear(covering: (lo - pad)...(hi + pad))
        case .log10:
            guard let lo = usable.min(), let hi = usable.max() else { return Axis(scale: .log10, lower: 1, upper: 10) }
            return .log10(covering: lo...hi)
        case .weibullProbability: return ProbabilityPaper.weibull.probabilityAxis(covering: usable)
        case .normalProbability: return ProbabilityPaper.normal.probabilityAxis(covering: usable)
        case .exponentialProbability: return ProbabilityPaper.exponential.probabilityAxis(covering: usable)
        }
    }

    private func color(of index: Int) -> String { series[index].color ?? Self.palette[index % Self.palette.count] }

    private var markerSeries: [Int] {
        series.indices.filter { series[$0].style == .markers || series[$0].style == .lineAndMarkers }
    }

    /// The number of markers not drawn because they have no position inside the plotting area.
    public var pointsOutsideRange: Int {
        let layout = layout()
        return markerSeries.reduce(0) { count, i in
            count + series[i].points.filter { layout.pixelInside(x: $0.x, y: $0.y) == nil }.count
        }
    }

    /// The vertices of a series' line in pixels before clipping (nil where a point has no position).
    public func lineVertices(of index: Int, in layout: PlotLayout) -> [SVGPoint?] {
        let s = series[index]
        guard s.style == .step else { return s.points.map { layout.pixel(x: $0.x, y: $0.y) } }
        var vertices: [SVGPoint?] = []
        for (i, p) in s.points.enumerated() {
            vertices.append(layout.pixel(x: p.x, y: p.y))
            if i + 1 < s.points.count { vertices.append(layout.pixel(x: s.points[i + 1].x, y: p.y)) }
        }
        return vertices
    }

    /// The plot as an SVG document.
    public func rendered() -> String {
        let layout = layout()
        let area = layout.plotArea
        var doc = SVGDocument(width: width, height: height, decimals: decimals)
        doc.title(title.isEmpty ? "Plot" : title)
        PlotCanvas.drawFrame(&doc, layout: layout, title: title, xLabel: xLabel, yLabel: yLabel)

        doc.group(class: "bands") { g in
            for band in bands {
                // Ends outside the axis (or with no position, such as 0 on a log axis) clip to its edge.
                let left = layout.pixel(x: max(band.lower, layout.xAxis.lower), y: layout.yAxis.lower).map { max($0.x, area.x) } ?? area.x
                let right = layout.pixel(x: min(band.upper, layout.xAxis.upper), y: layout.yAxis.lower).map { min($0.x, area.maxX) } ?? area.maxX
                guard right > left else { continue }
                g.rect(x: left, y: area.y, width: right - left, height: area.height, class: "band", style: "fill:\(band.color);fill-opacity:0.18;stroke:none")
                if let label = band.label {
                    g.text(label, at: SVGPoint((left + right) / 2, area.maxY - 6), anchor: .middle, class: "band-label", style: "fill:#37474f")
                }
            }
        }
        doc.group(class: "references") { g in
            for line in referenceLines {
                let style = "stroke:\(line.color)" + (line.dashed ? "" : ";stroke-dasharray:none")
                switch line.orientation {
                case .horizontal:
                    guard let p = layout.pixel(x: layout.xAxis.lower, y: line.value), p.y >= area.y - 1e-6, p.y <= area.maxY + 1e-6 else { continue }
                    g.line(from: SVGPoint(area.x, p.y), to: SVGPoint(area.maxX, p.y), class: "reference", style: style)
                    if let label = line.label {
                        g.text(label, at: SVGPoint(area.maxX - 4, p.y - 4), anchor: .end, class: "reference-label", style: "fill:\(line.color)")
                    }
                case .vertical:
                    guard let p = layout.pixel(x: line.value, y: layout.yAxis.lower), p.x >= area.x - 1e-6, p.x <= area.maxX + 1e-6 else { continue }
                    g.line(from: SVGPoint(p.x, area.y), to: SVGPoint(p.x, area.maxY), class: "reference", style: style)
                    if let label = line.label {
                        // Above the frame, centred on the line: inside it the label would sit under the
                        // legend (top left) or on the data.
                        g.text(label, at: SVGPoint(p.x, area.y - 5), anchor: .middle, class: "reference-label", style: "fill:\(line.color)")
                    }
                }
            }
        }
        var outside = 0
        for (i, s) in series.enumerated() {
            let color = color(of: i)
            doc.group(class: ["series-\(i)", s.className].compactMap { $0 }.joined(separator: " ")) { g in
                if s.style != .markers {
                    let style = "stroke:\(color)" + (s.dashed ? ";stroke-dasharray:6 4" : "")
                    PlotCanvas.drawCurve(&g, lineVertices(of: i, in: layout), area: area, class: "series", style: style)
                }
                if s.style == .markers || s.style == .lineAndMarkers {
                    let placed = s.points.compactMap { layout.pixelInside(x: $0.x, y: $0.y) }
                    outside += s.points.count - placed.count
                    for p in placed { g.circle(center: p, radius: 3.2, class: "marker", style: "fill:\(color);stroke:\(color)") }
                }
            }
        }
        if showsLegend {
            var legend: [LegendEntry] = []
            for (i, s) in series.enumerated() {
                guard let label = s.label else { continue }
                let symbol: LegendEntry.Symbol = s.style == .markers ? .marker : (s.dashed ? .dashedLine : .line)
                legend.append(LegendEntry(label, symbol: symbol, symbolClass: symbol == .marker ? "marker" : "series", color: color(of: i)))
            }
            legend += notes.map { LegendEntry($0) }
            PlotCanvas.drawLegend(&doc, entries: legend, area: area)
        }
        if outside > 0 {
            PlotCanvas.drawNote(&doc, outside == 1 ? "1 point outside the plotted range" : "\(outside) points outside the plotted range", area: area)
        }
        return doc.rendered()
    }
}
