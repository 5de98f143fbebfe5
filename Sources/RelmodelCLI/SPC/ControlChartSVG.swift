import RelmodelNumerics
import Report
import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Control charts stacked vertically, drawn as Minitab draws them: subgroup labels on a shared x axis
/// (a moving-range point sits under the individual it ends on), y tick values, the limits and the
/// centre line as stepped lines labelled in the right margin (UCL=, CL=, LCL=, outside the data),
/// 1- and 2-sigma zone lines where the chart has zone tests, the phase I / phase II boundary and
/// stage changes labelled, and signalled points in red with a legend of the rules that fired.
enum ControlChartSVG {
    static let width = 860.0, panelHeight = 290.0
    /// Margins of a panel: room for y tick values (left), limit labels (right), title and legend
    /// (top), x tick labels and the axis title (bottom).
    static let leftMargin = 72.0, rightMargin = 120.0, topMargin = 44.0, bottomMargin = 46.0

    static func render(_ charts: [ControlChart]) -> String {
        let height = panelHeight * Double(charts.count)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let slots = SharedSlots(charts)
        for (index, chart) in charts.enumerated() { svg += panel(chart, top: Double(index) * panelHeight, slots: slots) }
        return svg + "</svg>\n"
    }

    /// The x positions the stacked charts share: the subgroups of the chart with the most points, so
    /// that a moving range (which starts at the second individual) lines up with its individual.
    struct SharedSlots {
        let labels: [String]
        let position: [String: Int]

        init(_ charts: [ControlChart]) {
            labels = charts.max { $0.points.count < $1.points.count }?.points.map(\.subgroup) ?? []
            var position: [String: Int] = [:]
            for (i, label) in labels.enumerated() where position[label] == nil { position[label] = i }
            // Repeated labels cannot place points: then each chart is aligned at its right end.
            self.position = position.count == labels.count ? position : [:]
        }

        /// The slot of a chart's i-th point.
        func slot(of point: ChartPoint, index i: Int, count: Int) -> Int {
            position[point.subgroup] ?? i + max(0, labels.count - count)
        }
    }

    static func panel(_ chart: ControlChart, top: Double, slots: SharedSlots) -> String {
        let points = chart.points
        guard !points.isEmpty else { return "" }
        var low = points.map { min($0.value, $0.lcl, $0.lowerValue ?? $0.value) }.min()!
        var high = points.map { max($0.value, $0.ucl) }.max()!
        if !(high > low) { low -= 1; high += 1 }
        let yAxis = Axis.linear(covering: low...high, targetTickCount: 5)
        let plotLeft = leftMargin, plotRight = width - rightMargin
        let plotTop = top + topMargin, plotBottom = top + panelHeight - bottomMargin
        let slotCount = Double(max(slots.labels.count, points.count))
        func x(_ slot: Double) -> Double { plotLeft + (plotRight - plotLeft) * (slot + 0.5) / slotCount }
        func y(_ v: Double) -> Double { plotBottom - (plotBottom - plotTop) * yAxis.fraction(v) }
        func f(_ v: Double) -> String { NumberFormatting.fixed(v, 2) }
        let slotOf = points.indices.map { Double(slots.slot(of: points[$0], index: $0, count: points.count)) }
        let title = ChartOutput.titles[chart.type] ?? chart.type.rawValue

        var out = "<g class=\"chart\">\n"
        out += "<text x=\"\(f(plotLeft))\" y=\"\(f(top + 18))\" font-weight=\"bold\" font-size=\"13\">\(SVGDocument.escape(title, quotes: false)) chart</text>\n"
        // Y axis: gridlines and tick values at the major ticks, the statistic's name as its title.
        for tick in yAxis.ticks() where tick.isMajor {
            let ty = y(tick.value)
            out += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(ty))\" x2=\"\(f(plotRight))\" y2=\"\(f(ty))\" stroke=\"#eee\"/>\n"
            out += "<line x1=\"\(f(plotLeft - 4))\" y1=\"\(f(ty))\" x2=\"\(f(plotLeft))\" y2=\"\(f(ty))\" stroke=\"#555\"/>\n"
            out += "<text class=\"y-tick\" x=\"\(f(plotLeft - 7))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">\(SVGDocument.escape(tick.label ?? "", quotes: false))</text>\n"
        }
        let middle = (plotTop + plotBottom) / 2
        out += "<text class=\"y-title\" x=\"\(f(16))\" y=\"\(f(middle))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(middle)))\">\(SVGDocument.escape(title, quotes: false))</text>\n"
        // X axis: about twelve labelled subgroups, every slot ticked when there are few.
        let labelStride = max(1, (slots.labels.count + 11) / 12)
        for (i, label) in slots.labels.enumerated() {
            let tx = x(Double(i))
            let labelled = i % labelStride == 0
            out += "<line x1=\"\(f(tx))\" y1=\"\(f(plotBottom))\" x2=\"\(f(tx))\" y2=\"\(f(plotBottom + (labelled ? 5 : 3)))\" stroke=\"#555\"/>\n"
            if labelled {
                out += "<text class=\"x-tick\" x=\"\(f(tx))\" y=\"\(f(plotBottom + 17))\" text-anchor=\"middle\">\(SVGDocument.escape(label, quotes: false))</text>\n"
            }
        }
        let xTitle = chart.type == .i || chart.type == .mr ? "Observation" : "Subgroup"
        out += "<text class=\"x-title\" x=\"\(f((plotLeft + plotRight) / 2))\" y=\"\(f(plotBottom + 36))\" text-anchor=\"middle\">\(xTitle)</text>\n"
        out += "<rect x=\"\(f(plotLeft))\" y=\"\(f(plotTop))\" width=\"\(f(plotRight - plotLeft))\" height=\"\(f(plotBottom - plotTop))\" fill=\"none\" stroke=\"#999\"/>\n"

