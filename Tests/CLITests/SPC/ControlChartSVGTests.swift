import Foundation
import Testing

/// Control-chart SVGs an engineer can read: subgroups on the x axis, y tick values, labelled limits
/// in the margin, phases labelled, a legend naming the rules that fired, and a moving range under the
/// individual it ends on.
@Suite struct ControlChartSVGTests {
    /// The panels of a chart SVG (one `<g class="chart">` each).
    static func panels(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"chart\">").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
    }

    /// Texts of the elements of a class, in order.
    static func texts(_ panel: String, _ cssClass: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: "<text class=\"\(cssClass)\"[^>]*>([^<]*)</text>")
        return pattern.matches(in: panel, range: NSRange(panel.startIndex..., in: panel)).map {
            String(panel[Range($0.range(at: 1), in: panel)!])
        }
    }

    /// The x of each plotted point (signalled or not), in order.
    static func pointXs(_ panel: String) throws -> [Double] {
        let pattern = try NSRegularExpression(pattern: "<circle class=\"(?:point|signal)\" cx=\"([0-9.]+)\"")
        return pattern.matches(in: panel, range: NSRange(panel.startIndex..., in: panel)).map {
            Double(panel[Range($0.range(at: 1), in: panel)!])!
        }
    }

    static func chart(_ arguments: [String]) throws -> String {
        let path = try CLIRunner.scratchDirectory("relmodel-chart-svg") + "/chart.svg"
        let r = try CLIRunner.run(arguments + ["--svg", path])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func axesLimitsPhasesAndLegend() throws {
        let arguments = ["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample",
                         "--phase", "phase", "--rules", "1,2,5"]
        let panels = Self.panels(try Self.chart(arguments))
        #expect(panels.count == 2)
        // The rules that fired on the x-bar chart, from the same command's JSON.
        let doc = try CLIRunner.json(try CLIRunner.run(arguments + ["--json"]).stdout)
        let charts = try #require(doc["charts"] as? [[String: Any]])
        let points = try #require(charts[0]["points"] as? [[String: Any]])
        let fired = Set(points.flatMap { ($0["signals"] as? [Int]) ?? [] }).sorted()
        #expect(!fired.isEmpty)
        for (index, panel) in panels.enumerated() {
            let yTicks = try Self.texts(panel, "y-tick")
            #expect(yTicks.count >= 3 && yTicks.allSatisfy { Double($0) != nil }, "\(yTicks)")
            let xTicks = try Self.texts(panel, "x-tick")
            #expect(xTicks.first == "1" && xTicks.count >= 8, "\(xTicks)")
            #expect(try Self.texts(panel, "x-title") == ["Subgroup"])
            let limits = try Self.texts(panel, "limit-label")
            #expect(limits.count == 3 && limits[0].hasPrefix("UCL=") && limits[1].hasPrefix("CL=") && limits[2].hasPrefix("LCL="))
            #expect(try Self.texts(panel, "region") == ["Phase I", "Phase II"])
            let legend = try Self.texts(panel, "legend")
            if index == 0 {
                #expect(legend.contains("signal: test " + fired.map(String.init).joined(separator: ", ")), "\(legend)")
            }
            #expect(try Self.pointXs(panel).count == 40)
        }
        // The x-bar limit labels carry the JSON's limits of the last point.
        let last = try #require(points.last)
        let ucl = try #require(last["ucl"] as? Double)
        #expect(try Self.texts(panels[0], "limit-label")[0] == "UCL=" + String(format: "%.5g", ucl).replacingOccurrences(of: "+", with: ""))
    }

    /// The moving range of observations 1 and 2 is drawn above observation 2.
    @Test func movingRangeUnderItsIndividual() throws {
        let panels = Self.panels(try Self.chart(["spc", "imr", "datasets/spc/nist_individuals_flow_rate.csv", "--value", "flow_rate"]))
        let individuals = try Self.pointXs(panels[0]), ranges = try Self.pointXs(panels[1])
        #expect(individuals.count == ranges.count + 1)
        for (k, x) in ranges.enumerated() { #expect(x == individuals[k + 1]) }
        #expect(try Self.texts(panels[1], "x-title") == ["Observation"])
    }

    /// Subgroup labels are text: escaped in the axis labels and tooltips.
    @Test func labelsAreEscaped() throws {
        var csv = "lot,x\n"
        for i in 1...8 { csv += "\(i == 1 ? "\"<b>&\"" : String(i)),\(10 + Double(i % 3))\n" }
        let path = try CLIRunner.temporaryFile(csv)
        let svg = try Self.chart(["spc", "imr", path, "--value", "x", "--subgroup", "lot"])
        #expect(!svg.contains("<b>"))
        #expect(try Self.texts(Self.panels(svg)[0], "x-tick").first == "&lt;b&gt;&amp;")
    }
}
