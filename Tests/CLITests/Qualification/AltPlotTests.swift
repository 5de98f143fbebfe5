import Foundation
import Testing

/// `relmodel alt --plot`: the life-stress plot of Nelson's insulating fluid (76 units, all failed).
@Suite struct AltPlotTests {
    /// The contents of `<g class="NAME">` up to its closing tag.
    static func group(_ svg: String, _ name: String) -> String {
        guard let start = svg.range(of: "<g class=\"\(name)\">") else { return "" }
        let rest = svg[start.upperBound...]
        return String(rest[..<(rest.range(of: "</g>")?.lowerBound ?? rest.endIndex)])
    }

    /// The y pixel of each vertex of the group's polyline.
    static func ys(_ group: String) -> [Double] {
        guard let start = group.range(of: "points=\""), let end = group.range(of: "\"", range: start.upperBound..<group.endIndex) else { return [] }
        return group[start.upperBound..<end.lowerBound].split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
    }

    @Test func unitsAtTheirStressAndOrderedLifeCurves() throws {
        let path = try CLIRunner.scratchDirectory("relmodel-alt-plot") + "/alt.svg"
        let r = try CLIRunner.run(["alt", "datasets/lifetime/nelson_insulating_fluid_voltage.csv", "--stress", "voltage_kV",
                                   "--relationship", "inverse-power", "--use-stress", "20", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("Life vs stress: Weibull, 2-parameter, inverse-power"))
        #expect(Self.group(svg, "series-3").components(separatedBy: "<circle").count - 1 == 76, "one marker per unit")
        #expect(!svg.contains("suspensions"), "every unit failed")
        for label in ["B10 life", "median life", "B90 life", "failures", "voltage_kV", ">use<"] {
            #expect(svg.contains(label), "\(label)")
        }
        // Longer lives are higher on the page (smaller y): B10 below the median below B90, and every
        // life falls as the voltage rises (inverse power with exponent -17.7).
        let b10 = Self.ys(Self.group(svg, "series-0")), median = Self.ys(Self.group(svg, "series-1")), b90 = Self.ys(Self.group(svg, "series-2"))
        #expect(b10.count == median.count && median.count == b90.count && median.count > 10)
        for i in median.indices { #expect(b10[i] > median[i] && median[i] > b90[i]) }
        #expect(zip(median, median.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func peckHasNoPlotAndSaysWhy() throws {
        let file = try CLIRunner.temporaryFile("time,event,temp,rh\n100,1,85,85\n150,1,85,85\n300,1,110,85\n80,1,110,85\n400,1,85,60\n500,1,85,60\n90,1,130,85\n120,1,130,85\n")
        let path = try CLIRunner.scratchDirectory("relmodel-alt-peck") + "/peck.svg"
        let r = try CLIRunner.run(["alt", file, "--stress", "temp", "--humidity", "rh", "--relationship", "peck", "--plot", path])
        #expect(r.stderr.contains("no life-stress plot for the Peck relationship"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