        // Stepped line through per-point values: each point's value holds over its slot.
        func stepped(_ value: (ChartPoint) -> Double?, _ style: String) -> String {
            var d = ""
            for (i, p) in points.enumerated() {
                guard let v = value(p) else { continue }
                d += "M\(f(x(slotOf[i] - 0.5)))," + f(y(v)) + "H\(f(x(slotOf[i] + 0.5)))"
            }
            return d.isEmpty ? "" : "<path d=\"\(d)\" fill=\"none\" \(style)/>\n"
        }
        let zones = chart.type.supportsZoneTests && points.contains { $0.sigma != nil }
        if zones {
            // A zone line outside the limits (below an LCL clamped at 0) means nothing: not drawn.
            func zone(_ p: ChartPoint, _ k: Double) -> Double? {
                p.sigma.map { p.center + k * $0 }.flatMap { $0 >= p.lcl && $0 <= p.ucl ? $0 : nil }
            }
            for k in [1.0, 2.0, -1.0, -2.0] {
                out += stepped({ zone($0, k) }, "class=\"zone\" stroke=\"#ccc\" stroke-dasharray=\"2,3\"")
            }
        }
        out += stepped({ $0.ucl }, "class=\"limit\" stroke=\"#c00\"")
        out += stepped({ $0.lcl }, "class=\"limit\" stroke=\"#c00\"")
        out += stepped({ $0.center }, "class=\"center\" stroke=\"#080\"")

        // Phase boundary and stage changes, labelled at the top of the plot.
        func divider(before i: Int, _ label: String, dash: String) -> String {
            let bx = x(slotOf[i] - 0.5)
            return "<line x1=\"\(f(bx))\" y1=\"\(f(plotTop))\" x2=\"\(f(bx))\" y2=\"\(f(plotBottom))\" stroke=\"#555\" stroke-dasharray=\"\(dash)\"/>\n"
                + "<text class=\"region\" x=\"\(f(bx + 4))\" y=\"\(f(plotTop - 5))\" fill=\"#555\">\(SVGDocument.escape(label, quotes: false))</text>\n"
        }
        if let boundary = points.firstIndex(where: { $0.phase == .monitoring }) {
            if boundary > 0 {
                out += "<text class=\"region\" x=\"\(f(plotLeft + 4))\" y=\"\(f(plotTop - 5))\" fill=\"#555\">Phase I</text>\n"
                out += divider(before: boundary, "Phase II", dash: "6,4")
            } else {
                out += "<text class=\"region\" x=\"\(f(plotLeft + 4))\" y=\"\(f(plotTop - 5))\" fill=\"#555\">Phase II</text>\n"
            }
        }
        for i in points.indices.dropFirst() where points[i].stage != points[i - 1].stage {
            out += divider(before: i, "stage " + (points[i].stage ?? ""), dash: "1,3")
        }

