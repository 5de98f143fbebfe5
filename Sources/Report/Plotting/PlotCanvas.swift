/// A legend line: a symbol and a label.
public struct LegendEntry: Sendable, Equatable {
    public enum Symbol: Sendable, Equatable {
        /// A filled circle (data points).
        case marker
        /// A solid line (fitted curve, series).
        case line
        /// A dashed line (confidence bounds, reference lines).
        case dashedLine
        /// Text only (parameters, sample size, goodness of fit).
        case none
    }
    public var label: String
    public var symbol: Symbol
    /// A CSS class for the symbol (e.g. "points", "fit", "bound"); colours come from the stylesheet.
    public var symbolClass: String?
    /// A CSS colour overriding the class's (e.g. "#1f77b4").
    public var color: String?

    public init(_ label: String, symbol: Symbol = .none, symbolClass: String? = nil, color: String? = nil) {
        self.label = label; self.symbol = symbol; self.symbolClass = symbolClass; self.color = color
    }
}

/// The common furniture of a plot: stylesheet, background, title, grid, frame, tick labels, axis
/// labels, legend and notes. Shared by `ProbabilityPlot` and `LinePlot`.
enum PlotCanvas {
    /// Colours and fonts close to Weibull++ / Minitab defaults: white paper, grey grid, blue points,
    /// red fitted line, dashed bounds.
    static let stylesheet = """
    .background { fill: #ffffff; }
    .plot-area { fill: #ffffff; }
    .grid-minor { stroke: #e4e4e4; stroke-width: 0.6; }
    .grid-major { stroke: #b8b8b8; stroke-width: 0.8; }
    .frame { fill: none; stroke: #222222; stroke-width: 1.2; }
    .tick { stroke: #222222; stroke-width: 1; }
    text { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; fill: #1a1a1a; }
    .title { font-size: 16px; font-weight: bold; }
    .tick-label { font-size: 11px; }
    .axis-label { font-size: 13px; }
    .legend-box { fill: #ffffff; fill-opacity: 0.92; stroke: #888888; stroke-width: 0.8; }
    .legend text { font-size: 11.5px; }
    .note { font-size: 11.5px; fill: #b3261e; font-weight: bold; }
    .points circle, circle.points { fill: #1f4e9c; stroke: #0b2a5e; stroke-width: 0.8; }
    .fit { fill: none; stroke: #c62828; stroke-width: 1.8; stroke-linejoin: round; }
    .bound { fill: none; stroke: #c62828; stroke-width: 1.1; stroke-dasharray: 6 4; }
    .band { fill: #c62828; fill-opacity: 0.08; stroke: none; }
    .component { fill: none; stroke-width: 1.4; stroke-dasharray: 2 3; stroke-linejoin: round; }
    .series { fill: none; stroke-width: 1.5; stroke-linejoin: round; }
    .marker { stroke-width: 0.8; }
    .reference { stroke-width: 1.2; stroke-dasharray: 7 4; }
    .reference-label { font-size: 11px; }
    """

    /// Background, title, grid, frame, ticks and axis labels; `yTicks: false` leaves the vertical axis
    /// without ticks, labels or horizontal grid lines (a bar chart's rows carry their own labels).
    static func drawFrame(_ doc: inout SVGDocument, layout: PlotLayout, title: String, xLabel: String, yLabel: String,
                          yTicks showsYTicks: Bool = true) {
        let area = layout.plotArea
        doc.addStyle(stylesheet)
        doc.rect(x: 0, y: 0, width: layout.width, height: layout.height, class: "background")
        if !title.isEmpty {
            doc.text(title, at: SVGPoint(area.x + area.width / 2, 30), anchor: .middle, class: "title")
        }
        let xTicks = layout.xAxis.ticks(), yTicks = showsYTicks ? layout.yAxis.ticks() : []
        // Grid: minor lines first so the majors draw over them.
        func xPixel(_ v: Double) -> Double? {
            let f = layout.xAxis.fraction(v)
            return f.isFinite ? area.x + f * area.width : nil
        }
        func yPixel(_ v: Double) -> Double? {
            let f = layout.yAxis.fraction(v)
            return f.isFinite ? area.maxY - f * area.height : nil
        }
        let xLabels = placedLabels(xTicks, position: xPixel, minimumSpacing: 34)
        let yLabels = placedLabels(yTicks, position: yPixel, minimumSpacing: 12)
        doc.rect(x: area.x, y: area.y, width: area.width, height: area.height, class: "plot-area")
        doc.group(class: "grid") { g in
            for major in [false, true] {
                for tick in xTicks where (tick.isMajor && xLabels[tick.value] != nil) == major {
                    guard let x = xPixel(tick.value) else { continue }
                    g.line(from: SVGPoint(x, area.y), to: SVGPoint(x, area.maxY), class: major ? "grid-major" : "grid-minor")
                }
                for tick in yTicks where (tick.isMajor && yLabels[tick.value] != nil) == major {
                    guard let y = yPixel(tick.value) else { continue }
                    g.line(from: SVGPoint(area.x, y), to: SVGPoint(area.maxX, y), class: major ? "grid-major" : "grid-minor")
                }
            }
        }
        doc.rect(x: area.x, y: area.y, width: area.width, height: area.height, class: "frame")
        doc.group(class: "x-axis") { g in
            for tick in xTicks {
                guard let x = xPixel(tick.value), let label = xLabels[tick.value] else { continue }
                g.line(from: SVGPoint(x, area.maxY), to: SVGPoint(x, area.maxY + 5), class: "tick")
                g.text(label, at: SVGPoint(x, area.maxY + 18), anchor: .middle, class: "tick-label")
            }
            g.text(xLabel, at: SVGPoint(area.x + area.width / 2, area.maxY + 42), anchor: .middle, class: "axis-label")
        }
        doc.group(class: "y-axis") { g in
            for tick in yTicks {
                guard let y = yPixel(tick.value), let label = yLabels[tick.value] else { continue }
                g.line(from: SVGPoint(area.x - 5, y), to: SVGPoint(area.x, y), class: "tick")
                g.text(label, at: SVGPoint(area.x - 8, y + 4), anchor: .end, class: "tick-label")
            }
            let center = SVGPoint(22, area.y + area.height / 2)
            g.text(yLabel, at: center, anchor: .middle, rotation: -90, class: "axis-label")
        }
    }

