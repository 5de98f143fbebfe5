import RelmodelNumerics
import Report
import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal SVG rendering of control charts stacked vertically: limits as stepped lines, the
/// center line, 1- and 2-sigma zone lines where the chart has zones, points (red when signalled),
/// and a dashed line at the phase I / phase II boundary.
enum ControlChartSVG {
    static let width = 800.0, panelHeight = 260.0, margin = 50.0

    static func render(_ charts: [ControlChart]) -> String {
        let height = panelHeight * Double(charts.count)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        for (index, chart) in charts.enumerated() { svg += panel(chart, top: Double(index) * panelHeight) }
        return svg + "</svg>\n"
    }

    static func panel(_ chart: ControlChart, top: Double) -> String {
        let points = chart.points
        guard !points.isEmpty else { return "" }
        var low = points.map { min($0.value, $0.lcl, $0.lowerValue ?? $0.value) }.min()!
        var high = points.map { max($0.value, $0.ucl) }.max()!
        if !(high > low) { low -= 1; high += 1 }
        let pad = (high - low) * 0.05
        low -= pad; high += pad
        let plotLeft = margin, plotRight = width - 20, plotTop = top + 25, plotBottom = top + panelHeight - 30
        func x(_ i: Double) -> Double { plotLeft + (plotRight - plotLeft) * (points.count == 1 ? 0.5 : i / Double(points.count - 1)) }
        func y(_ v: Double) -> Double { plotBottom - (plotBottom - plotTop) * (v - low) / (high - low) }
        func f(_ v: Double) -> String { NumberFormatting.fixed(v, 2) }
        var out = "<text x=\"\(f(plotLeft))\" y=\"\(f(top + 15))\" font-weight=\"bold\">\(ChartOutput.titles[chart.type] ?? chart.type.rawValue) chart</text>\n"
        out += "<rect x=\"\(f(plotLeft))\" y=\"\(f(plotTop))\" width=\"\(f(plotRight - plotLeft))\" height=\"\(f(plotBottom - plotTop))\" fill=\"none\" stroke=\"#999\"/>\n"
        // Stepped line through per-point values: each point's value holds over [i - 0.5, i + 0.5].
        func stepped(_ value: (ChartPoint) -> Double?, _ style: String) -> String {
            var d = ""
            for (i, p) in points.enumerated() {
                guard let v = value(p) else { continue }
                let x0 = max(plotLeft, x(Double(i) - 0.5)), x1 = min(plotRight, x(Double(i) + 0.5))
                d += "M\(f(x0)),\(f(y(v)))H\(f(x1))"
            }
            return d.isEmpty ? "" : "<path d=\"\(d)\" fill=\"none\" \(style)/>\n"
        }
        for k in [1.0, 2.0] where chart.type.supportsZoneTests {
            out += stepped({ p in p.sigma.map { p.center + k * $0 } }, "stroke=\"#ddd\" stroke-dasharray=\"2,3\"")
            out += stepped({ p in p.sigma.map { p.center - k * $0 } }, "stroke=\"#ddd\" stroke-dasharray=\"2,3\"")
        }
        out += stepped({ $0.ucl }, "stroke=\"#c00\"")
        out += stepped({ $0.lcl }, "stroke=\"#c00\"")
        out += stepped({ $0.center }, "stroke=\"#080\"")
        if let boundary = points.firstIndex(where: { $0.phase == .monitoring }), boundary > 0 {
            let bx = x(Double(boundary) - 0.5)
            out += "<line x1=\"\(f(bx))\" y1=\"\(f(plotTop))\" x2=\"\(f(bx))\" y2=\"\(f(plotBottom))\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>\n"
        }
        var line = ""
        for (i, p) in points.enumerated() { line += (i == 0 ? "M" : "L") + "\(f(x(Double(i)))),\(f(y(p.value)))" }
        out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#246\"/>\n"
        if points.contains(where: { $0.lowerValue != nil }) {
            var lower = ""
            for (i, p) in points.enumerated() { lower += (i == 0 ? "M" : "L") + "\(f(x(Double(i)))),\(f(y(p.lowerValue ?? 0)))" }
            out += "<path d=\"\(lower)\" fill=\"none\" stroke=\"#642\"/>\n"
        }
        for (i, p) in points.enumerated() {
            let color = p.signals.isEmpty ? "#246" : "#d00"
            out += "<circle cx=\"\(f(x(Double(i))))\" cy=\"\(f(y(p.value)))\" r=\"\(p.signals.isEmpty ? 2.5 : 4)\" fill=\"\(color)\"><title>\(escape(p.subgroup)): \(NumberFormatting.significant(p.value, 6))\(p.signals.isEmpty ? "" : " tests " + p.signals.map(String.init).joined(separator: ","))</title></circle>\n"
        }
        out += "<text x=\"\(f(plotRight - 4))\" y=\"\(f(y(points.last!.ucl) - 3))\" text-anchor=\"end\" fill=\"#c00\">UCL \(NumberFormatting.significant(points.last!.ucl, 5))</text>\n"
        out += "<text x=\"\(f(plotRight - 4))\" y=\"\(f(y(points.last!.lcl) + 12))\" text-anchor=\"end\" fill=\"#c00\">LCL \(NumberFormatting.significant(points.last!.lcl, 5))</text>\n"
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