        var line = ""
        for (i, p) in points.enumerated() { line += (i == 0 ? "M" : "L") + "\(f(x(slotOf[i]))),\(f(y(p.value)))" }
        out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#246\"/>\n"
        if points.contains(where: { $0.lowerValue != nil }) {
            var lower = ""
            for (i, p) in points.enumerated() { lower += (i == 0 ? "M" : "L") + "\(f(x(slotOf[i]))),\(f(y(p.lowerValue ?? 0)))" }
            out += "<path d=\"\(lower)\" fill=\"none\" stroke=\"#642\"/>\n"
        }
        for (i, p) in points.enumerated() {
            let color = p.signals.isEmpty ? "#246" : "#d00"
            let tests = p.signals.isEmpty ? "" : " tests " + p.signals.map(String.init).joined(separator: ",")
            out += "<circle class=\"\(p.signals.isEmpty ? "point" : "signal")\" cx=\"\(f(x(slotOf[i])))\" cy=\"\(f(y(p.value)))\" r=\"\(p.signals.isEmpty ? 2.5 : 4)\" fill=\"\(color)\"><title>\(SVGDocument.escape(p.subgroup, quotes: false)): \(NumberFormatting.significant(p.value, 6))\(tests)</title></circle>\n"
        }

        // Limit labels in the right margin at the last point's values, kept 12 px apart.
        let last = points[points.count - 1]
        var labels = [("UCL=" + NumberFormatting.significant(last.ucl, 5), y(last.ucl), "#c00"),
                      ("CL=" + NumberFormatting.significant(last.center, 5), y(last.center), "#080"),
                      ("LCL=" + NumberFormatting.significant(last.lcl, 5), y(last.lcl), "#c00")]
        for i in 1..<labels.count where labels[i].1 < labels[i - 1].1 + 12 { labels[i].1 = labels[i - 1].1 + 12 }
        for (text, ly, color) in labels {
            out += "<text class=\"limit-label\" x=\"\(f(plotRight + 6))\" y=\"\(f(ly + 4))\" fill=\"\(color)\">\(SVGDocument.escape(text, quotes: false))</text>\n"
        }

        // Legend: the points, the signals with the rules that fired, the zone lines.
        var legend: [(isLine: Bool, color: String, text: String)] = [(false, "#246", "subgroup statistic")]
        let fired = Set(points.flatMap(\.signals)).sorted()
        if !fired.isEmpty { legend.append((false, "#d00", "signal: test " + fired.map(String.init).joined(separator: ", "))) }
        if zones { legend.append((true, "#ccc", "1 and 2 sigma zones")) }
        var lx = plotRight
        for (isLine, color, text) in legend.reversed() {
            let textWidth = Double(text.count) * 6 + 16
            lx -= textWidth
            let sy = top + 18
            out += !isLine
                ? "<circle cx=\"\(f(lx + 4))\" cy=\"\(f(sy - 4))\" r=\"3.5\" fill=\"\(color)\"/>\n"
                : "<line x1=\"\(f(lx - 2))\" y1=\"\(f(sy - 4))\" x2=\"\(f(lx + 10))\" y2=\"\(f(sy - 4))\" stroke=\"\(color)\" stroke-dasharray=\"2,3\"/>\n"
            out += "<text class=\"legend\" x=\"\(f(lx + 12))\" y=\"\(f(sy))\">\(SVGDocument.escape(text, quotes: false))</text>\n"
        }
        return out + "</g>\n"
    }
}