    /// The labels that fit: labelled ticks in order of priority, then value, each kept only if it is
    /// at least `minimumSpacing` px from every label already kept. Keyed by tick value.
    static func placedLabels(_ ticks: [AxisTick], position: (Double) -> Double?, minimumSpacing: Double) -> [Double: String] {
        var kept: [(Double, Double, String)] = []
        let candidates = ticks.filter { $0.label != nil }.sorted { ($0.priority, $0.value) < ($1.priority, $1.value) }
        for tick in candidates {
            guard let p = position(tick.value), let label = tick.label else { continue }
            if kept.allSatisfy({ abs($0.1 - p) >= minimumSpacing }) { kept.append((tick.value, p, label)) }
        }
        return Dictionary(kept.map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
    }

    /// A legend box at the top left of the plotting area (the empty corner of a rising CDF).
    static func drawLegend(_ doc: inout SVGDocument, entries: [LegendEntry], area: PlotRect) {
        guard !entries.isEmpty else { return }
        let lineHeight = 17.0, symbolWidth = 26.0, padding = 8.0
        // Width estimate for 11.5 px DejaVu Sans / Arial: about 0.6 em per character.
        let textWidth = entries.map { Double($0.label.count) * 6.9 }.max() ?? 0
        let hasSymbols = entries.contains { $0.symbol != .none }
        let width = min(area.width - 20, padding * 2 + (hasSymbols ? symbolWidth + 6 : 0) + textWidth)
        let height = padding * 2 + lineHeight * Double(entries.count) - 4
        let x0 = area.x + 10, y0 = area.y + 10
        doc.group(class: "legend") { g in
            g.rect(x: x0, y: y0, width: width, height: height, class: "legend-box")
            for (i, entry) in entries.enumerated() {
                let midY = y0 + padding + lineHeight * Double(i) + 5.5
                let style = entry.color.map {
                    entry.symbol == .marker ? "fill:\($0);stroke:\($0)" : "stroke:\($0)" + (entry.symbol == .dashedLine ? ";stroke-dasharray:6 4" : "")
                }
                switch entry.symbol {
                case .marker:
                    g.circle(center: SVGPoint(x0 + padding + symbolWidth / 2, midY), radius: 3.6, class: entry.symbolClass ?? "points", style: style)
                case .line, .dashedLine:
                    g.line(from: SVGPoint(x0 + padding, midY), to: SVGPoint(x0 + padding + symbolWidth, midY),
                           class: entry.symbolClass ?? (entry.symbol == .line ? "fit" : "bound"), style: style)
                case .none:
                    break
                }
                let textX = x0 + padding + (hasSymbols ? symbolWidth + 6 : 0)
                g.text(entry.label, at: SVGPoint(textX, midY + 4), class: nil)
            }
        }
    }

    /// A visible warning at the bottom right of the plotting area.
    static func drawNote(_ doc: inout SVGDocument, _ note: String, area: PlotRect) {
        doc.text(note, at: SVGPoint(area.maxX - 8, area.maxY - 8), anchor: .end, class: "note")
    }

    /// Marker circles at the given pixels.
    static func drawMarkers(_ doc: inout SVGDocument, _ points: [SVGPoint], radius: Double = 3.6, class className: String, style: String? = nil) {
        doc.group(class: className, attributes: style.map { [("style", $0)] } ?? []) { g in
            for p in points { g.circle(center: p, radius: radius) }
        }
    }

    /// A clipped polyline through data pixels (nil entries break the line).
    static func drawCurve(_ doc: inout SVGDocument, _ points: [SVGPoint?], area: PlotRect, class className: String, style: String? = nil) {
        for run in PolylineClipping.clip(points, to: area) {
            doc.polyline(run, class: className, style: style)
        }
    }
}
