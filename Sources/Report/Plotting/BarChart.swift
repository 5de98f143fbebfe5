/// A horizontal bar chart: one row per category, one bar per series in each row (grouped), values on
/// a linear axis that always includes 0, optional interval whiskers per bar. For variance components
/// with their intervals and for contributions to a batch's T² and SPE (which can be negative).
public struct BarChart: Sendable {
    /// One series of bars: a value per category (nil: no bar), optional intervals.
    public struct Series: Sendable {
        public var label: String?
        public var values: [Double?]
        public var intervals: [ClosedRange<Double>?]
        public var color: String?

        public init(label: String? = nil, values: [Double?], intervals: [ClosedRange<Double>?] = [], color: String? = nil) {
            self.label = label; self.values = values; self.intervals = intervals; self.color = color
        }
    }

    public var title: String
    public var valueLabel: String
    public var categories: [String]
    public var series: [Series]
    public var width = 760.0
    /// Height of one category's row; the figure grows with the number of categories.
    public var rowHeight = 26.0

    public init(title: String, valueLabel: String, categories: [String], series: [Series]) {
        self.title = title; self.valueLabel = valueLabel; self.categories = categories; self.series = series
    }

    /// The value axis: every bar and whisker end, and 0.
    public var valueAxis: Axis {
        var values = [0.0]
        for s in series {
            values += s.values.compactMap { $0 }.filter(\.isFinite)
            values += s.intervals.compactMap { $0 }.flatMap { [$0.lowerBound, $0.upperBound] }.filter(\.isFinite)
        }
        let lo = values.min()!, hi = values.max()!
        let pad = max(hi - lo, 1e-300) * 0.04
        return .linear(covering: (lo < 0 ? lo - pad : 0)...(hi > 0 ? hi + pad : 0 + pad))
    }

    /// The chart as an SVG document.
    public func rendered() -> String {
        // Room on the left for the longest category label (about 6.6 px a character at 11 px).
        let labelWidth = min(260, max(60, Double(categories.map(\.count).max() ?? 0) * 6.6 + 16))
        let rows = max(1, Double(categories.count)) * rowHeight
        let height = 48 + rows + 64 + (series.count > 1 ? 24 : 0)
        let area = PlotRect(x: labelWidth, y: 48, width: width - labelWidth - 26, height: rows)
        let axis = valueAxis
        // The frame's vertical axis is not drawn (`yTicks: false`): the category rows carry their own labels.
        let layout = PlotLayout(width: width, height: height, plotArea: area, xAxis: axis,
                                yAxis: Axis(scale: .linear, lower: 0, upper: Double(max(categories.count, 1))))
        var doc = SVGDocument(width: width, height: height)
        doc.title(title.isEmpty ? "Bar chart" : title)
        PlotCanvas.drawFrame(&doc, layout: layout, title: title, xLabel: valueLabel, yLabel: "", yTicks: false)
        func x(_ v: Double) -> Double { area.x + axis.fraction(v) * area.width }
        let zero = x(0)
        let groups = Double(max(series.count, 1))
        let barHeight = (rowHeight - 8) / groups
        doc.group(class: "categories") { g in
            for (row, name) in categories.enumerated() {
                let y = area.y + Double(row) * rowHeight + rowHeight / 2 + 4
                g.text(name, at: SVGPoint(area.x - 8, y), anchor: .end, class: "tick-label")
            }
        }
        for (i, s) in series.enumerated() {
            let color = s.color ?? LinePlot.palette[i % LinePlot.palette.count]
            doc.group(class: "bars series-\(i)") { g in
                for row in categories.indices {
                    let top = area.y + Double(row) * rowHeight + 4 + Double(i) * barHeight
                    if row < s.values.count, let v = s.values[row], v.isFinite {
                        let end = x(v)
                        g.rect(x: min(zero, end), y: top, width: abs(end - zero), height: barHeight - 1, class: "bar",
                               style: "fill:\(color);fill-opacity:0.8;stroke:\(color)")
                    }
                    if row < s.intervals.count, let interval = s.intervals[row],
                       interval.lowerBound.isFinite, interval.upperBound.isFinite {
                        let mid = top + (barHeight - 1) / 2
                        g.line(from: SVGPoint(x(interval.lowerBound), mid), to: SVGPoint(x(interval.upperBound), mid), class: "whisker",
                               style: "stroke:#222222;stroke-width:1.3")
                        for end in [interval.lowerBound, interval.upperBound] {
                            g.line(from: SVGPoint(x(end), mid - 4), to: SVGPoint(x(end), mid + 4), class: "whisker", style: "stroke:#222222;stroke-width:1.3")
                        }
                    }
                }
            }
        }
        doc.line(from: SVGPoint(zero, area.y), to: SVGPoint(zero, area.maxY), class: "zero", style: "stroke:#222222;stroke-width:1")
        let entries = series.enumerated().compactMap { i, s in
            s.label.map { LegendEntry($0, symbol: .line, color: s.color ?? LinePlot.palette[i % LinePlot.palette.count]) }
        }
        if entries.count > 1 {
            doc.group(class: "legend-row") { g in
                var x0 = area.x
                for entry in entries {
                    g.rect(x: x0, y: height - 20, width: 14, height: 10, style: "fill:\(entry.color ?? "#1f4e9c")")
                    g.text(entry.label, at: SVGPoint(x0 + 18, height - 11), class: "tick-label")
                    x0 += 30 + Double(entry.label.count) * 6.6
                }
            }
        }
        return doc.rendered()
    }
}
